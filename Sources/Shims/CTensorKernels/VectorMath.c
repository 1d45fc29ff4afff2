// Elementwise math through glibc's libmvec (the vector math library NumPy-class speed needs and
// glibc already ships): _ZGVdN… are the AVX2 entry points, _ZGVeN… the AVX-512 ones. The
// widest path the CPU supports is chosen once; a final partial vector is padded, so every
// element goes through the same vector function wherever a caller's chunk boundaries fall.
#include "CTensorKernels.h"
#include "Dispatch.h"

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>
#include <math.h>
#include <string.h>

#pragma clang diagnostic ignored "-Wpsabi"   // vector types only inside target-attributed code

#define AVX2 __attribute__((target("avx2")))
#define AVX512 __attribute__((target("avx512f")))

// libmvec's vector ABI (glibc 2.22+; Debian 12 has 2.36). f64 erf has only an AVX-512 form.
#define DECLARE(name) \
    AVX2 __m256 _ZGVdN8v_##name##f(__m256); AVX512 __m512 _ZGVeN16v_##name##f(__m512); \
    AVX2 __m256d _ZGVdN4v_##name(__m256d); AVX512 __m512d _ZGVeN8v_##name(__m512d);
DECLARE(exp) DECLARE(expm1) DECLARE(log) DECLARE(log1p) DECLARE(tanh) DECLARE(sin) DECLARE(cos)
AVX2 __m256 _ZGVdN8v_erff(__m256); AVX512 __m512 _ZGVeN16v_erff(__m512); AVX512 __m512d _ZGVeN8v_erf(__m512d);

typedef void (*Loop32)(const float *, float *, long);
typedef void (*Loop64)(const double *, double *, long);

// One loop per (function, ISA): full vectors, then the remainder padded with zeros.
#define LOOP(isa, T, V, W, load, store, fn, loopName) \
    isa static void loopName(const T *x, T *y, long n) { \
        long i = 0; \
        for (; i + W <= n; i += W) store(y + i, fn(load(x + i))); \
        if (i < n) { \
            T pad[W] = {0}; \
            memcpy(pad, x + i, (size_t)(n - i) * sizeof(T)); \
            store(pad, fn(load(pad))); \
            memcpy(y + i, pad, (size_t)(n - i) * sizeof(T)); \
        } \
    }
