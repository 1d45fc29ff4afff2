import Foundation
import TestSupport
import XCTest
@testable import Tensor

/// Complex tensors: parts, arithmetic with broadcasting, zgemm/cgemm products, eig and svd,
/// against closed forms and NumPy.
final class ComplexTensorTests: XCTestCase {
    func complexMatrix(_ m: Int, _ n: Int, seed: UInt64) -> ComplexTensor<Double> {
        ComplexTensor(realView: Tensor(shape: [m, n, 2], scalars: lcgValues(2 * m * n, seed: seed)))
    }

    func maxError(_ a: ComplexTensor<Double>, _ b: ComplexTensor<Double>) -> Double {
        XCTAssertEqual(a.shape, b.shape)
        return zip(a.scalars, b.scalars).map { ($0 - $1).length }.max() ?? 0
    }

    func testPartsModulusArgumentAndPrinting() {
        let z = ComplexTensor<Double>(real: [3, 0, -1], imaginary: [4, 2, 0])
        XCTAssertEqual(z.abs().scalars, [5, 2, 1])
        XCTAssertEqual(z.abs2().scalars, [25, 4, 1])
        XCTAssertEqual(z.arg().scalars[1], Double.pi / 2, accuracy: 1e-15)
        XCTAssertEqual(z.arg().scalars[2], Double.pi, accuracy: 1e-15)
        XCTAssertEqual(z.conj().imag.scalars, [-4, -2, -0])
        XCTAssertEqual(z.real.scalars, [3, 0, -1])
        XCTAssertEqual(ComplexTensor(realView: z.realView), z)
        XCTAssertEqual(z.description, "[ 3.+4.j,  0.+2.j, -1.+0.j]")
        let huge = ComplexTensor<Double>(real: [3e300], imaginary: [4e300])
        XCTAssertEqual(huge.abs().scalars[0], 5e300, accuracy: 1e286, "no overflow of |z|²")
    }

    func testArithmeticBroadcastsLikeNumPy() {
        let a = complexMatrix(3, 4, seed: 1), row = complexMatrix(1, 4, seed: 2)
        let sum = a + row, product = a * row, quotient = a / row
        for i in 0..<3 {
            for j in 0..<4 {
                XCTAssertEqual(sum[i, j], a[i, j] + row[0, j])
                XCTAssertEqual((product[i, j] - a[i, j] * row[0, j]).length, 0, accuracy: 1e-15)
                XCTAssertEqual((quotient[i, j] - a[i, j] / row[0, j]).length, 0, accuracy: 1e-14)
            }
        }
        let i = Complex<Double>(0, 1)
        XCTAssertEqual((a * i * i + a).abs().max(), 0, accuracy: 1e-15, "i² = −1")
        XCTAssertEqual(maxError(a * Tensor<Double>(shape: [1, 4], repeating: 2), a + a), 0)
        XCTAssertEqual(maxError(a.exp(), ComplexTensor(shape: a.shape, scalars: a.scalars.map { Complex.exp($0) })), 0)
    }

    func testProductsMatchNumPyInBothPrecisions() throws {
        let a = complexMatrix(5, 7, seed: 3), b = complexMatrix(7, 4, seed: 4)
        let text = try Tools.python(
            """
            import numpy as np
            a = np.array(\(a.realView.scalars)).reshape(5, 7, 2); a = a[..., 0] + 1j * a[..., 1]
            b = np.array(\(b.realView.scalars)).reshape(7, 4, 2); b = b[..., 0] + 1j * b[..., 1]
            p = a @ b
            print(' '.join(repr(float(v)) for v in np.stack([p.real, p.imag], -1).ravel()))
            """)
        let want = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let got = matmul(a, b).realView.scalars
        XCTAssertEqual(got.count, want.count)
        XCTAssertLessThan(zip(got, want).map { Swift.abs($0 - $1) }.max() ?? 1, 1e-14)
        let single = ComplexTensor<Float>(realView: Tensor(shape: [5, 7, 2], scalars: a.realView.scalars.map { Float($0) }))
        let singleB = ComplexTensor<Float>(realView: Tensor(shape: [7, 4, 2], scalars: b.realView.scalars.map { Float($0) }))
        let fromFloat = matmul(single, singleB).realView.scalars
        XCTAssertLessThan(zip(fromFloat, want).map { Swift.abs(Double($0) - $1) }.max() ?? 1, 1e-5)
        let stacked = matmul(ComplexTensor(shape: [2, 5, 7], scalars: a.scalars + a.scalars), ComplexTensor(shape: [2, 7, 4], scalars: b.scalars + b.scalars))
        XCTAssertEqual(Array(stacked.scalars[20...]), matmul(a, b).scalars)
    }

