// LAPACK's complex drivers with complex arguments as pointers to (real, imaginary) pairs of
// doubles or floats. LAPACKE declares them with C99 `_Complex` types, which Swift cannot
// import; these wrappers take the same memory as plain pointers. Each returns LAPACK's info.
#pragma once

/// Eigenvalues `w` (n pairs) and, if `vr` is not null, right eigenvectors (columns of the
/// row-major n×n `vr`) of the row-major n×n complex matrix `a` (overwritten).
int folio_zgeev(int n, double *a, double *w, double *vr);
int folio_cgeev(int n, float *a, float *w, float *vr);

/// The SVD of the row-major m×n complex matrix `a` (overwritten): singular values `s`
/// (min(m, n), real), and unless `u` is null the reduced factors u (m×k) and vt (k×n), k = min(m, n).
int folio_zgesdd(int m, int n, double *a, double *s, double *u, double *vt);
int folio_cgesdd(int m, int n, float *a, float *s, float *u, float *vt);
