// Matrix products for which OpenBLAS, as this project runs it (Debian's 0.3.21 with
// OPENBLAS_CORETYPE=Haswell), is slow: every dimension ≤ 96, where its call, threading decision
// and packing cost more than the arithmetic; and, on AVX-512 machines, every size, where its
// forced AVX2 kernels reach half of what AVX-512 does (k beyond 1024 in chunks of 1024). Hand-written because no system library
// offers it (OpenBLAS's AVX-512 kernels are what the forced core type excludes; Debian's BLIS is
// built without them); TensorTests compare it with a naive triple loop for every transpose and
// alpha/beta case, on every path.
//
// Shape: C is cut into strips of columns, each computed as register tiles of MR rows × NB
// 64-byte vectors, with an FMA over k per tile. A strip of B is read in place when it is
// untransposed and small, else copied once into a contiguous, zero-padded panel (strided rows
// of a large B cost TLB misses: 153 → 228 GFLOP/s f32 at n = 1024, one core). Tiles, measured
// on one Zen 5 core (peak 280 GFLOP/s f32): 6 × 4 vectors (24 accumulators) reaches 245 where
// 8 × 2 reached 228 and 12 × 2 216; narrow strips take 8 × 2 or 4 × 1 so padding stays small.
// Work is split over Pool.c's threads by strips (large n) or by rows; an element of C is one
// FMA chain over k in order whichever tile, strip or thread computes it, so the bits never
// depend on the split.
#include "CTensorKernels.h"
#include "Dispatch.h"
#include <stdlib.h>
#include <string.h>

#pragma clang diagnostic ignored "-Wpsabi"   // 64-byte vectors only inside inlined helpers

// Largest sizes taken: every dimension with AVX2; n and k with AVX-512 (m is free).
enum { Limit = 96, WideLimit = 1024, MaxStrip = 64 };

typedef float f32x16 __attribute__((vector_size(64)));
typedef double f64x8 __attribute__((vector_size(64)));

/// One product, as the tasks of a parallel run see it.
#define JOB(T) Job_##T
#define JOB_FIELDS(T) { int transA, transB, pack, byRows; long m, n, k, lda, ldb, ldc, rowsPerTask; \
                        T alpha, beta; const T *a, *b; T *c; }
typedef struct JOB_FIELDS(float) Job_float;
typedef struct JOB_FIELDS(double) Job_double;

// Per-thread panel for copied strips: WideLimit × MaxStrip elements of the wider type (512 KB),
// too big for a thread's stack (Dispatch threads have 512 KB).
static _Thread_local void *panelMemory;
static void *panel(void) {
    if (!panelMemory) panelMemory = aligned_alloc(64, sizeof(double) * WideLimit * MaxStrip);
    return panelMemory;
}

// The strip of a transposed B: rows q < cols of b (columns of op(B)) become the columns of
// a panel of width tw, zero-padded. Transposed in 32-byte blocks in registers (8×8 floats,
// 4×4 doubles): copied element by element, the 64 source rows were read with a stride of ldb
// per element, and at ldb = 256 they share four L1 sets, so every element came from L2 (the
// copy cost 0.85 ns per element; blocks: 0.2 ns at ldb = 784, 0.18 at 256).
typedef float f32x8 __attribute__((vector_size(32)));
typedef double f64x4 __attribute__((vector_size(32)));

