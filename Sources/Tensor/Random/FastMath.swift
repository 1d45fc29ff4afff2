/// Vectorised log and sin/cos for `Float`, for Box–Muller sampling only: their inputs are
/// restricted (log: (0, 1]; angle: 2π·t with t in [-0.5, 0.5)), which keeps them short.
/// Polynomials are Cephes' single-precision minimax fits (relative error ~1e-7).
enum FastMath {
    /// ln x for x in [2⁻²⁴, 1] (no zero, subnormal, negative or non-finite inputs).
    @inline(__always)
    static func log(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
        var e = SIMD8<Float>((bits &>> 23) &- 126)
        let m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: SIMD8<Float>.self)   // [0.5, 1)
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
        let q = (t * 4).rounded(.toNearestOrEven)
        let r = (t - q * 0.25) * 6.283_185_3
        let r2 = r * r
        var s: SIMD8<Float> = -1.951_529_6e-4 * r2 + 8.332_160_9e-3
        s = (s * r2 - 1.666_665_5e-1) * r2 * r + r
        var c: SIMD8<Float> = 2.443_315_7e-5 * r2 - 1.388_731_6e-3
        c = (c * r2 + 4.166_664_6e-2) * r2 * r2 - 0.5 * r2 + 1
        let qi = SIMD8<Int32>(q) & 3
        let swap = (qi & 1) .!= 0
        var sinv = s, cosv = c
        sinv.replace(with: c, where: swap)
        cosv.replace(with: s, where: swap)
        sinv.replace(with: -sinv, where: (qi & 2) .!= 0)
        cosv.replace(with: -cosv, where: ((qi &+ 1) & 2) .!= 0)
        return (sinv, cosv)
    }
}
