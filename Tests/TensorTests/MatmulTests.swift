import XCTest
import Dispatch
@testable import Tensor

final class MatmulTests: XCTestCase {
    /// Deterministic pseudo-random values without depending on the RNG under construction.
    func values(_ n: Int, seed: UInt64) -> [Double] {
        var s = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: s >> 11) % 2001) / 1000 - 1
        }
    }

    func naive(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        return c
    }

    func testDoubleMatchesNaiveLoops() {
        for (m, k, n) in [(1, 1, 1), (3, 5, 2), (17, 9, 31), (64, 64, 64)] {
            let a = values(m * k, seed: UInt64(m)), b = values(k * n, seed: UInt64(n + 100))
            let c = matmul(Tensor(shape: [m, k], scalars: a), Tensor(shape: [k, n], scalars: b))
            XCTAssertEqual(c.shape, [m, n])
            for (x, y) in zip(c.scalars, naive(a, b, m: m, k: k, n: n)) { XCTAssertEqual(x, y, accuracy: 1e-12) }
        }
    }

    /// CTensorKernels' gemm (and OpenBLAS where it declines) against a naive loop, through gemm
    /// itself: every transpose pair, alpha/beta, leading dimensions wider than the rows, partial
    /// column strips of every tile width, row tails, B copied into panels (k or ldb ≥ 256), k in chunks (> 1024) and
    /// work split by rows and by strips. beta = 0 must ignore NaNs in C. `make test` runs this
    /// again under FOLIO_TENSOR_ISA=avx2 and =baseline, so every path is checked on one machine.
    func testGemmMatchesNaiveForEveryTransposeAndScaling() {
        for (m, n, k) in [
            (1, 1, 1), (4, 16, 8), (5, 17, 3), (12, 40, 9), (16, 8, 5), (33, 29, 47), (96, 96, 96), (97, 40, 20), (20, 8, 97), (70, 130, 110),
            (50, 130, 260), (61, 200, 33), (9, 70, 300), (9, 20, 2100), (5, 1100, 7),
        ] {
            for transA in [false, true] {
                for transB in [false, true] {
                    for (alpha, beta) in [(1.0, 0.0), (-0.5, 0.75)] {
                        let lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 1
                        let a = values((transA ? k : m) * lda, seed: UInt64(m * 7 + k))
                        let b = values((transB ? n : k) * ldb, seed: UInt64(n * 5 + k))
                        let c0 = values(m * ldc, seed: 3).map { beta == 0 ? Double.nan : $0 }
                        var want = c0
                        for i in 0..<m {
                            for j in 0..<n {
                                var s = 0.0
                                for p in 0..<k {
                                    s += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j])
                                }
                                want[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c0[i * ldc + j])
                            }
                        }
                        var c64 = c0, c32 = c0.map(Float.init)
                        let a32 = a.map(Float.init), b32 = b.map(Float.init)
                        Double.gemm(
                            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                            b: b, ldb: ldb, beta: beta, c: &c64, ldc: ldc)
                        Float.gemm(
                            transA: transA, transB: transB, m: m, n: n, k: k, alpha: Float(alpha), a: a32, lda: lda,
                            b: b32, ldb: ldb, beta: Float(beta), c: &c32, ldc: ldc)
                        let label = "m \(m) n \(n) k \(k) transA \(transA) transB \(transB) alpha \(alpha)"
                        for i in 0..<m {
                            for j in 0..<n {
                                XCTAssertEqual(c64[i * ldc + j], want[i * ldc + j], accuracy: 1e-12, label)
                                XCTAssertEqual(Double(c32[i * ldc + j]), want[i * ldc + j], accuracy: 1e-4, label)
                            }
                            // The padding column between rows is never written.
                            XCTAssertEqual(c64[i * ldc + n].bitPattern, c0[i * ldc + n].bitPattern, label)
                        }
                    }
                }
            }
        }
    }

    /// Products big enough to be split across threads give the same bits on one and two threads.
    func testLargeProductsAreBitIdenticalOnOneAndTwoThreads() {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        let a = Tensor<Double>(shape: [200, 150], scalars: values(200 * 150, seed: 5))
        let b = Tensor<Double>(shape: [150, 300], scalars: values(150 * 300, seed: 6))
        tensorThreads = 1
        let one = (matmul(a, b), matmul(a.asType(Float.self), b.asType(Float.self)), matmul(b, a, transposingA: true, transposingB: true))
        tensorThreads = 2
        let two = (matmul(a, b), matmul(a.asType(Float.self), b.asType(Float.self)), matmul(b, a, transposingA: true, transposingB: true))
        XCTAssertEqual(one.0, two.0); XCTAssertEqual(one.1, two.1); XCTAssertEqual(one.2, two.2)
        XCTAssertLessThan(maxDiff(one.2, matmul(a, b).T), 1e-12)
    }

    /// Products started from several threads at once share one worker pool: a caller that finds
    /// it busy computes inline. Every result must still be whole and identical.
    func testConcurrentProductsFromManyThreads() {
        let a = Tensor<Float>(shape: [130, 150], scalars: values(130 * 150, seed: 7).map(Float.init))
        let b = Tensor<Float>(shape: [150, 260], scalars: values(150 * 260, seed: 8).map(Float.init))
        let want = matmul(a, b)
        let results = UnsafeMutableBufferPointer<Tensor<Float>?>.allocate(capacity: 16)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            var c = matmul(a, b)
            for _ in 0..<20 { c = matmul(a, b) }
            results[i] = c
        }
        for r in results { XCTAssertEqual(r, want) }
    }

    func testFloatAgreesWithDouble() {
        let (m, k, n) = (33, 47, 29)
        let a = values(m * k, seed: 1), b = values(k * n, seed: 2)
        let c32 = matmul(Tensor<Float>(shape: [m, k], scalars: a.map(Float.init)), Tensor<Float>(shape: [k, n], scalars: b.map(Float.init)))
        let c64 = naive(a, b, m: m, k: k, n: n)
        for (x, y) in zip(c32.scalars, c64) { XCTAssertEqual(Double(x), y, accuracy: 1e-4) }
    }

    func testTransposeIdentity() {
        // (AB)ᵀ = BᵀAᵀ
        let a = Tensor<Double>(shape: [4, 3], scalars: values(12, seed: 3))
        let b = Tensor<Double>(shape: [3, 5], scalars: values(15, seed: 4))
        let lhs = matmul(a, b).transposed(), rhs = matmul(b.transposed(), a.transposed())
        XCTAssertEqual(lhs.shape, [5, 4])
        for (x, y) in zip(lhs.scalars, rhs.scalars) { XCTAssertEqual(x, y, accuracy: 1e-14) }
    }

    func testEmptyInnerDimensionGivesZeros() {
        let c = matmul(Tensor<Double>.zeros([2, 0]), Tensor<Double>.zeros([0, 3]))
        XCTAssertEqual(c, Tensor.zeros([2, 3]))
    }

    func testDescriptionIsNumPyLike() {
        let t = Tensor<Double>(rows: [[1, 2], [3, 4.5]])
        XCTAssertEqual(t.description, "[[ 1.,  2.],\n [ 3., 4.5]]")
        XCTAssertEqual(t[1, 1], 4.5)
    }
}

