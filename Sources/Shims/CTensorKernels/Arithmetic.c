// + − × ÷ over contiguous Float/Double arrays, compiled for AVX2 and AVX-512 (chosen at run
// time) because the baseline Swift build only has SSE2. Each result is one correctly rounded
// IEEE operation, so every path — and Tensor's Swift loops — gives the same bits.
#include "CTensorKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// The switch over op and mode, with the operands' element reads given as expressions of i.
#define BODY(X, Y) \
        switch (op * 3 + mode) { \
        case FolioAdd * 3 + 0: for (long i = 0; i < n; i++) z[i] = X + Y; break; \
        case FolioAdd * 3 + 1: case FolioAdd * 3 + 2: for (long i = 0; i < n; i++) z[i] = X + s; break; \
        case FolioSub * 3 + 0: for (long i = 0; i < n; i++) z[i] = X - Y; break; \
        case FolioSub * 3 + 1: for (long i = 0; i < n; i++) z[i] = X - s; break; \
        case FolioSub * 3 + 2: for (long i = 0; i < n; i++) z[i] = s - X; break; \
        case FolioMul * 3 + 0: for (long i = 0; i < n; i++) z[i] = X * Y; break; \
        case FolioMul * 3 + 1: case FolioMul * 3 + 2: for (long i = 0; i < n; i++) z[i] = X * s; break; \
        case FolioDiv * 3 + 0: for (long i = 0; i < n; i++) z[i] = X / Y; break; \
        case FolioDiv * 3 + 1: for (long i = 0; i < n; i++) z[i] = X / s; break; \
        case FolioDiv * 3 + 2: for (long i = 0; i < n; i++) z[i] = s / X; break; \
        }
// z may be x itself, or y itself in mode 0 (Tensor writes over a temporary operand). Those
// cases get loops that read the shared buffer only through z, so every pointer can stay
// `restrict` (which lets the loops vectorise without run-time overlap checks); each element is
// read before it is written, at the same index.
#define LOOPS(T, name) \
    static inline __attribute__((always_inline)) void name##Apart(FolioArith op, int mode, const T *restrict x, \
                                                                   const T *restrict y, T *restrict z, long n) { \
        const T s = mode ? y[0] : 0; \
        BODY(x[i], y[i]) \
    } \
    static inline __attribute__((always_inline)) void name##OverX(FolioArith op, int mode, const T *restrict y, \
                                                                   T *restrict z, long n) { \
        const T s = mode ? y[0] : 0; \
        BODY(z[i], y[i]) \
    } \
    static inline __attribute__((always_inline)) void name##OverY(FolioArith op, const T *restrict x, \
                                                                   T *restrict z, long n) { \
        const int mode = 0; const T s = 0; \
        BODY(x[i], z[i]) \
    } \
    static inline __attribute__((always_inline)) void name(FolioArith op, int mode, const T *x, const T *y, T *z, long n) { \
        if (z == x) name##OverX(op, mode, y, z, n); \
        else if (z == y && mode == 0) name##OverY(op, x, z, n); \
        else name##Apart(op, mode, x, y, z, n); \
    }
LOOPS(float, arith32)
LOOPS(double, arith64)

#if defined(__x86_64__)
#define ARGS(T) FolioArith op, int mode, const T *x, const T *y, T *z, long n
__attribute__((target("avx2"))) static void arith32AVX2(ARGS(float)) { arith32(op, mode, x, y, z, n); }
__attribute__((target("avx512f"))) static void arith32AVX512(ARGS(float)) { arith32(op, mode, x, y, z, n); }
__attribute__((target("avx2"))) static void arith64AVX2(ARGS(double)) { arith64(op, mode, x, y, z, n); }
__attribute__((target("avx512f"))) static void arith64AVX512(ARGS(double)) { arith64(op, mode, x, y, z, n); }

static int level(void) { return folio_isa_level(); }
#endif

int folio_arith_f32(FolioArith op, int mode, const float *x, const float *y, float *z, long n) {
#if defined(__x86_64__)
    switch (level()) {
    case 3: arith32AVX512(op, mode, x, y, z, n); return 1;
    case 2: arith32AVX2(op, mode, x, y, z, n); return 1;
    }
#endif
    return 0;
}

int folio_arith_f64(FolioArith op, int mode, const double *x, const double *y, double *z, long n) {
#if defined(__x86_64__)
    switch (level()) {
    case 3: arith64AVX512(op, mode, x, y, z, n); return 1;
    case 2: arith64AVX2(op, mode, x, y, z, n); return 1;
    }
#endif
    return 0;
}
