/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011):
/// a counter-based generator. Output block = f(counter, key); nothing is carried from one
/// block to the next, so any element of a stream can be computed on any thread.
public enum Philox {
    static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// One block: four 32-bit words from a 128-bit counter and a 64-bit key.
    public static func block(_ c: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        let (a, b, cc, d) = block8(SIMD8(repeating: c.0), SIMD8(repeating: c.1), SIMD8(repeating: c.2),
                                   SIMD8(repeating: c.3), key: key)
        return (a[0], b[0], cc[0], d[0])
    }

    /// Eight blocks at once, word-sliced (lane j of each vector belongs to block j), so the
    /// rounds run as SIMD multiplies.
    @inline(__always)
    static func block8(_ c0: SIMD8<UInt32>, _ c1: SIMD8<UInt32>, _ c2: SIMD8<UInt32>, _ c3: SIMD8<UInt32>,
                       key: (UInt32, UInt32)) -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>) {
        var (x0, x1, x2, x3) = (c0, c1, c2, c3)
        var k0 = key.0, k1 = key.1
        for round in 0..<10 {
            if round > 0 { k0 &+= w0; k1 &+= w1 }
            let p0 = SIMD8<UInt64>(truncatingIfNeeded: x0) &* UInt64(m0)
            let p1 = SIMD8<UInt64>(truncatingIfNeeded: x2) &* UInt64(m1)
            let hi0 = SIMD8<UInt32>(truncatingIfNeeded: p0 &>> 32), lo0 = SIMD8<UInt32>(truncatingIfNeeded: p0)
            let hi1 = SIMD8<UInt32>(truncatingIfNeeded: p1 &>> 32), lo1 = SIMD8<UInt32>(truncatingIfNeeded: p1)
            (x0, x1, x2, x3) = (hi1 ^ x1 ^ k0, lo1, hi0 ^ x3 ^ k1, lo0)
        }
        return (x0, x1, x2, x3)
    }
}