final class BatchedMatmulTests: XCTestCase {
    func testBatchedMatmulBroadcastsLeadingAxes() {
        let a = lcgTensor([2, 3, 4, 5], seed: 1), b = lcgTensor([3, 5, 2], seed: 2)
        let c = matmul(a, b)
        XCTAssertEqual(c.shape, [2, 3, 4, 2])
        for i in 0..<2 {
            for j in 0..<3 {
                let expected = matmul(a.select(i).select(j), b.select(j))
                XCTAssertLessThan(maxDiff(c.select(i).select(j), expected), 1e-15)
            }
        }
    }

    func testMatrixVectorAndOuter() {
        let m = Tensor<Double>(rows: [[1, 2], [3, 4], [5, 6]]), v = Tensor<Double>([1, -1])
        XCTAssertEqual(matmul(m, v), Tensor([-1, -1, -1]))
        XCTAssertEqual(matmul(Tensor<Double>([1, 0, 2]), m), Tensor([11, 14]))
        XCTAssertEqual(outer(Tensor<Double>([1, 2]), Tensor<Double>([3, 4, 5])), Tensor(rows: [[3, 4, 5], [6, 8, 10]]))
        XCTAssertEqual(dot(Tensor<Double>([1, 2, 3]), Tensor<Double>([4, 5, 6])), 32)
        XCTAssertEqual(m • Tensor<Double>(rows: [[1], [1]]), Tensor(rows: [[3], [7], [11]]))
    }
}
