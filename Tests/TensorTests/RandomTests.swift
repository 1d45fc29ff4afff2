import XCTest
@testable import Tensor

final class RandomTests: XCTestCase {
    /// Philox4x32-10 written out naively from the paper, one round at a time with 64-bit
    /// products, as an independent reference for the vectorised implementation.
    func referencePhilox(_ ctr: [UInt32], _ key: [UInt32]) -> [UInt32] {
        var c = ctr, k = key
        for _ in 0..<10 {
            let p0 = UInt64(0xD2511F53) * UInt64(c[0]), p1 = UInt64(0xCD9E8D57) * UInt64(c[2])
            c = [UInt32(p1 >> 32) ^ c[1] ^ k[0], UInt32(p1 & 0xFFFF_FFFF), UInt32(p0 >> 32) ^ c[3] ^ k[1], UInt32(p0 & 0xFFFF_FFFF)]
            k = [k[0] &+ 0x9E3779B9, k[1] &+ 0xBB67AE85]
        }
        return c
    }

    func words(_ t: (UInt32, UInt32, UInt32, UInt32)) -> [UInt32] { [t.0, t.1, t.2, t.3] }

    func testPhiloxKnownAnswerVectors() {
        // Random123's kat_vectors for philox4x32-10.
        XCTAssertEqual(words(Philox.block((0, 0, 0, 0), key: (0, 0))), [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8])
        XCTAssertEqual(words(Philox.block((~0, ~0, ~0, ~0), key: (~0, ~0))), [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd])
        XCTAssertEqual(
            words(Philox.block((0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344), key: (0xa4093822, 0x299f31d0))),
            [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1])
    }

    func testPhiloxMatchesNaiveReference() {
        var rng = RNG(seed: 0x1234_5678_9abc_def0)
        let w = rng.words(1000)
        for block in [0, 1, 7, 8, 100, 249] {
            let ref = referencePhilox([UInt32(block), 0, 0, 0], [0x9abc_def0, 0x1234_5678])
            XCTAssertEqual(Array(w[(4 * block)..<(4 * block + 4)]), ref, "block \(block)")
        }
        // The second draw uses counter word 2 = 1.
        let w2 = rng.words(4)
        XCTAssertEqual(w2, referencePhilox([0, 0, 1, 0], [0x9abc_def0, 0x1234_5678]))
    }

    func testStreamsAreBitIdenticalOnOneAndTwoThreads() {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        func sample() -> (Tensor<Float>, Tensor<Double>, Tensor<Float>) {
            var r = RNG(seed: 42)
            return (r.normal([300_001], as: Float.self), r.normal([100_003], as: Double.self), r.uniform([200_000], as: Float.self))
        }
        tensorThreads = 1
        let one = sample()
        tensorThreads = 2
        let two = sample()
        XCTAssertEqual(one.0, two.0); XCTAssertEqual(one.1, two.1); XCTAssertEqual(one.2, two.2)
        // A prefix of a longer draw equals a shorter draw (values depend on the index only).
        var r = RNG(seed: 42)
        XCTAssertEqual(r.normal([1000], as: Float.self).scalars, Array(one.0.scalars.prefix(1000)))
    }

    /// The AVX2/AVX-512 Float normal kernel gives the Swift definition's bits: whole and
    /// partial batches, several keys and draw numbers (high words too), one and two threads.
    func testFloatNormalKernelIsBitIdenticalToTheSwiftDefinition() {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        for (seed, draw, n) in [(0 as UInt64, 0 as UInt64, 1), (42, 3, 31), (7, 1 << 33, 1000), (0xDEAD_BEEF_0123_4567, 9, 200_017)] {
            let rng = RNG(seed: seed)
            let want = rng.normalFloatsSwift(n, draw: draw)
            for threads in [1, 2] {
                tensorThreads = threads
                let got = rng.normalFloats(n, draw: draw)
                XCTAssertEqual(got.map(\.bitPattern), want.map(\.bitPattern), "seed \(seed) draw \(draw) n \(n) threads \(threads)")
            }
        }
    }

