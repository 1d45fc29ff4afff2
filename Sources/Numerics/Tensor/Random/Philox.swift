/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011):
/// a counter-based generator. Output block = f(counter, key); nothing is carried from one
/// block to the next, so any element of a stream can be computed on any thread.
public enum Philox {
    static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// One block: four 32-bit words from a 128-bit counter and a 64-bit key.
    public static func block(_ c: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        let (a, b, cc, d) = block8(
            SIMD8(repeating: c.0), SIMD8(repeating: c.1), SIMD8(repeating: c.2),
            SIMD8(repeating: c.3), key: key)
        return (a[0], b[0], cc[0], d[0])
    }

    /// Eight blocks at once, word-sliced (lane j of each vector belongs to block j), so the
    /// rounds run as SIMD multiplies. Words travel in 64-bit lanes whose high halves are
    /// kept zero, so each 32×32→64-bit product is one unsigned-multiply instruction and no
    /// lane conversions happen inside the rounds.
    @inline(__always)
    static func block8(
        _ c0: SIMD8<UInt32>, _ c1: SIMD8<UInt32>, _ c2: SIMD8<UInt32>, _ c3: SIMD8<UInt32>,
        key: (UInt32, UInt32)
    ) -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>) {
        let mask = SIMD8<UInt64>(repeating: 0xFFFF_FFFF)
        var (x0, x1, x2, x3) = (widen(c0), widen(c1), widen(c2), widen(c3))
        var k0 = UInt64(key.0), k1 = UInt64(key.1)
        for round in 0..<10 {
            if round > 0 { k0 = (k0 &+ UInt64(w0)) & 0xFFFF_FFFF; k1 = (k1 &+ UInt64(w1)) & 0xFFFF_FFFF }
            let p0 = (x0 & mask) &* UInt64(m0)
            let p1 = (x2 & mask) &* UInt64(m1)
            (x0, x1, x2, x3) = ((p1 &>> 32) ^ x1 ^ k0, p1 & mask, (p0 &>> 32) ^ x3 ^ k1, p0 & mask)
        }
        return (narrow(x0), narrow(x1), narrow(x2), narrow(x3))
    }

    // Lane-wise width changes, spelled out: the generic SIMD conversions are not inlined.
    @inline(__always)
    static func widen(_ v: SIMD8<UInt32>) -> SIMD8<UInt64> {
        SIMD8(UInt64(v[0]), UInt64(v[1]), UInt64(v[2]), UInt64(v[3]), UInt64(v[4]), UInt64(v[5]), UInt64(v[6]), UInt64(v[7]))
    }
    @inline(__always)
    static func narrow(_ v: SIMD8<UInt64>) -> SIMD8<UInt32> {
        SIMD8(
            UInt32(truncatingIfNeeded: v[0]), UInt32(truncatingIfNeeded: v[1]), UInt32(truncatingIfNeeded: v[2]),
            UInt32(truncatingIfNeeded: v[3]), UInt32(truncatingIfNeeded: v[4]), UInt32(truncatingIfNeeded: v[5]),
            UInt32(truncatingIfNeeded: v[6]), UInt32(truncatingIfNeeded: v[7]))
    }
}