#define LOOPS(name) \
    LOOP(AVX2, float, __m256, 8, _mm256_loadu_ps, _mm256_storeu_ps, _ZGVdN8v_##name##f, name##_f32_avx2) \
    LOOP(AVX512, float, __m512, 16, _mm512_loadu_ps, _mm512_storeu_ps, _ZGVeN16v_##name##f, name##_f32_avx512) \
    LOOP(AVX2, double, __m256d, 4, _mm256_loadu_pd, _mm256_storeu_pd, _ZGVdN4v_##name, name##_f64_avx2) \
    LOOP(AVX512, double, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd, _ZGVeN8v_##name, name##_f64_avx512)
LOOPS(exp) LOOPS(expm1) LOOPS(log) LOOPS(log1p) LOOPS(tanh) LOOPS(sin) LOOPS(cos)
LOOP(AVX2, float, __m256, 8, _mm256_loadu_ps, _mm256_storeu_ps, _ZGVdN8v_erff, erf_f32_avx2)
LOOP(AVX512, float, __m512, 16, _mm512_loadu_ps, _mm512_storeu_ps, _ZGVeN16v_erff, erf_f32_avx512)
LOOP(AVX512, double, __m512d, 8, _mm512_loadu_pd, _mm512_storeu_pd, _ZGVeN8v_erf, erf_f64_avx512)

/// 0: no vector path, 2: AVX2, 3: AVX-512.
static int level(void) { return folio_isa_level(); }

#define PICK(lvl, name, P) ((lvl) == 3 ? name##_##P##_avx512 : name##_##P##_avx2)

static Loop32 loop32(FolioVFunction f, int lvl) {
    switch (f) {
    case FolioVExp: case FolioVSigmoid: return PICK(lvl, exp, f32);
    case FolioVExpm1: return PICK(lvl, expm1, f32);
    case FolioVLog: return PICK(lvl, log, f32);
    case FolioVLog1p: return PICK(lvl, log1p, f32);
    case FolioVTanh: return PICK(lvl, tanh, f32);
    case FolioVSin: return PICK(lvl, sin, f32);
    case FolioVCos: return PICK(lvl, cos, f32);
    case FolioVErf: return PICK(lvl, erf, f32);
    }
    return 0;
}

static Loop64 loop64(FolioVFunction f, int lvl) {
    switch (f) {
    case FolioVExp: case FolioVSigmoid: return PICK(lvl, exp, f64);
    case FolioVExpm1: return PICK(lvl, expm1, f64);
    case FolioVLog: return PICK(lvl, log, f64);
    case FolioVLog1p: return PICK(lvl, log1p, f64);
    case FolioVTanh: return PICK(lvl, tanh, f64);
    case FolioVSin: return PICK(lvl, sin, f64);
    case FolioVCos: return PICK(lvl, cos, f64);
    case FolioVErf: return lvl == 3 ? erf_f64_avx512 : 0;
    }
    return 0;
}

// σ(x) with exp never overflowing: e = e^-|x|, σ = 1/(1+e) for x ≥ 0 and e/(1+e) below.
// Blocks keep e in L1 and let x and y alias (x[i] is read before y[i] is written).
#define SIGMOID(T, loop) { \
    enum { B = 256 }; T e[B]; \
    for (long i = 0; i < n; i += B) { \
        long m = n - i < B ? n - i : B; \
        for (long j = 0; j < m; j++) e[j] = x[i + j] < 0 ? x[i + j] : -x[i + j]; \
        loop(e, e, m); \
        for (long j = 0; j < m; j++) y[i + j] = x[i + j] >= 0 ? 1 / (1 + e[j]) : e[j] / (1 + e[j]); \
    } \
}

// Softmax of `rows` contiguous rows of n values, in place: shift by the row's max (NaNs
// skipped, so a row with a NaN comes out all NaN through exp and the sum), exp, scale by 1/sum.
// The Swift version of this row loop spent most of its time in SIMD compares and selects that
// the baseline build turns into one lane at a time.
#define SOFTMAX(T, V, W, loopName, expLoop, isa) \
    isa static void loopName(T *x, long rows, long n) { \
        for (long r = 0; r < rows; r++) { \
            T *row = x + r * n; \
            T m = row[0]; \
            long i = 0; \
            if (n >= W) { \
                V acc; memcpy(&acc, row, sizeof acc); \
                for (i = W; i + W <= n; i += W) { V v; memcpy(&v, row + i, sizeof v); acc = __builtin_elementwise_max(acc, v); } \
                for (int l = 0; l < W; l++) m = __builtin_fmax(m, acc[l]); \
            } \
            for (; i < n; i++) m = __builtin_fmax(m, row[i]); \
            for (i = 0; i < n; i++) row[i] -= m; \
            expLoop(row, row, n); \
            V sum = {0}; T s = 0; \
            for (i = 0; i + W <= n; i += W) { V v; memcpy(&v, row + i, sizeof v); sum += v; } \
            for (int l = 0; l < W; l++) s += sum[l]; \
            for (; i < n; i++) s += row[i]; \
            T inv = 1 / s; \
            for (i = 0; i < n; i++) row[i] *= inv; \
        } \
    }
typedef float f32x8 __attribute__((vector_size(32)));
typedef float f32x16 __attribute__((vector_size(64)));
typedef double f64x4 __attribute__((vector_size(32)));
typedef double f64x8 __attribute__((vector_size(64)));
SOFTMAX(float, f32x8, 8, softmax_f32_avx2, exp_f32_avx2, AVX2)
SOFTMAX(float, f32x16, 16, softmax_f32_avx512, exp_f32_avx512, AVX512)
SOFTMAX(double, f64x4, 4, softmax_f64_avx2, exp_f64_avx2, AVX2)
SOFTMAX(double, f64x8, 8, softmax_f64_avx512, exp_f64_avx512, AVX512)

int folio_softmax_rows_f32(float *x, long rows, long n) {
    int lvl = level();
    if (!lvl || n < 1) return 0;
    (lvl == 3 ? softmax_f32_avx512 : softmax_f32_avx2)(x, rows, n);
    return 1;
}

int folio_softmax_rows_f64(double *x, long rows, long n) {
    int lvl = level();
    if (!lvl || n < 1) return 0;
    (lvl == 3 ? softmax_f64_avx512 : softmax_f64_avx2)(x, rows, n);
    return 1;
}

int folio_vmath_f32(FolioVFunction f, const float *x, float *y, long n) {
    int lvl = level();
    Loop32 loop = lvl ? loop32(f, lvl) : 0;
    if (!loop) return 0;
    if (f == FolioVSigmoid) SIGMOID(float, loop) else loop(x, y, n);
    return 1;
}

int folio_vmath_f64(FolioVFunction f, const double *x, double *y, long n) {
    int lvl = level();
    Loop64 loop = lvl ? loop64(f, lvl) : 0;
    if (!loop) return 0;
    if (f == FolioVSigmoid) SIGMOID(double, loop) else loop(x, y, n);
    return 1;
}

#else
int folio_softmax_rows_f32(float *x, long rows, long n) { return 0; }
int folio_softmax_rows_f64(double *x, long rows, long n) { return 0; }
int folio_vmath_f32(FolioVFunction f, const float *x, float *y, long n) { return 0; }
int folio_vmath_f64(FolioVFunction f, const double *x, double *y, long n) { return 0; }
#endif