    func testSplitIsDeterministicAndIndependentOfSiblingDraws() {
        let root = RNG(seed: 7)
        var a1 = root.split("init"), b = root.split("data")
        _ = b.normal([10_000], as: Double.self)
        var a2 = root.split("init")
        XCTAssertEqual(a1.uniform([5], as: Double.self), a2.uniform([5], as: Double.self))
        XCTAssertNotEqual(root.split("init").key, root.split("data").key)
        XCTAssertNotEqual(root.split(0).key, root.split(1).key)
        XCTAssertNotEqual(RNG(seed: 7).split("x").key, RNG(seed: 8).split("x").key)
        // Without `as:` the element type is Double; draws advance the stream.
        var d = RNG(seed: 1)
        let first: Tensor<Double> = d.normal([3]), second = d.normal([3])
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(d.draws, 2)
    }

    /// Kolmogorov–Smirnov statistic of `x` against the CDF `F`.
    func ks(_ x: [Double], _ F: (Double) -> Double) -> Double {
        let s = x.sorted(), n = Double(s.count)
        var d = 0.0
        for (i, v) in s.enumerated() { let f = F(v); d = Swift.max(d, Swift.abs(f - Double(i) / n), Swift.abs(Double(i + 1) / n - f)) }
        return d
    }

    func testNormalPassesKSAndMoments() {
        var r = RNG(seed: 2024)
        let n = 1_000_000
        let x = r.normal([n], as: Float.self).scalars.map(Double.init)
        let phi = { (z: Double) in 0.5 * (1 + Foundation.erf(z / 2.0.squareRoot())) }
        // KS critical value at α = 0.001 is 1.95/√n.
        XCTAssertLessThan(ks(x, phi), 1.95 / Double(n).squareRoot())
        let m = x.reduce(0, +) / Double(n)
        let v = x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(n)
        let k = x.map { Foundation.pow(($0 - m), 4) }.reduce(0, +) / Double(n) / (v * v)
        XCTAssertEqual(m, 0, accuracy: 5 / Double(n).squareRoot())  // 5 standard errors
        XCTAssertEqual(v, 1, accuracy: 5 * 2.0.squareRoot() / Double(n).squareRoot())
        XCTAssertEqual(k, 3, accuracy: 5 * 24.0.squareRoot() / Double(n).squareRoot())
        var r64 = RNG(seed: 5)
        let y = r64.normal([200_000], mean: 2, std: 3, as: Double.self)
        XCTAssertLessThan(ks(y.scalars.map { ($0 - 2) / 3 }, phi), 1.95 / 200_000.0.squareRoot())
    }

    func testFloatNormalMatchesLibmBoxMuller() {
        // The vectorised log/sin/cos agree with the C library on the same uniforms.
        var r = RNG(seed: 3), w = RNG(seed: 3)
        let z = r.normal([64], as: Float.self).scalars
        let raw = w.words(64)
        // Batch layout: elements 0–7 cosines and 8–15 sines of pairs (word 0, word 1) of
        // blocks 0–7; elements 16–31 the same for (word 2, word 3).
        for e in 0..<32 {
            let j = e % 8, pair = e / 16, isSin = (e / 8) % 2 == 1
            let a = raw[4 * j + 2 * pair], b = raw[4 * j + 2 * pair + 1]
            // Uniforms from the top 23 bits: u = 1 − k/2²³ in (0, 1], t = k′/2²³ − 0.5.
            let u = 1 - Double(a >> 9) / 8_388_608, t = Double(b >> 9) / 8_388_608 - 0.5
            let rad = (-2 * Foundation.log(u)).squareRoot()
            let expected = rad * (isSin ? Foundation.sin(2 * .pi * t) : Foundation.cos(2 * .pi * t))
            XCTAssertEqual(Double(z[e]), expected, accuracy: 3e-6 * Swift.max(1, rad), "element \(e)")
        }
    }

    func testFastMathAccuracyOverItsDomain() {
        var worstLog = 0.0, worstTrig = 0.0
        for i in stride(from: 0, to: 1 << 24, by: 997) {
            let u = Float(i + 1) / 16_777_216, t = Float(i) / 16_777_216 - 0.5
            let l = FastMath.log(SIMD8(repeating: u))[0]
            worstLog = Swift.max(worstLog, Swift.abs(Double(l) - Foundation.log(Double(u))))
            let (s, c) = FastMath.sinCosTwoPi(SIMD8(repeating: t))
            worstTrig = Swift.max(
                worstTrig, Swift.abs(Double(s[0]) - Foundation.sin(2 * .pi * Double(t))),
                Swift.abs(Double(c[0]) - Foundation.cos(2 * .pi * Double(t))))
        }
        XCTAssertLessThan(worstLog, 2e-6)
        XCTAssertLessThan(worstTrig, 1e-6)
    }

