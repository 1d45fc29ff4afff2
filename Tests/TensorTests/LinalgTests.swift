import XCTest
@testable import Tensor

final class LinalgTests: XCTestCase {
    let a = lcgTensor([7, 5], seed: 21)

    func testThinAndFullSVDReconstruct() {
        let (u, s, vt) = svd(a)
        XCTAssertEqual(u.shape, [7, 5]); XCTAssertEqual(s.shape, [5]); XCTAssertEqual(vt.shape, [5, 5])
        XCTAssertLessThan(maxDiff(matmul(u * s, vt), a), 1e-13)  // U·diag(S)·Vᵀ = A
        XCTAssertLessThan(maxDiff(matmul(u.T, u), .eye(5)), 1e-14)
        XCTAssertEqual(s.scalars, s.scalars.sorted(by: >))
        let full = svd(a, full: true)
        XCTAssertEqual(full.u.shape, [7, 7])
        XCTAssertLessThan(maxDiff(matmul(full.u.T, full.u), .eye(7)), 1e-14)
        XCTAssertLessThan(maxDiff(singularValues(a), s), 1e-14)
        // Wide matrices too, and Float against Double.
        let w = a.T, (uw, sw, vtw) = svd(w.asType(Float.self))
        XCTAssertLessThan(maxDiff(matmul(uw * sw, vtw).asType(Double.self), w), 1e-5)
        XCTAssertLessThan(maxDiff(sw.asType(Double.self), s), 1e-5)
    }

    func testFullSVDOfAWideMatrix() {
        // LAPACK sees our row-major buffer as Aᵀ; a wide A makes its factors swap shapes too.
        let w = a.T, (u, s, vt) = svd(w, full: true)
        XCTAssertEqual(u.shape, [5, 5]); XCTAssertEqual(vt.shape, [7, 7])
        XCTAssertLessThan(maxDiff(matmul(vt, vt.T), .eye(7)), 1e-14)
        XCTAssertLessThan(maxDiff(matmul(u * s, vt.slice([0..<5, 0..<7])), w), 1e-13)
        XCTAssertLessThan(maxDiff(singularValues(w), s), 1e-14)
    }

    /// At 200², LAPACK's blocked steps multiply matrices through dgemm_/sgemm_, which our gemm
    /// takes over (BlasRouting.c); the factorisations must still reconstruct their input.
    func testLAPACKProductsGoThroughOurGemm() {
        let before = lapackProductsRouted()
        let m = lcgTensor([200, 200], seed: 9)
        let sym = m + m.T
        let (w, v) = eigh(sym)
        XCTAssertLessThan(maxDiff(matmul(v * w, v.T), sym), 1e-11)
        let (u, s, vt) = svd(m)
        XCTAssertLessThan(maxDiff(matmul(u * s, vt), m), 1e-11)
        let (u32, s32, vt32) = svd(m.asType(Float.self))
        XCTAssertLessThan(maxDiff(matmul(u32 * s32, vt32).asType(Double.self), m), 1e-3)
        if gemmKernelTakes(200, 1024, 1024) {  // the AVX-512 path: LAPACK's products are its size
            XCTAssertGreaterThan(lapackProductsRouted(), before)
        }
    }

