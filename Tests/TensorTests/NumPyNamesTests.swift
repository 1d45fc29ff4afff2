import TestSupport
import XCTest

@testable import Tensor

/// The linear-algebra scalars, grids and histograms under NumPy's names, against NumPy's own
/// values for the same inputs.
final class NumPyNamesTests: XCTestCase {
    let a = Tensor<Double>(rows: [[4, -2, 1], [3, 6, -4], [2, 1, 8], [-1, 0, 5]])

    /// Runs NumPy on the matrix `a` and returns the numbers it printed, one per line.
    func numpy(_ expressions: [String]) throws -> [Double] {
        let rows = (0..<a.shape[0]).map { r in "[" + (0..<a.shape[1]).map { "\(a[r, $0])" }.joined(separator: ",") + "]" }
        let code =
            "import numpy as np\na = np.array([\(rows.joined(separator: ","))])\n"
            + expressions.map { "print(repr(float(\($0))))" }.joined(separator: "\n")
        return try Tools.python(code).split(separator: "\n").map { Double(String($0))! }
    }

    func testMatrixNormsAndConditionNumberMatchNumPy() throws {
        let orders: [(MatrixNorm, String)] = [
            (.frobenius, "'fro'"), (.nuclear, "'nuc'"), (.spectral, "2"), (.minSingular, "-2"),
            (.maxColumnSum, "1"), (.minColumnSum, "-1"), (.maxRowSum, "np.inf"), (.minRowSum, "-np.inf"),
        ]
        let expected = try numpy(orders.map { "np.linalg.norm(a, \($0.1))" } + ["np.linalg.cond(a)"])
        for (i, (order, name)) in orders.enumerated() {
            XCTAssertEqual(norm(a, order), expected[i], accuracy: 1e-12 * expected[i], "ord=\(name)")
        }
        XCTAssertEqual(cond(a), expected.last!, accuracy: 1e-12 * expected.last!)
        // An exactly singular matrix has an exactly zero singular value, and NumPy's cond is ∞.
        XCTAssertEqual(cond(Tensor<Double>(rows: [[1, 0], [0, 0]])), .infinity)
    }

    func testEigvalshAgreesWithEighAndAKnownSpectrum() {
        XCTAssertEqual(eigvalsh(Tensor<Double>(rows: [[2, 1], [1, 2]])).scalars.map { ($0 * 1e12).rounded() / 1e12 }, [1, 3])
        let s = matmul(a.T, a)
        XCTAssertEqual(eigvalsh(s).scalars, eigh(s).values.scalars)
        // The eigenvalues of AᵀA are the squared singular values.
        let squared = singularValues(a).scalars.map { $0 * $0 }.sorted()
        for (w, s2) in zip(eigvalsh(s).scalars, squared) { XCTAssertEqual(w, s2, accuracy: 1e-11) }
    }

    func testDiagTraceAndKron() throws {
        XCTAssertEqual(diag(Tensor<Double>([1, 2]), 1).scalars, [0, 1, 0, 0, 0, 2, 0, 0, 0])
        XCTAssertEqual(diag(Tensor<Double>([1, 2]), -1).shape, [3, 3])
        XCTAssertEqual(diag(Tensor<Double>([1, 2]), -1)[2, 1], 2)
        XCTAssertEqual(diag(a).scalars, [4, 6, 8])
        XCTAssertEqual(diag(a, 1).scalars, [-2, -4])
        XCTAssertEqual(diag(a, -1).scalars, [3, 1, 5])
        XCTAssertEqual(diag(a, 5).scalars, [])
        XCTAssertEqual(trace(a), 18)
        XCTAssertEqual(trace(a, offset: -1), 9)
        let k = kron(a, Tensor<Double>(rows: [[1, 10], [100, 1000]]))
        XCTAssertEqual(k.shape, [8, 6])
        let expected = try numpy(["np.kron(a, [[1, 10], [100, 1000]]).sum()", "np.kron(a, [[1, 10], [100, 1000]])[5, 3]"])
        XCTAssertEqual(k.sum(), expected[0])
        XCTAssertEqual(k[5, 3], expected[1])
        XCTAssertEqual(kron(Tensor<Double>([1, 2]), Tensor<Double>([1, -1, 3])).scalars, [1, -1, 3, 2, -2, 6])
    }