    func testFastExpAndTanhMatchLibm() {
        var worstExp = 0.0, worstTanh = 0.0
        for i in stride(from: -90.0, through: 90.0, by: 0.0137) {
            let x = Float(i)
            let e = FastMath.exp(SIMD8(repeating: x))[0], t = FastMath.tanh(SIMD8(repeating: x))[0]
            let re = Foundation.exp(Double(x)), rt = Foundation.tanh(Double(x))
            if re > 1.2e-38 && re < 3.4e38 { worstExp = Swift.max(worstExp, Swift.abs(Double(e) - re) / re) }
            worstTanh = Swift.max(worstTanh, Swift.abs(Double(t) - rt) / Swift.max(Swift.abs(rt), 1e-30))
        }
        XCTAssertLessThan(worstExp, 3e-7)
        XCTAssertLessThan(worstTanh, 3e-7)
        let ends = FastMath.exp(SIMD8(-100, -87.4, 88.8, .infinity, -.infinity, .nan, 0, 1))
        XCTAssertEqual(Array(ends.indices.map { ends[$0] }.prefix(5)), [0, 0, .infinity, .infinity, 0])
        XCTAssertTrue(ends[5].isNaN); XCTAssertEqual(ends[6], 1)
        let tiny = FastMath.tanh(SIMD8(repeating: 1e-6))[0]
        XCTAssertEqual(tiny, 1e-6, accuracy: 1e-12)  // relative accuracy kept near zero
    }

    func testUniformIsUniform() {
        var r = RNG(seed: 11)
        let u = r.uniform([200_000], as: Double.self).scalars
        XCTAssertLessThan(ks(u, { Swift.min(Swift.max($0, 0), 1) }), 1.95 / 200_000.0.squareRoot())
        XCTAssertTrue(u.allSatisfy { $0 >= 0 && $0 < 1 })
        let f = r.uniform([100_000], low: -2, high: 5, as: Float.self)
        XCTAssertTrue(f.min() >= -2 && f.max() < 5)
        XCTAssertEqual(Double(f.mean()), 1.5, accuracy: 0.05)
    }

    func testDiscreteDistributions() {
        var r = RNG(seed: 99)
        let s = r.rademacher([100_000], as: Double.self)
        XCTAssertTrue(s.scalars.allSatisfy { $0 == 1 || $0 == -1 })
        XCTAssertEqual(s.mean(), 0, accuracy: 5 / 100_000.0.squareRoot())
        let p = r.permutation(1000)
        XCTAssertEqual(p.scalars.sorted(), Array(0..<1000))
        XCTAssertNotEqual(p.scalars, Array(0..<1000))
        let c = r.choice(4, count: 100_000, weights: [1, 0, 2, 1])
        let counts = (0..<4).map { k in c.scalars.filter { $0 == k }.count }
        XCTAssertEqual(counts[1], 0)
        for (k, expected) in [(0, 0.25), (2, 0.5), (3, 0.25)] {
            XCTAssertEqual(Double(counts[k]) / 100_000, expected, accuracy: 0.01)
        }
        let noRepeat = r.choice(10, count: 10, replace: false)
        XCTAssertEqual(noRepeat.scalars.sorted(), Array(0..<10))
        let i = r.integers(60_000, below: 6)
        XCTAssertEqual(Set(i.scalars), Set(0..<6))
    }

    func testDirichletOnesIsUniformOnTheSimplex() {
        var r = RNG(seed: 1)
        let d = r.dirichletOnes(3, count: 50_000)
        XCTAssertLessThan(maxDiff(d.sum(axis: 1), .ones([50_000])), 1e-12)
        XCTAssertTrue(d.scalars.allSatisfy { $0 > 0 })
        // Marginals of Dirichlet(1,1,1) are Beta(1, 2): mean 1/3, variance 1/18.
        let x0 = d.select(0, axis: 1)
        XCTAssertEqual(x0.mean(), 1.0 / 3, accuracy: 0.005)
        XCTAssertEqual(x0.variance(), 1.0 / 18, accuracy: 0.002)
    }
}