    func testSingularValuesOfAKnownMatrix() {
        // [[3, 0], [4, 5]] has singular values √45 and √5.
        let s = singularValues(Tensor<Double>(rows: [[3, 0], [4, 5]]))
        XCTAssertEqual(s[0], 45.0.squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(s[1], 5.0.squareRoot(), accuracy: 1e-14)
    }

    func testEighDiagonalises() {
        let sym = matmul(a.T, a)
        let (w, v) = eigh(sym)
        XCTAssertEqual(w.scalars, w.scalars.sorted())
        XCTAssertLessThan(maxDiff(matmul(v * w, v.T), sym), 1e-13)
        XCTAssertLessThan(maxDiff(matmul(v.T, v), .eye(5)), 1e-14)
        // Eigenvalues of AᵀA are the squared singular values of A.
        XCTAssertLessThan(maxDiff(w, Tensor(singularValues(a).scalars.map { $0 * $0 }.reversed())), 1e-13)
        // Only the lower triangle is read: garbage above the diagonal changes nothing.
        var upper = sym.scalars
        for i in 0..<5 { for j in (i + 1)..<5 { upper[i * 5 + j] = 1e3 * Double(i + j) } }
        let (wl, vl) = eigh(Tensor(shape: [5, 5], scalars: upper))
        XCTAssertEqual(wl.scalars, w.scalars); XCTAssertEqual(vl.scalars, v.scalars)
        let (w32, _) = eigh(sym.asType(Float.self))
        XCTAssertLessThan(maxDiff(w32.asType(Double.self), w), 1e-5)
    }

    func testQR() {
        let (q, r) = qr(a)
        XCTAssertEqual(q.shape, [7, 5]); XCTAssertEqual(r.shape, [5, 5])
        XCTAssertLessThan(maxDiff(matmul(q.T, q), .eye(5)), 1e-14)  // QᵀQ = I
        XCTAssertLessThan(maxDiff(matmul(q, r), a), 1e-14)
        for i in 0..<5 { for j in 0..<i { XCTAssertEqual(r[i, j], 0) } }
        let (qw, rw) = qr(a.T)
        XCTAssertEqual(qw.shape, [5, 5]); XCTAssertEqual(rw.shape, [5, 7])
        XCTAssertLessThan(maxDiff(matmul(qw, rw), a.T), 1e-14)
    }

    func testCholeskyAndItsError() throws {
        let spd = matmul(a.T, a) + .eye(5)
        let l = try cholesky(spd)
        XCTAssertLessThan(maxDiff(matmul(l, l.T), spd), 1e-13)
        for i in 0..<5 { for j in (i + 1)..<5 { XCTAssertEqual(l[i, j], 0) } }
        XCTAssertThrowsError(try cholesky(Tensor<Double>(rows: [[1, 2], [2, 1]]))) { e in
            XCTAssertEqual("\(e)", "cholesky: the leading minor of order 2 is not positive definite for a matrix of shape [2, 2] (LAPACK info = 2)")
        }
    }

    func testSolveInvDet() throws {
        let m = lcgTensor([6, 6], seed: 5) + Tensor<Double>.eye(6) * 3
        let b = lcgTensor([6, 2], seed: 6)
        let x = try solve(m, b)
        XCTAssertLessThan(maxDiff(matmul(m, x), b), 1e-14)
        XCTAssertEqual(try solve(m, b.select(0, axis: 1)).shape, [6])
        XCTAssertLessThan(maxDiff(matmul(try inv(m), m), .eye(6)), 1e-14)
        XCTAssertThrowsError(try solve(Tensor<Double>(rows: [[1, 2], [2, 4]]), Tensor<Double>([1, 1]))) { e in
            XCTAssertEqual((e as? LinalgError)?.operation, "solve")
        }
        XCTAssertEqual(det(Tensor<Double>(rows: [[1, 2], [3, 4]])), -2, accuracy: 1e-14)
        XCTAssertEqual(det(Tensor<Double>(rows: [[0, 1], [1, 0]])), -1, accuracy: 1e-15)  // a row swap
        XCTAssertEqual(det(Tensor<Double>(rows: [[1, 2], [2, 4]])), 0)
        // log|det| equals the sum of log singular values.
        let (sgn, logdet) = slogdet(m)
        XCTAssertEqual(sgn * sgn, 1)
        XCTAssertEqual(logdet, singularValues(m).scalars.map { Foundation.log($0) }.reduce(0, +), accuracy: 1e-12)
        XCTAssertEqual(Double(det(Tensor<Float>(rows: [[2, 1], [1, 3]]))), 5, accuracy: 1e-5)
    }

    func testPseudoInverseOfRankOneMatrixHasTraceOneOverN() {
        // The 150×150 all-ones matrix J = 1·1ᵀ has J⁺ = J / 150², so trace J⁺ = 1/150: the
        // default tolerance must drop the ~1e-14 roundoff singular values, or the trace explodes.
        let n = 150
        let j = Tensor<Double>.ones([n, n])
        XCTAssertEqual(pinv(j).trace(), 1.0 / 150, accuracy: 1e-10)
        XCTAssertEqual(matrixRank(j), 1)
        // With rcond 0 nothing is dropped: the roundoff directions blow the trace up.
        XCTAssertGreaterThan(Swift.abs(pinv(j, rcond: 0).trace() - 1.0 / 150), 1e-3)
    }

    func testPinvAndLstsqAgreeWithNormalEquations() throws {
        let b = lcgTensor([7], seed: 8)
        let (x, rank) = lstsq(a, b)
        XCTAssertEqual(rank, 5)
        let normal = try solve(matmul(a.T, a), matmul(a.T, b))
        XCTAssertLessThan(maxDiff(x, normal), 1e-12)
        XCTAssertLessThan(maxDiff(matmul(pinv(a), b), normal), 1e-12)
        // Moore–Penrose conditions A A⁺ A = A and A⁺ A A⁺ = A⁺.
        let p = pinv(a)
        XCTAssertLessThan(maxDiff(matmul(matmul(a, p), a), a), 1e-13)
        XCTAssertLessThan(maxDiff(matmul(matmul(p, a), p), p), 1e-13)
        // A rank-deficient system: columns 0 and 1 equal; minimum-norm solution splits evenly.
        let d = Tensor<Double>(rows: [[1, 1], [2, 2], [3, 3]])
        let (xd, rd) = lstsq(d, Tensor<Double>([2, 4, 6]))
        XCTAssertEqual(rd, 1)
        XCTAssertLessThan(maxDiff(xd, Tensor([1, 1])), 1e-13)
        XCTAssertEqual(matrixRank(d), 1)
        XCTAssertEqual(matrixRank(a), 5)
    }
}
