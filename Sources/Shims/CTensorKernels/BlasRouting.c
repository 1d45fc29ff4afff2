// Fortran-interface sgemm_/dgemm_, defined here so that LAPACK inside OpenBLAS, which calls
// them through its PLT, multiplies with Gemm.c's AVX-512 kernel instead of the Haswell one the
// environment pins OpenBLAS to. (Julia's libblastrampoline routes BLAS calls the same way.)
// The products inside a 512² eigh or SVD are where their time goes (30 % of syevd in
// dgemm_kernel_HASWELL). A call the kernel does not take goes on to OpenBLAS's own routine,
// found with dlsym(RTLD_NEXT), unchanged; so does anything unusual (alpha = 0, empty or invalid
// arguments), so OpenBLAS still reports argument errors itself.
//
// Column-major C = op(A)·op(B) is, read as row-major storage, Cᵀ = op(B)ᵀ·op(A)ᵀ, and a
// column-major operand read as row-major is its own transpose: B's buffer becomes the left
// operand and A's the right, each transposed exactly when the caller asked for it.
#define _GNU_SOURCE
#include "CTensorKernels.h"
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__x86_64__)
#include <dlfcn.h>

static _Atomic long routed;
// Set by Tensor from the available cores when it is first used (Parallel.swift).
static _Atomic int blasThreads = 2;

void folio_set_blas_threads(int threads) { atomic_store(&blasThreads, threads < 1 ? 1 : threads); }
long folio_blas_routed_calls(void) { return atomic_load(&routed); }

static int transposed(const char *t) { return *t == 'T' || *t == 't' || *t == 'C' || *t == 'c'; }
static int plain(const char *t) { return *t == 'N' || *t == 'n'; }

// Arguments we pass on rather than judge: anything OpenBLAS would reject or short-cut.
#define UNUSUAL(ta, tb, m, n, k, alpha, lda, ldb, ldc)                                                  \
    ((!transposed(ta) && !plain(ta)) || (!transposed(tb) && !plain(tb)) || *m <= 0 || *n <= 0 ||      \
     *k <= 0 || *alpha == 0 || *lda < (plain(ta) ? *m : *k) || *ldb < (plain(tb) ? *k : *n) || *ldc < *m)

#define ROUTE(T, name, kernel)                                                                             \
typedef void (*name##_fn)(const char *, const char *, const int *, const int *, const int *, const T *, \
                          const T *, const int *, const T *, const int *, const T *, T *, const int *,  \
                          size_t, size_t);                                                             \
void name(const char *ta, const char *tb, const int *m, const int *n, const int *k, const T *alpha,     \
          const T *a, const int *lda, const T *b, const int *ldb, const T *beta, T *c, const int *ldc,  \
          size_t lta, size_t ltb) {                                                                    \
    if (!UNUSUAL(ta, tb, m, n, k, alpha, lda, ldb, ldc) &&                                             \
        kernel(transposed(tb), transposed(ta), *n, *m, *k, *alpha, b, *ldb, a, *lda, *beta, c, *ldc,   \
               atomic_load(&blasThreads))) {                                                            \
        atomic_fetch_add(&routed, 1);                                                                  \
        return;                                                                                        \
    }                                                                                                  \
    static _Atomic(name##_fn) next;                                                                    \
    name##_fn f = atomic_load(&next);                                                                  \
    if (!f) { f = (name##_fn)dlsym(RTLD_NEXT, #name); atomic_store(&next, f); }                        \
    if (!f) { fprintf(stderr, "folio: no BLAS " #name " to pass this product on to\n"); abort(); }  \
    f(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, lta, ltb);                                 \
}
ROUTE(float, sgemm_, folio_gemm_f32)
ROUTE(double, dgemm_, folio_gemm_f64)

#else

void folio_set_blas_threads(int threads) { (void)threads; }
long folio_blas_routed_calls(void) { return 0; }

#endif