    func testEigOfRealAndComplexMatricesSatisfiesAvEqualsLambdaV() throws {
        let rotation = Tensor<Double>(rows: [[0, -1], [1, 0]])
        let (w, _) = eig(rotation)
        XCTAssertEqual(Set(w.scalars.map { $0.imaginary }), [1, -1])
        let real = lcgTensor([6, 6], seed: 5)
        let (values, vectors) = eig(real)
        let residual = maxError(matmul(real.complex(), vectors), vectors * ComplexTensor(shape: [1, 6], scalars: values.scalars))
        XCTAssertLessThan(residual, 1e-13)
        let z = complexMatrix(6, 6, seed: 6)
        let (zw, zv) = eig(z)
        XCTAssertLessThan(maxError(matmul(z, zv), zv * ComplexTensor(shape: [1, 6], scalars: zw.scalars)), 1e-13)
        for j in 0..<6 {
            let norm = (0..<6).map { zv[$0, j].lengthSquared }.reduce(0, +)
            XCTAssertEqual(norm, 1, accuracy: 1e-13, "unit eigenvectors")
        }
        let text = try Tools.python(
            """
            import numpy as np
            a = np.array(\(real.scalars)).reshape(6, 6)
            z = np.array(\(z.realView.scalars)).reshape(6, 6, 2); z = z[..., 0] + 1j * z[..., 1]
            for w in (np.linalg.eigvals(a), np.linalg.eigvals(z)):
                print(' '.join('%r %r' % (float(v.real), float(v.imag)) for v in w))
            """)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        for (line, got) in zip(lines, [values, zw]) {
            let numpy = stride(from: 0, to: line.count, by: 2).map { Complex(line[$0], line[$0 + 1]) }
            XCTAssertEqual(numpy.count, got.count)
            for (x, y) in zip(numpy, got.scalars) { XCTAssertLessThan((x - y).length, 1e-12, "LAPACK's order, NumPy's values") }
        }
    }

    func testComplexSVDReconstructsAndMatchesNumPysSingularValues() throws {
        let z = complexMatrix(7, 4, seed: 8)
        let (u, s, vh) = svd(z)
        XCTAssertEqual(u.shape, [7, 4])
        XCTAssertEqual(vh.shape, [4, 4])
        XCTAssertLessThan(maxError(matmul(u * s.reshaped([1, 4]), vh), z), 1e-13)
        let gram = matmul(u.H, u)
        for i in 0..<4 { for j in 0..<4 { XCTAssertEqual(gram[i, j].length, i == j ? 1 : 0, accuracy: 1e-13) } }
        let text = try Tools.python(
            """
            import numpy as np
            z = np.array(\(z.realView.scalars)).reshape(7, 4, 2); z = z[..., 0] + 1j * z[..., 1]
            print(' '.join(repr(float(v)) for v in np.linalg.svd(z, compute_uv=False)))
            """)
        let want = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(want.count, 4)
        for (a, b) in zip(s.scalars, want) { XCTAssertEqual(a, b, accuracy: 1e-13) }
    }
}