static inline __attribute__((always_inline)) void transpose8x8(const float *restrict b, long ldb, float *restrict out, long tw) {
    f32x8 r[8], t[8], u[8];
    for (int i = 0; i < 8; i++) memcpy(&r[i], b + i * ldb, sizeof r[i]);
    for (int i = 0; i < 8; i += 2) {
        t[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 8, 1, 9, 4, 12, 5, 13);
        t[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 2, 10, 3, 11, 6, 14, 7, 15);
    }
    for (int i = 0; i < 8; i += 4)
        for (int h = 0; h < 2; h++) {
            u[i + 2 * h] = __builtin_shufflevector(t[i + h], t[i + h + 2], 0, 1, 8, 9, 4, 5, 12, 13);
            u[i + 2 * h + 1] = __builtin_shufflevector(t[i + h], t[i + h + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    for (int i = 0; i < 4; i++) {
        f32x8 lo = __builtin_shufflevector(u[i], u[i + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        f32x8 hi = __builtin_shufflevector(u[i], u[i + 4], 4, 5, 6, 7, 12, 13, 14, 15);
        memcpy(out + i * tw, &lo, sizeof lo);
        memcpy(out + (i + 4) * tw, &hi, sizeof hi);
    }
}

static inline __attribute__((always_inline)) void transpose4x4(const double *restrict b, long ldb, double *restrict out, long tw) {
    f64x4 r[4];
    for (int i = 0; i < 4; i++) memcpy(&r[i], b + i * ldb, sizeof r[i]);
    f64x4 t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 2, 6), t1 = __builtin_shufflevector(r[0], r[1], 1, 5, 3, 7);
    f64x4 t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 2, 6), t3 = __builtin_shufflevector(r[2], r[3], 1, 5, 3, 7);
    f64x4 o[4] = {
        __builtin_shufflevector(t0, t2, 0, 1, 4, 5), __builtin_shufflevector(t1, t3, 0, 1, 4, 5),
        __builtin_shufflevector(t0, t2, 2, 3, 6, 7), __builtin_shufflevector(t1, t3, 2, 3, 6, 7),
    };
    for (int i = 0; i < 4; i++) memcpy(out + i * tw, &o[i], sizeof o[i]);
}

#define PACK_TRANSPOSED(T, B, block)                                                                   \
static inline __attribute__((always_inline)) void packTransposed_##T(                                 \
    const T *restrict b, long ldb, long k, long cols, long tw, T *restrict out) {                      \
    long full = cols / B * B, p = 0;                                                                   \
    for (; p + B <= k; p += B) {                                                                       \
        for (long q = 0; q < full; q += B) block(b + q * ldb + p, ldb, out + p * tw + q, tw);         \
        for (long r = p; r < p + B; r++) {                                                             \
            for (long q = full; q < cols; q++) out[r * tw + q] = b[q * ldb + r];                       \
            for (long q = cols; q < tw; q++) out[r * tw + q] = 0;                                      \
        }                                                                                              \
    }                                                                                                  \
    for (; p < k; p++) {                                                                               \
        for (long q = 0; q < cols; q++) out[p * tw + q] = b[q * ldb + p];                              \
        for (long q = cols; q < tw; q++) out[p * tw + q] = 0;                                          \
    }                                                                                                  \
}
PACK_TRANSPOSED(float, 8, transpose8x8)
PACK_TRANSPOSED(double, 4, transpose4x4)

// MR rows × NB vectors of C from A (rows, or columns when transposed) and a strip of B with
// row stride ldbs; writes `cols` columns (the rest of the last vector is padding).
#define TILE(T, V, W, MR, NB, name)                                                                        \
static inline __attribute__((always_inline)) void name(                                                 \
    int transA, long k, T alpha, const T *restrict a, long lda, const T *restrict bs,                  \
    long ldbs, T beta, T *restrict c, long ldc, long cols) {                                           \
    V acc[MR][NB] = {{0}};                                                                             \
    for (long p = 0; p < k; p++) {                                                                     \
        V bv[NB]; memcpy(bv, bs + p * ldbs, sizeof bv);                                                \
        for (int r = 0; r < MR; r++) {                                                                 \
            V av = (V){} + (transA ? a[p * lda + r] : a[r * lda + p]);                                 \
            for (int v = 0; v < NB; v++) acc[r][v] = __builtin_elementwise_fma(av, bv[v], acc[r][v]);  \
        }                                                                                              \
    }                                                                                                  \
    for (int r = 0; r < MR; r++) {                                                                     \
        T out[NB * W], *cr = c + r * ldc;                                                              \
        for (int v = 0; v < NB; v++) {                                                                 \
            V o = acc[r][v];                                                                           \
            if (alpha != 1) o = o * alpha;                                                             \
            memcpy(out + v * W, &o, sizeof o);                                                         \
        }                                                                                              \
        if (beta != 0) for (long j = 0; j < cols; j++) out[j] += beta * cr[j];                         \
        memcpy(cr, out, (size_t)cols * sizeof(T));                                                     \
    }                                                                                                  \
}

// Rows i0..<i1 of one strip of NB vectors at column j: the strip of B read in place or copied,
// then MR rows at a time and the remaining rows one by one.
#define STRIP(T, V, W, MR, NB, tile, tile2, tile1, name)                                                                \
static inline __attribute__((always_inline)) void name(const JOB(T) *job, long i0, long i1, long j, T *restrict buf) { \
    enum { TW = NB * W };                                                                              \
    long cols = job->n - j < TW ? job->n - j : TW, k = job->k;                                         \
    const T *bs; long ldbs;                                                                            \
    if (!job->transB && cols == TW && !job->pack) { bs = job->b + j; ldbs = job->ldb; }                \
    else {                                                                                             \
        if (job->transB) packTransposed_##T(job->b + j * job->ldb, job->ldb, k, cols, TW, buf);          \
        else for (long p = 0; p < k; p++) {                                                            \
            T *row = buf + p * TW;                                                                     \
            memcpy(row, job->b + p * job->ldb + j, sizeof(T) * (size_t)cols);                          \
            for (long q = cols; q < TW; q++) row[q] = 0;                                               \
        }                                                                                              \
        bs = buf; ldbs = TW;                                                                           \
    }                                                                                                  \
    long i = i0;                                                                                       \
    for (; i + MR <= i1; i += MR) {                                                                    \
        const T *ai = job->transA ? job->a + i : job->a + i * job->lda;                                \
        if (job->transA) tile(1, k, job->alpha, ai, job->lda, bs, ldbs, job->beta, job->c + i * job->ldc + j, job->ldc, cols); \
        else tile(0, k, job->alpha, ai, job->lda, bs, ldbs, job->beta, job->c + i * job->ldc + j, job->ldc, cols); \
    }                                                                                                  \
    /* The last rows two at a time (a one-row tile has too few accumulators to hide FMA latency). */ \
    for (; i < i1; i += 2) {                                                                           \
        const T *ai = job->transA ? job->a + i : job->a + i * job->lda;                                \
        if (i + 2 <= i1) tile2(job->transA, k, job->alpha, ai, job->lda, bs, ldbs, job->beta, job->c + i * job->ldc + j, job->ldc, cols); \
        else tile1(job->transA, k, job->alpha, ai, job->lda, bs, ldbs, job->beta, job->c + i * job->ldc + j, job->ldc, cols); \
    }                                                                                                  \
}

// Each tile has its row count fixed at compile time (with 2- and 1-row tiles for the last
// rows): SwiftPM builds C at -O2, which keeps an accumulator array whose size only becomes
// known after inlining in memory (88 instead of 240 GFLOP/s).
#define TILES(T, V, W, MR, NB, name) TILE(T, V, W, MR, NB, name) TILE(T, V, W, 2, NB, name##r2) TILE(T, V, W, 1, NB, name##r1)
TILES(float, f32x16, 16, 4, 1, tile32x1)
TILES(float, f32x16, 16, 8, 2, tile32x2)
TILES(float, f32x16, 16, 6, 4, tile32x4)
TILES(double, f64x8, 8, 4, 1, tile64x1)
TILES(double, f64x8, 8, 8, 2, tile64x2)
TILES(double, f64x8, 8, 6, 4, tile64x4)
STRIP(float, f32x16, 16, 4, 1, tile32x1, tile32x1r2, tile32x1r1, strip32x1)
STRIP(float, f32x16, 16, 8, 2, tile32x2, tile32x2r2, tile32x2r1, strip32x2)
STRIP(float, f32x16, 16, 6, 4, tile32x4, tile32x4r2, tile32x4r1, strip32x4)
STRIP(double, f64x8, 8, 4, 1, tile64x1, tile64x1r2, tile64x1r1, strip64x1)
STRIP(double, f64x8, 8, 8, 2, tile64x2, tile64x2r2, tile64x2r1, strip64x2)
STRIP(double, f64x8, 8, 6, 4, tile64x4, tile64x4r2, tile64x4r1, strip64x4)

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2,fma"), noinline))
#define AVX512 __attribute__((target("avx512f"), noinline))
// One function per strip kind and instruction set: inlined into a single function, the nine
// tiles grew it past what -O2 (SwiftPM's release setting) keeps in registers (88 instead of
// 240 GFLOP/s, accumulators stored to the stack on every step).
#define ENTRY(T, isa, name, strip) isa static void name(const JOB(T) *j, long i0, long i1, long c, T *buf) { strip(j, i0, i1, c, buf); }
ENTRY(float, AVX2, s32x1AVX2, strip32x1)
ENTRY(float, AVX512, s32x1AVX512, strip32x1)
ENTRY(float, AVX512, s32x2AVX512, strip32x2)
ENTRY(float, AVX512, s32x4AVX512, strip32x4)
ENTRY(double, AVX2, s64x1AVX2, strip64x1)
ENTRY(double, AVX512, s64x1AVX512, strip64x1)
ENTRY(double, AVX512, s64x2AVX512, strip64x2)
ENTRY(double, AVX512, s64x4AVX512, strip64x4)

// Rows i0..<i1, columns j0..<j1 (j0 a multiple of MaxStrip unless it is the whole width).
// AVX-512 takes strips of 4 vectors while more than 2 remain, then 2, then 1; AVX2 holds a
// 64-byte vector in two registers and takes 1 (4 rows × 1 vector keeps 8 accumulators).
#define BLOCK(T, W, name, s1AVX2, s1, s2, s4)                                                             \
static void name(const JOB(T) *job, int wide, long i0, long i1, long j0, long j1) {                   \
    T *buf = panel();                                                                                  \
    for (long j = j0; j < j1;) {                                                                       \
        long rest = j1 - j;                                                                            \
        if (wide && rest > 2 * W) { s4(job, i0, i1, j, buf); j += 4 * W; }                             \
        else if (wide && rest > W) { s2(job, i0, i1, j, buf); j += 2 * W; }                            \
        else { if (wide) s1(job, i0, i1, j, buf); else s1AVX2(job, i0, i1, j, buf); j += W; }          \
    }                                                                                                  \
}
BLOCK(float, 16, block32, s32x1AVX2, s32x1AVX512, s32x2AVX512, s32x4AVX512)
BLOCK(double, 8, block64, s64x1AVX2, s64x1AVX512, s64x2AVX512, s64x4AVX512)

/// 0: no path (BLAS only), 2: AVX2+FMA, 3: AVX-512.
static int level(void) { return folio_isa_level(); }

// One task: a range of rows (all columns) or one MaxStrip-wide strip (all rows).
#define TASK(T, name, block)                                                                       \
static void name(void *ctx, long t) {                                                                  \
    const JOB(T) *job = ctx;                                                                           \
    long i0 = 0, i1 = job->m, j0 = 0, j1 = job->n;                                                     \
    if (job->byRows) { i0 = t * job->rowsPerTask; i1 = i0 + job->rowsPerTask < job->m ? i0 + job->rowsPerTask : job->m; } \
    else { j0 = t * MaxStrip; j1 = j0 + MaxStrip < job->n ? j0 + MaxStrip : job->n; }                  \
    block(job, level() == 3, i0, i1, j0, j1);                                                          \
}
TASK(float, task32, block32)
TASK(double, task64, block64)
#endif

static int fits(long m, long n, long k) {
#if defined(__x86_64__)
    if (m <= 0 || n <= 0 || k <= 0) return 0;
    switch (level()) {
    case 3: return 1;   /* any size: k beyond WideLimit goes in chunks (RUN) */
    case 2: return m <= Limit && n <= Limit && k <= Limit;
    }
#endif
    return 0;
}

int folio_gemm_accepts(long m, long n, long k) { return fits(m, n, k); }

// Threads pay from about 48³ multiply–adds (a hand-off costs ~0.3 µs against ~0.5 µs of work).
// Wide products split by strips, so each thread copies only its own strips of B; the rest by
// rows, in blocks that keep whole 6- and 8-row tiles.
#define RUN(T, task, self)                                                                                \
    if (!fits(m, n, k)) return 0;                                                                      \
    if (k > WideLimit) {   /* the panel holds WideLimit rows of B: sum over chunks of k into C */      \
        for (long p = 0; p < k; p += WideLimit) {                                                      \
            long kc = k - p < WideLimit ? k - p : WideLimit;                                           \
            self(tA, tB, m, n, kc, al, tA ? a + p * lda : a + p, lda, tB ? b + p : b + p * ldb, ldb,   \
                 p == 0 ? be : 1, c, ldc, threads);                                                    \
        }                                                                                              \
        return 1;                                                                                      \
    }                                                                                                  \
    JOB(T) job = { tA, tB, 0, 1, m, n, k, lda, ldb, ldc, m, al, be, a, b, c };                         \
    job.pack = tB || k >= 256 || ldb >= 256;                                                           \
    long strips = (n + MaxStrip - 1) / MaxStrip, tasks = 1;                                            \
    if (threads > 1 && m * n * k >= 48 * 48 * 48) {                                                    \
        if (strips >= 2 * threads) { job.byRows = 0; tasks = strips; }                                 \
        else if (m >= 48) { job.rowsPerTask = ((m + threads - 1) / threads + 1) / 2 * 2; tasks = (m + job.rowsPerTask - 1) / job.rowsPerTask; } \
    }                                                                                                  \
    folio_parallel(tasks, threads, task, &job);                                                        \
    return 1;

int folio_gemm_f32(int tA, int tB, long m, long n, long k, float al, const float *a, long lda,
                   const float *b, long ldb, float be, float *c, long ldc, int threads) {
#if defined(__x86_64__)
    RUN(float, task32, folio_gemm_f32)
#else
    return 0;
#endif
}

int folio_gemm_f64(int tA, int tB, long m, long n, long k, double al, const double *a, long lda,
                   const double *b, long ldb, double be, double *c, long ldc, int threads) {
#if defined(__x86_64__)
    RUN(double, task64, folio_gemm_f64)
#else
    return 0;
#endif
}
