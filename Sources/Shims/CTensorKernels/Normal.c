// Normal sampling for RNG.normal(as: Float.self): Philox4x32-10 plus Box–Muller, the same
// arithmetic in the same order as the Swift code (Random/Philox.swift, RNG.boxMuller and
// FastMath.log / sinCosTwoPi), so the stream is bit-identical — only compiled for AVX2 and
// AVX-512, which the Swift build cannot target. Hand-written because no library provides a
// counter-based normal sampler with this layout; TensorTests compare it with the Swift code.
#include "CTensorKernels.h"
#include "Dispatch.h"
#include <string.h>

// Bit-identical with Swift means no fused multiply-adds: every product and sum rounds.
#pragma clang fp contract(off)
// The always-inlined helpers pass 32-byte vectors; they are only ever inlined, so no ABI applies.
#pragma clang diagnostic ignored "-Wpsabi"

typedef uint32_t u32x8 __attribute__((vector_size(32)));
typedef int32_t i32x8 __attribute__((vector_size(32)));
typedef uint64_t u64x8 __attribute__((vector_size(64)));
typedef float f32x8 __attribute__((vector_size(32)));

#define SPLAT(T, v) ((T){v, v, v, v, v, v, v, v})
#define AS(T, v) ((T)(v))   // reinterpret the bits (same size)
// Lane select through bit masks (a lane of `mask` is all ones or zero).
#define SELECT(mask, a, b) AS(f32x8, (AS(i32x8, a) & (mask)) | (AS(i32x8, b) & ~(mask)))

static inline __attribute__((always_inline)) f32x8 roundNearest(f32x8 x) {
    return (x + SPLAT(f32x8, 12582912.0f)) - SPLAT(f32x8, 12582912.0f);
}
static inline __attribute__((always_inline)) i32x8 toInt(f32x8 n) {
    return AS(i32x8, n + SPLAT(f32x8, 12582912.0f)) - 0x4B400000;
}
static inline __attribute__((always_inline)) f32x8 toFloat(i32x8 k) {
    return AS(f32x8, k + 0x4B400000) - SPLAT(f32x8, 12582912.0f);
}
static inline __attribute__((always_inline)) f32x8 oneToTwo(u32x8 w) {
    return AS(f32x8, (w >> 9) | 0x3F800000u);
}

// FastMath.log for x in [2⁻²⁴, 1].
static inline __attribute__((always_inline)) f32x8 logUnit(f32x8 x) {
    i32x8 bits = AS(i32x8, x);
    f32x8 e = toFloat((bits >> 23) - 126);
    f32x8 m = AS(f32x8, (bits & 0x007FFFFF) | 0x3F000000);
    i32x8 small = m < SPLAT(f32x8, 0.70710678f);
    f32x8 f = SELECT(small, m + m, m);
    f = f - 1.0f;
    e = SELECT(small, e - 1.0f, e);
    f32x8 z = f * f;
    f32x8 y = 7.0376836e-2f * f - 1.1514610e-1f;
    y = y * f + 1.1676999e-1f;
    y = y * f - 1.2420141e-1f;
    y = y * f + 1.4249323e-1f;
    y = y * f - 1.6668058e-1f;
    y = y * f + 2.0000715e-1f;
    y = y * f - 2.4999994e-1f;
    y = y * f + 3.3333331e-1f;
    y = y * f * z;
    y = y + -2.1219444e-4f * e;
    y = y + -0.5f * z;
    return f + y + 0.693359375f * e;
}

// FastMath.sinCosTwoPi: (sin 2πt, cos 2πt) for t in [-0.5, 0.5].
static inline __attribute__((always_inline)) void sinCosTwoPi(f32x8 t, f32x8 *sinOut, f32x8 *cosOut) {
    f32x8 q = roundNearest(t * 4.0f);
    f32x8 r = (t - q * 0.25f) * 6.2831853f;
    f32x8 r2 = r * r;
    f32x8 s = -1.9515296e-4f * r2 + 8.3321609e-3f;
    s = (s * r2 - 1.6666655e-1f) * r2 * r + r;
    f32x8 c = 2.4433157e-5f * r2 - 1.3887316e-3f;
    c = (c * r2 + 4.1666646e-2f) * r2 * r2 - 0.5f * r2 + 1.0f;
    i32x8 qi = toInt(q);
    i32x8 sb = AS(i32x8, s), cb = AS(i32x8, c);
    i32x8 swap = 0 - (qi & 1);
    i32x8 sinBits = ((sb & ~swap) | (cb & swap)) ^ ((qi & 2) << 30);
    i32x8 cosBits = ((cb & ~swap) | (sb & swap)) ^ (((qi + 1) & 2) << 30);
    *sinOut = AS(f32x8, sinBits);
    *cosOut = AS(f32x8, cosBits);
}

