// Matrix products for which OpenBLAS, as this project runs it (Debian's 0.3.21 with
// OPENBLAS_CORETYPE=Haswell), is slow: every dimension ≤ 96, where its call, threading decision
// and packing cost more than the arithmetic; and, on AVX-512 machines, n and k ≤ 1024, where its
// forced AVX2 kernels reach half of what AVX-512 does (measured here in thread CPU time: 225 vs
// 120 GFLOP/s f32 at n = 256; its second thread added nothing). A register-tiled kernel (rows ×
// 64-byte vectors of columns, FMA over k) compiled for AVX2 and AVX-512. Hand-written because no
// system library offers it (OpenBLAS's AVX-512 kernels are what the forced core type excludes);
// TensorTests compare it with a naive triple loop for every transpose and alpha/beta case.
#include "CTensorKernels.h"
#include "Dispatch.h"
#include <string.h>

#pragma clang diagnostic ignored "-Wpsabi"   // 64-byte vectors only inside inlined helpers

// Largest sizes taken: every dimension with AVX2; n and k with AVX-512 (m is free).
enum { Limit = 96, WideLimit = 1024 };

typedef float f32x16 __attribute__((vector_size(64)));
typedef double f64x8 __attribute__((vector_size(64)));

// One kernel per precision: V is a 64-byte vector of W lanes. The j-loop runs over column
// strips of W; a strip is read from B directly when B is untransposed and the strip is full,
// otherwise copied (transposed, zero-padded) into `strip`. Rows go MR at a time, then one.
#define KERNEL(T, V, W, MR, NB, name)                                                                          \
static inline __attribute__((always_inline)) void name##_rows(                                          \
    int rows, int transA, long k, T alpha, const T *a, long lda, const T *bs, long ldbs,               \
    T beta, T *c, long ldc, long cols) {                                                               \
    V acc[MR][NB] = {{0}};                                                                             \
    for (long p = 0; p < k; p++) {                                                                     \
        V bv[NB]; memcpy(bv, bs + p * ldbs, sizeof bv);                                                \
        for (int r = 0; r < rows; r++) {                                                               \
            V av = (V){} + (transA ? a[p * lda + r] : a[r * lda + p]);                                 \
            for (int v = 0; v < NB; v++) acc[r][v] = __builtin_elementwise_fma(av, bv[v], acc[r][v]);  \
        }                                                                                              \
    }                                                                                                  \
    for (int r = 0; r < rows; r++) {                                                                   \
        T out[NB * W], *cr = c + r * ldc;                                                              \
        for (int v = 0; v < NB; v++) {                                                                 \
            V o = acc[r][v];                                                                           \
            if (alpha != 1) o = o * alpha;                                                             \
            memcpy(out + v * W, &o, sizeof o);                                                         \
        }                                                                                              \
        if (beta != 0) for (long j = 0; j < cols; j++) out[j] += beta * cr[j];                         \
        memcpy(cr, out, (size_t)cols * sizeof(T));                                                     \
    }                                                                                                  \
}                                                                                                      \
static inline __attribute__((always_inline)) void name(                                                 \
    int transA, int transB, long m, long n, long k, T alpha, const T *a, long lda,                     \
    const T *b, long ldb, T beta, T *c, long ldc) {                                                    \
    enum { TW = NB * W };   /* tile width in elements */                                              \
    /* A local array, not a heap buffer: clang then keeps the tile in registers (2.6× faster). */   \
    T strip[WideLimit * TW];   /* 128 KB of stack */                                               \
    for (long j = 0; j < n; j += TW) {                                                                 \
        long cols = n - j < TW ? n - j : TW;                                                           \
        const T *bs; long ldbs;                                                                        \
        if (!transB && cols == TW) { bs = b + j; ldbs = ldb; }                                         \
        else {                                                                                         \
            memset(strip, 0, sizeof(T) * (size_t)(k * TW));                                            \
            for (long p = 0; p < k; p++)                                                               \
                for (long q = 0; q < cols; q++) strip[p * TW + q] = transB ? b[(j + q) * ldb + p] : b[p * ldb + j + q]; \
            bs = strip; ldbs = TW;                                                                     \
        }                                                                                              \
        long i = 0;                                                                                    \
        for (; i + MR <= m; i += MR) {                                                                 \
            const T *ai = transA ? a + i : a + i * lda;                                                \
            if (transA) name##_rows(MR, 1, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols); \
            else name##_rows(MR, 0, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols);    \
        }                                                                                              \
        for (; i < m; i++) {                                                                           \
            const T *ai = transA ? a + i : a + i * lda;                                                \
            name##_rows(1, transA, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols);     \
        }                                                                                              \
    }                                                                                                  \
}
// Tiles of MR rows × NB 64-byte vectors. AVX2 holds such a vector in two of its 16 registers:
// 4 × 1 keeps 8 accumulators. AVX-512 holds it in one of 32: 8 × 2 keeps 16 (measured here:
// 1.8× the 4 × 1 tile at n = 64), but a single strip narrower than one vector (n ≤ W) would be
// half padding, so it takes 4 × 1 too. The tile never changes an element's FMA chain.
KERNEL(float, f32x16, 16, 4, 1, kernel32x1)
KERNEL(double, f64x8, 8, 4, 1, kernel64x1)
KERNEL(float, f32x16, 16, 8, 2, kernel32x2)
KERNEL(double, f64x8, 8, 8, 2, kernel64x2)

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f")))
#define ARGS(T) int tA, int tB, long m, long n, long k, T al, const T *a, long lda, const T *b, long ldb, T be, T *c, long ldc
#define PASS tA, tB, m, n, k, al, a, lda, b, ldb, be, c, ldc
AVX2 static void gemm32AVX2(ARGS(float)) { kernel32x1(PASS); }
AVX512 static void gemm32AVX512(ARGS(float)) { if (n <= 16) kernel32x1(PASS); else kernel32x2(PASS); }
AVX2 static void gemm64AVX2(ARGS(double)) { kernel64x1(PASS); }
AVX512 static void gemm64AVX512(ARGS(double)) { if (n <= 8) kernel64x1(PASS); else kernel64x2(PASS); }

/// 0: no path (BLAS only), 2: AVX2+FMA, 3: AVX-512.
static int level(void) { return folio_isa_level(); }
#endif

static int fits(long m, long n, long k) {
#if defined(__x86_64__)
    if (m <= 0 || n <= 0 || k <= 0) return 0;
    switch (level()) {
    case 3: return n <= WideLimit && k <= WideLimit;
    case 2: return m <= Limit && n <= Limit && k <= Limit;
    }
#endif
    return 0;
}

int folio_gemm_small_accepts(long m, long n, long k) { return fits(m, n, k); }

int folio_gemm_small_f32(int tA, int tB, long m, long n, long k, float al, const float *a, long lda,
                         const float *b, long ldb, float be, float *c, long ldc) {
#if defined(__x86_64__)
    if (!fits(m, n, k)) return 0;
    switch (level()) {
    case 3: gemm32AVX512(PASS); return 1;
    case 2: gemm32AVX2(PASS); return 1;
    }
#endif
    return 0;
}

int folio_gemm_small_f64(int tA, int tB, long m, long n, long k, double al, const double *a, long lda,
                         const double *b, long ldb, double be, double *c, long ldc) {
#if defined(__x86_64__)
    if (!fits(m, n, k)) return 0;
    switch (level()) {
    case 3: gemm64AVX512(PASS); return 1;
    case 2: gemm64AVX2(PASS); return 1;
    }
#endif
    return 0;
}