    func testMeshgridLogspaceAndGeomspace() {
        let (X, Y) = meshgrid(Tensor<Double>([1, 2, 3]), Tensor<Double>([10, 20]))
        XCTAssertEqual(X.shape, [2, 3]); XCTAssertEqual(Y.shape, [2, 3])
        XCTAssertEqual(X.scalars, [1, 2, 3, 1, 2, 3]); XCTAssertEqual(Y.scalars, [10, 10, 10, 20, 20, 20])
        let (I, J) = meshgrid(Tensor<Double>([1, 2, 3]), Tensor<Double>([10, 20]), indexing: .ij)
        XCTAssertEqual(I.shape, [3, 2]); XCTAssertEqual(I.scalars, [1, 1, 2, 2, 3, 3]); XCTAssertEqual(J.scalars, [10, 20, 10, 20, 10, 20])
        let three = meshgrid([Tensor<Double>([1, 2]), Tensor<Double>([3, 4, 5]), Tensor<Double>([6, 7, 8, 9])])
        XCTAssertEqual(three.map(\.shape), [[3, 2, 4], [3, 2, 4], [3, 2, 4]])
        XCTAssertEqual(three[0][2, 1, 3], 2); XCTAssertEqual(three[1][2, 1, 3], 5); XCTAssertEqual(three[2][2, 1, 3], 9)
        XCTAssertEqual(Tensor<Double>.logspace(0, 3, count: 4).scalars, [1, 10, 100, 1000])
        XCTAssertEqual(Tensor<Double>.logspace(0, 4, count: 3, base: 2).scalars, [1, 4, 16])
        let g = Tensor<Double>.geomspace(-1, -1000, count: 4).scalars
        XCTAssertEqual(g.first, -1); XCTAssertEqual(g.last, -1000)
        XCTAssertEqual(g[1], -10, accuracy: 1e-12); XCTAssertEqual(g[2], -100, accuracy: 1e-12)
    }

    /// Values placed exactly on rounded edges (0.1 steps), the case NumPy corrects for.
    func testHistogramCountsAndEdgesEqualNumPys() throws {
        let data = Tensor<Double>((0...200).map { Double($0) * 0.1 - 3.3 } + [7.25, -3.3, 1e-17])
        let list = "[" + data.scalars.map { "\($0)" }.joined(separator: ",") + "]"
        for (bins, range) in [(7, "None"), (13, "(-2.0, 4.0)"), (1, "None")] {
            let out = try Tools.python(
                "import numpy as np\nc, e = np.histogram(np.array(\(list)), bins=\(bins), range=\(range))\n"
                    + "print(' '.join(repr(float(v)) for v in c))\nprint(' '.join(repr(float(v)) for v in e))")
            let lines = out.split(separator: "\n").map { $0.split(separator: " ").map { Double(String($0))! } }
            let h = histogram(data, bins: bins, range: range == "None" ? nil : -2.0...4.0)
            XCTAssertEqual(h.counts.scalars, lines[0], "bins \(bins) range \(range)")
            XCTAssertEqual(h.edges.scalars, lines[1], "bins \(bins) range \(range)")
        }
        let p = histogram(data, bins: 9, density: true)
        let mass = zip(p.counts.scalars, zip(p.edges.scalars.dropFirst(), p.edges.scalars)).map { $0 * ($1.0 - $1.1) }
        XCTAssertEqual(mass.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(histogram(Tensor<Double>([2, 2, 2]), bins: 2).edges.scalars, [1.5, 2, 2.5])
    }

    func testPercentileIsNumPysLinearPercentile() throws {
        let x = Tensor<Double>([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        let qs = [0.0, 10, 25, 50, 62.5, 90, 100]
        let code = "import numpy as np\nx = np.array(\(x.scalars))\n" + qs.map { "print(repr(float(np.percentile(x, \($0)))))" }.joined(separator: "\n")
        let expected = try Tools.python(code).split(separator: "\n").map { Double(String($0))! }
        for (q, e) in zip(qs, expected) { XCTAssertEqual(x.percentile(q), e, accuracy: 1e-12, "q = \(q)") }
        XCTAssertEqual(a.percentile(50, axis: 0).scalars, a.median(axis: 0).scalars)
    }
}
