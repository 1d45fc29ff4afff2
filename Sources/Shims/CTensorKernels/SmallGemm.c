// Small matrix products (every dimension ≤ 96): OpenBLAS spends more on its call, threading
// decision and packing than on the arithmetic there, and NumPy's AVX-512 build wins. A
// register-tiled kernel (4 rows × one 64-byte vector of columns, FMA over k) compiled for AVX2
// and AVX-512 beats both. Hand-written because no system library offers a small-matrix gemm;
// TensorTests compare it with a naive triple loop for every transpose and alpha/beta case.
#include "CTensorKernels.h"
#include <string.h>

#pragma clang diagnostic ignored "-Wpsabi"   // 64-byte vectors only inside inlined helpers

enum { Limit = 96 };   // largest m, n or k taken here

typedef float f32x16 __attribute__((vector_size(64)));
typedef double f64x8 __attribute__((vector_size(64)));

// One kernel per precision: V is a 64-byte vector of W lanes. The j-loop runs over column
// strips of W; a strip is read from B directly when B is untransposed and the strip is full,
// otherwise copied (transposed, zero-padded) into `strip`. Rows go four at a time, then one.
#define KERNEL(T, V, W, name)                                                                          \
static inline __attribute__((always_inline)) void name##_rows(                                          \
    int rows, int transA, long k, T alpha, const T *a, long lda, const T *bs, long ldbs,               \
    T beta, T *c, long ldc, long cols) {                                                               \
    V acc[4] = {0};                                                                                    \
    for (long p = 0; p < k; p++) {                                                                     \
        V bv; memcpy(&bv, bs + p * ldbs, sizeof bv);                                                   \
        for (int r = 0; r < rows; r++) {                                                               \
            T av = transA ? a[p * lda + r] : a[r * lda + p];                                           \
            acc[r] = __builtin_elementwise_fma((V){} + av, bv, acc[r]);                                \
        }                                                                                              \
    }                                                                                                  \
    for (int r = 0; r < rows; r++) {                                                                   \
        V out = acc[r];                                                                                \
        T *cr = c + r * ldc;                                                                           \
        if (alpha != 1) out = out * alpha;                                                             \
        if (beta != 0) { V old = {0}; memcpy(&old, cr, (size_t)cols * sizeof(T)); out = out + old * beta; } \
        memcpy(cr, &out, (size_t)cols * sizeof(T));                                                    \
    }                                                                                                  \
}                                                                                                      \
static inline __attribute__((always_inline)) void name(                                                 \
    int transA, int transB, long m, long n, long k, T alpha, const T *a, long lda,                     \
    const T *b, long ldb, T beta, T *c, long ldc) {                                                    \
    T strip[Limit * W];                                                                                \
    for (long j = 0; j < n; j += W) {                                                                  \
        long cols = n - j < W ? n - j : W;                                                             \
        const T *bs; long ldbs;                                                                        \
        if (!transB && cols == W) { bs = b + j; ldbs = ldb; }                                          \
        else {                                                                                         \
            memset(strip, 0, sizeof(T) * (size_t)(k * W));                                             \
            for (long p = 0; p < k; p++)                                                               \
                for (long q = 0; q < cols; q++) strip[p * W + q] = transB ? b[(j + q) * ldb + p] : b[p * ldb + j + q]; \
            bs = strip; ldbs = W;                                                                      \
        }                                                                                              \
        long i = 0;                                                                                    \
        for (; i + 4 <= m; i += 4) {                                                                   \
            const T *ai = transA ? a + i : a + i * lda;                                                \
            if (transA) name##_rows(4, 1, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols); \
            else name##_rows(4, 0, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols);     \
        }                                                                                              \
        for (; i < m; i++) {                                                                           \
            const T *ai = transA ? a + i : a + i * lda;                                                \
            name##_rows(1, transA, k, alpha, ai, lda, bs, ldbs, beta, c + i * ldc + j, ldc, cols);     \
        }                                                                                              \
    }                                                                                                  \
}
KERNEL(float, f32x16, 16, kernel32)
KERNEL(double, f64x8, 8, kernel64)

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f")))
#define ARGS(T) int tA, int tB, long m, long n, long k, T al, const T *a, long lda, const T *b, long ldb, T be, T *c, long ldc
#define PASS tA, tB, m, n, k, al, a, lda, b, ldb, be, c, ldc
AVX2 static void gemm32AVX2(ARGS(float)) { kernel32(PASS); }
AVX512 static void gemm32AVX512(ARGS(float)) { kernel32(PASS); }
AVX2 static void gemm64AVX2(ARGS(double)) { kernel64(PASS); }
AVX512 static void gemm64AVX512(ARGS(double)) { kernel64(PASS); }

/// 0: no path (BLAS only), 2: AVX2+FMA, 3: AVX-512.
static int level(void) {
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx512f") ? 3
               : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 2 : 0;
    }
    return cached;
}
#endif

static int fits(long m, long n, long k) { return m > 0 && n > 0 && k > 0 && m <= Limit && n <= Limit && k <= Limit; }

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