// RNG.boxMuller: cosines to out[0..8), sines to out[8..16).
static inline __attribute__((always_inline)) void boxMuller(u32x8 a, u32x8 b, float *out) {
    f32x8 u = 2.0f - oneToTwo(a);
    f32x8 t = oneToTwo(b) - 1.5f;
    f32x8 r = __builtin_elementwise_sqrt(-2.0f * logUnit(u));
    f32x8 s, c;
    sinCosTwoPi(t, &s, &c);
    f32x8 rc = r * c, rs = r * s;
    memcpy(out, &rc, sizeof rc);
    memcpy(out + 8, &rs, sizeof rs);
}

// Philox.block8: eight Philox4x32-10 blocks, word-sliced, 32×32→64-bit products in 64-bit lanes.
static inline __attribute__((always_inline)) void
philox8(u32x8 c0, u32x8 c1, u32x8 c2, u32x8 c3, uint32_t key0, uint32_t key1, u32x8 w[4]) {
    const u64x8 mask = SPLAT(u64x8, 0xFFFFFFFFull);
    u64x8 x0 = __builtin_convertvector(c0, u64x8), x1 = __builtin_convertvector(c1, u64x8);
    u64x8 x2 = __builtin_convertvector(c2, u64x8), x3 = __builtin_convertvector(c3, u64x8);
    uint64_t k0 = key0, k1 = key1;
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 = (k0 + 0x9E3779B9u) & 0xFFFFFFFFu; k1 = (k1 + 0xBB67AE85u) & 0xFFFFFFFFu; }
        u64x8 p0 = (x0 & mask) * 0xD2511F53ull;
        u64x8 p1 = (x2 & mask) * 0xCD9E8D57ull;
        u64x8 n0 = (p1 >> 32) ^ x1 ^ k0, n1 = p1 & mask, n2 = (p0 >> 32) ^ x3 ^ k1, n3 = p0 & mask;
        x0 = n0; x1 = n1; x2 = n2; x3 = n3;
    }
    w[0] = __builtin_convertvector(x0, u32x8); w[1] = __builtin_convertvector(x1, u32x8);
    w[2] = __builtin_convertvector(x2, u32x8); w[3] = __builtin_convertvector(x3, u32x8);
}

static inline __attribute__((always_inline)) void
batches(uint32_t key0, uint32_t key1, uint64_t draw, long first, long count, float *out) {
    const u32x8 d2 = SPLAT(u32x8, (uint32_t)draw), d3 = SPLAT(u32x8, (uint32_t)(draw >> 32));
    const u64x8 lanes = {0, 1, 2, 3, 4, 5, 6, 7};
    for (long b = 0; b < count; b++) {
        u64x8 blocks = SPLAT(u64x8, (uint64_t)(first + b) * 8) + lanes;
        u32x8 w[4];
        philox8(__builtin_convertvector(blocks, u32x8), __builtin_convertvector(blocks >> 32, u32x8), d2, d3, key0, key1, w);
        boxMuller(w[0], w[1], out + 32 * b);
        boxMuller(w[2], w[3], out + 32 * b + 16);
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512vl")))
static void batchesAVX512(uint32_t k0, uint32_t k1, uint64_t d, long f, long c, float *o) { batches(k0, k1, d, f, c, o); }
__attribute__((target("avx2")))
static void batchesAVX2(uint32_t k0, uint32_t k1, uint64_t d, long f, long c, float *o) { batches(k0, k1, d, f, c, o); }
#endif

void folio_normal_f32(uint32_t key0, uint32_t key1, uint64_t draw, long first, long count, float *out) {
#if defined(__x86_64__)
    int lvl = folio_isa_level();
    if (lvl == 3) { batchesAVX512(key0, key1, draw, first, count, out); return; }
    if (lvl == 2) { batchesAVX2(key0, key1, draw, first, count, out); return; }
#endif
    batches(key0, key1, draw, first, count, out);
}
