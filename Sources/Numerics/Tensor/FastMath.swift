/// Vectorised exp, tanh, log and sin/cos for `Float` (8 lanes), so elementwise math and
/// sampling do not call the C library once per element. Polynomials are Cephes'
/// single-precision minimax fits (relative error ~1e-7). log and sin/cos serve Box–Muller
/// only and assume its input ranges (log: (0, 1]; angle: 2π·t with t in [-0.5, 0.5]).
enum FastMath {
    /// Rounds to the nearest integer (ties to even) for |x| < 2²²: adding and subtracting
    /// 1.5·2²³ leaves no fraction bits. (SSE2 has no vector round instruction.)
    @inline(__always)
    static func roundNearest(_ x: SIMD8<Float>) -> SIMD8<Float> { (x + 12_582_912) - 12_582_912 }

    /// An integral float n with |n| < 2²² as Int32: n + 1.5·2²³ holds n in its low mantissa
    /// bits. (The generic SIMD conversions run lane by lane out of line; this is two instructions.)
    @inline(__always)
    static func toInt(_ n: SIMD8<Float>) -> SIMD8<Int32> {
        unsafeBitCast(n + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
    }

    /// An Int32 k with |k| < 2²² as Float (the inverse trick).
    @inline(__always)
    static func toFloat(_ k: SIMD8<Int32>) -> SIMD8<Float> {
        unsafeBitCast(k &+ 0x4B40_0000, to: SIMD8<Float>.self) - 12_582_912
    }

    /// 2ⁿ for integral n in [-126, 127], built from the exponent bits.
    @inline(__always)
    static func pow2(_ n: SIMD8<Float>) -> SIMD8<Float> {
        unsafeBitCast((toInt(n) &+ 127) &<< 23, to: SIMD8<Float>.self)
    }

    /// eˣ with IEEE behaviour at the ends: +∞ above ln(FLT_MAX), 0 below ln(FLT_MIN)
    /// (the subnormal range is flushed to zero), NaN stays NaN.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var xc = x  // clamped by selects (the generic clamped(…) is not inlined)
        xc.replace(with: -87.336_55, where: x .< -87.336_55)
        xc.replace(with: 88.722_84, where: x .> 88.722_84)
        let n = roundNearest(xc * 1.442_695_04)
        let r = xc - n * 0.693_359_375 + n * 2.121_944_4e-4
        let z = r * r
        var y: SIMD8<Float> = 1.987_569_15e-4 * r + 1.398_199_95e-3
        y = y * r + 8.333_451_9e-3
        y = y * r + 4.166_579_59e-2
        y = y * r + 1.666_666_55e-1
        y = y * r + 5.000_000_12e-1
        y = y * z + r + 1
        // n reaches 128 near the top of the range: scale in two halves that stay normal.
        let half = roundNearest(n * 0.5 - 0.25)
        var out: SIMD8<Float> = y * pow2(half) * pow2(n - half)
        out.replace(with: .infinity, where: x .> 88.722_84)
        out.replace(with: 0, where: x .< -87.336_55)
        out.replace(with: x, where: x .!= x)
        return out
    }

    /// tanh x: an odd polynomial near zero (keeps relative accuracy for tiny x), and
    /// 1 − 2/(e²ˣ + 1) with the sign restored elsewhere.
    @inline(__always)
    static func tanh(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var ax = x
        ax.replace(with: -x, where: x .< 0)
        let z = x * x
        var p: SIMD8<Float> = -5.704_988_7e-3 * z + 2.063_908_9e-2
        p = p * z - 5.373_971_6e-2
        p = p * z + 1.333_144_2e-1
        p = p * z - 3.333_328_2e-1
        let small = p * z * x + x
        var large = 1 - 2 / (exp(ax + ax) + 1)
        large.replace(with: -large, where: x .< 0)
        large.replace(with: small, where: ax .< 0.625)
        return large
    }

    /// 1 / (1 + e⁻ˣ); e⁻ˣ overflowing to ∞ gives exactly 0.
    @inline(__always)
    static func sigmoid(_ x: SIMD8<Float>) -> SIMD8<Float> { 1 / (1 + exp(-x)) }

    /// ln x for x in [2⁻²⁴, 1] (no zero, subnormal, negative or non-finite inputs).
    @inline(__always)
    static func log(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
        var e = toFloat((bits &>> 23) &- 126)
        let m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: SIMD8<Float>.self)  // [0.5, 1)
        let small = m .< 0.707_106_78
        var f = m
        f.replace(with: m + m, where: small)
        f -= 1
        e.replace(with: e - 1, where: small)
        let z = f * f
        var y: SIMD8<Float> = 7.037_683_6e-2 * f - 1.151_461_0e-1
        y = y * f + 1.167_699_9e-1
        y = y * f - 1.242_014_1e-1
        y = y * f + 1.424_932_3e-1
        y = y * f - 1.666_805_8e-1
        y = y * f + 2.000_071_5e-1
        y = y * f - 2.499_999_4e-1
        y = y * f + 3.333_333_1e-1
        y = y * f * z
        y += -2.121_944_4e-4 * e
        y += -0.5 * z
        return f + y + 0.693_359_375 * e
    }

    /// (sin 2πt, cos 2πt) for t in [-0.5, 0.5].
    @inline(__always)
    static func sinCosTwoPi(_ t: SIMD8<Float>) -> (sin: SIMD8<Float>, cos: SIMD8<Float>) {
        // 2πt = r + q·π/2 with |r| ≤ π/4; t − q/4 is exact, so r carries no reduction error.
        let q = roundNearest(t * 4)
        let r = (t - q * 0.25) * 6.283_185_3
        let r2 = r * r
        var s: SIMD8<Float> = -1.951_529_6e-4 * r2 + 8.332_160_9e-3
        s = (s * r2 - 1.666_665_5e-1) * r2 * r + r
        var c: SIMD8<Float> = 2.443_315_7e-5 * r2 - 1.388_731_6e-3
        c = (c * r2 + 4.166_664_6e-2) * r2 * r2 - 0.5 * r2 + 1
        // Rotate by q quarter turns with bit operations (mask selects are slow here):
        // odd q swaps sin and cos; the sign bits come from q's low bits.
        let qi = toInt(q)
        let sb = unsafeBitCast(s, to: SIMD8<Int32>.self), cb = unsafeBitCast(c, to: SIMD8<Int32>.self)
        let swap = 0 &- (qi & 1)
        let sinBits = ((sb & ~swap) | (cb & swap)) ^ ((qi & 2) &<< 30)
        let cosBits = ((cb & ~swap) | (sb & swap)) ^ (((qi &+ 1) & 2) &<< 30)
        let sinv = unsafeBitCast(sinBits, to: SIMD8<Float>.self), cosv = unsafeBitCast(cosBits, to: SIMD8<Float>.self)
        return (sinv, cosv)
    }
}
