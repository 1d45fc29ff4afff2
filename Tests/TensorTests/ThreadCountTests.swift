import XCTest
@testable import Tensor

/// Every kernel that splits work across threads gives the same bits on 1, 2, 3, 4 and 8 threads
/// (more threads than this machine's cores included: the pool then time-slices, which changes
/// nothing but speed). The thread count is set explicitly; `parallelThreshold` is lowered so
/// that even moderate sizes take the threaded paths.
final class ThreadCountTests: XCTestCase {
    static let counts = [1, 2, 3, 4, 8]

    /// Runs `body` at each thread count and asserts that every run's bits equal the first's.
    func assertSameBitsOnEveryThreadCount(
        _ what: String, file: StaticString = #filePath, line: UInt = #line, _ body: () -> [UInt64]
    ) {
        let saved = (tensorThreads, parallelThreshold)
        defer { (tensorThreads, parallelThreshold) = saved }
        parallelThreshold = 256
        var reference: [UInt64]?
        for threads in Self.counts {
            tensorThreads = threads
            let bits = body()
            if let reference {
                let differing = zip(reference, bits).filter { $0 != $1 }.count
                XCTAssertEqual(bits.count, reference.count, "\(what): \(threads) threads", file: file, line: line)
                XCTAssertEqual(differing, 0, "\(what): \(differing) values differ on \(threads) threads from 1", file: file, line: line)
            } else {
                reference = bits
            }
        }
    }

    func values(_ n: Int, seed: UInt64) -> [Double] {
        var s = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<n).map { _ in
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: s >> 11) % 2_000_001) / 1_000_000 - 1
        }
    }

    func bits(_ t: Tensor<Float>) -> [UInt64] { t.scalars.map { UInt64($0.bitPattern) } }
    func bits(_ t: Tensor<Double>) -> [UInt64] { t.scalars.map(\.bitPattern) }

    /// Awkward sizes: primes, one row, tall and thin, wide, k beyond the kernel's panel, transposes.
    func testGemmAtAwkwardSizes() {
        let shapes = [(97, 101, 103), (1, 4099, 67), (1031, 7, 53), (61, 257, 1029), (130, 1000, 3), (48, 48, 48), (200, 150, 300)]
        for (m, k, n) in shapes {
            let a = Tensor<Double>(shape: [m, k], scalars: values(m * k, seed: UInt64(m)))
            let b = Tensor<Double>(shape: [k, n], scalars: values(k * n, seed: UInt64(n)))
            let af = a.asType(Float.self), bf = b.asType(Float.self)
            assertSameBitsOnEveryThreadCount("gemm \(m)×\(k)·\(k)×\(n)") {
                bits(matmul(a, b)) + bits(matmul(af, bf)) + bits(matmul(b, a, transposingA: true, transposingB: true))
                    + bits(matmul(bf, af, transposingA: true, transposingB: true))
            }
        }
    }

    func testElementwiseUnaryAndBroadcastOps() {
        let x = Tensor<Float>(shape: [301, 337], scalars: values(301 * 337, seed: 3).map(Float.init))
        let row = Tensor<Float>(shape: [1, 337], scalars: values(337, seed: 4).map(Float.init))
        let xd = x.asType(Double.self)
        assertSameBitsOnEveryThreadCount("elementwise") {
            bits(tanh(x * 0.5 + 0.25)) + bits(exp(x) / (x + row)) + bits(sqrt(abs(xd)) - sin(xd) * cos(xd))
                + bits(log(exp(xd) + 1)) + bits(x * x.T.T)
        }
    }

    /// Sums along every axis and of everything, means, maxima, log-sum-exp: each output is one
    /// sum in a fixed order, whichever thread computes it.
    func testReductions() {
        let x = Tensor<Double>(shape: [67, 129, 31], scalars: values(67 * 129 * 31, seed: 5))
        let xf = x.asType(Float.self)
        assertSameBitsOnEveryThreadCount("reductions") {
            var out: [UInt64] = []
            for axis in 0..<3 {
                out += bits(x.sum(axis: axis)) + bits(xf.sum(axis: axis)) + bits(x.mean(axis: axis))
                out += bits(xf.max(axis: axis)) + bits(x.logsumexp(axis: axis))
            }
            out += [x.sum().bitPattern, UInt64(xf.sum().bitPattern), x.mean().bitPattern, UInt64(xf.logsumexp().bitPattern)]
            return out
        }
    }

    func testSoftmaxAndLogSoftmax() {
        let x = Tensor<Double>(shape: [513, 37], scalars: values(513 * 37, seed: 6).map { $0 * 20 })
        let xf = x.asType(Float.self)
        assertSameBitsOnEveryThreadCount("softmax") {
            bits(x.softmax()) + bits(xf.softmax()) + bits(xf.logSoftmax()) + bits(x.softmax(axis: 0))
        }
    }

    func testRandomSampling() {
        assertSameBitsOnEveryThreadCount("RNG") {
            var r = RNG(seed: 42)
            return bits(r.normal([300_001], as: Float.self)) + bits(r.normal([100_003], as: Double.self))
                + bits(r.uniform([200_000], as: Float.self)) + bits(r.uniform([70_001], as: Double.self))
        }
    }
}
