#include "CComplexLAPACK.h"
#include <lapacke.h>

int folio_zgeev(int n, double *a, double *w, double *vr) {
    return LAPACKE_zgeev(LAPACK_ROW_MAJOR, 'N', vr ? 'V' : 'N', n, (lapack_complex_double *)a, n, (lapack_complex_double *)w, 0, n,
                         (lapack_complex_double *)vr, n);
}

int folio_cgeev(int n, float *a, float *w, float *vr) {
    return LAPACKE_cgeev(LAPACK_ROW_MAJOR, 'N', vr ? 'V' : 'N', n, (lapack_complex_float *)a, n, (lapack_complex_float *)w, 0, n,
                         (lapack_complex_float *)vr, n);
}

int folio_zgesdd(int m, int n, double *a, double *s, double *u, double *vt) {
    int k = m < n ? m : n;
    return LAPACKE_zgesdd(LAPACK_ROW_MAJOR, u ? 'S' : 'N', m, n, (lapack_complex_double *)a, n, s, (lapack_complex_double *)u, k,
                          (lapack_complex_double *)vt, n);
}

int folio_cgesdd(int m, int n, float *a, float *s, float *u, float *vt) {
    int k = m < n ? m : n;
    return LAPACKE_cgesdd(LAPACK_ROW_MAJOR, u ? 'S' : 'N', m, n, (lapack_complex_float *)a, n, s, (lapack_complex_float *)u, k,
                          (lapack_complex_float *)vt, n);
}
