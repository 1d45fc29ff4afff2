import Foundation
import TestSupport
import XCTest
@testable import Tensor

/// take/put along an axis, masked assignment, pad, roll, tril/triu, cumprod and unique against
/// NumPy on the same data.
final class IndexingBreadthTests: XCTestCase {
    /// Runs `expressions` in NumPy with `x` (3×4 LCG data) and `idx` defined; each result flattened.
    func numpy(_ x: Tensor<Double>, _ idx: IntTensor, _ expressions: [String]) throws -> [[Double]] {
        let code = """
            import numpy as np, json
            x = np.array(\(x.scalars)).reshape(\(x.shape))
            idx = np.array(\(idx.scalars)).reshape(\(idx.shape))
            out = []
            for e in \(expressions):
                env = {'np': np, 'x': x.copy(), 'idx': idx}
                exec('r = ' + e if not e.startswith('!') else e[1:], env)
                out.append(np.asarray(env['r'], dtype=float).ravel().tolist())
            print(json.dumps(out))
            """
        return try JSONSerialization.jsonObject(with: Data(try Tools.python(code).utf8)) as! [[Double]]
    }

    func testAgainstNumPy() throws {
        let x = lcgTensor([3, 4], seed: 9)
        let idx = IntTensor(shape: [3, 4], scalars: [2, 0, 1, 1, 0, 2, 2, 1, 1, 1, 0, -1])
        let column = IntTensor(shape: [3, 1], scalars: [3, 0, -2])
        var put = x
        put.putAlongAxis(column, Tensor(shape: [3, 1], scalars: [7, 8, 9]), axis: 1)
        var masked = x
        masked[x .< 0] = Tensor(0)
        var listed = x
        let mask = x .> 0.25
        listed[mask] = Tensor((0..<mask.trueCount).map { Double($0) })
        let got: [(String, Tensor<Double>)] = [
            ("np.take_along_axis(x, idx % 3, axis=0)", x.takeAlongAxis(IntTensor(shape: [3, 4], scalars: idx.scalars.map { (($0 % 3) + 3) % 3 }), axis: 0)),
            ("np.take_along_axis(x, np.array([[3], [0], [-2]]), axis=1)", x.takeAlongAxis(column, axis: 1)),
            ("!np.put_along_axis(x, np.array([[3], [0], [-2]]), np.array([[7.], [8.], [9.]]), axis=1); r = x", put),
            ("!x[x < 0] = 0; r = x", masked),
            ("!m = x > 0.25; x[m] = np.arange(m.sum()); r = x", listed),
            ("np.pad(x, ((1, 2), (3, 0)))", x.padded([(1, 2), (3, 0)])),
            ("np.pad(x, ((1, 2), (3, 5)), constant_values=1.5)", x.padded([(1, 2), (3, 5)], mode: .constant(1.5))),
            ("np.pad(x, ((2, 2), (3, 7)), mode='reflect')", x.padded([(2, 2), (3, 7)], mode: .reflect)),
            ("np.pad(x, ((4, 1), (5, 2)), mode='symmetric')", x.padded([(4, 1), (5, 2)], mode: .symmetric)),
            ("np.pad(x, ((2, 5), (9, 1)), mode='wrap')", x.padded([(2, 5), (9, 1)], mode: .wrap)),
            ("np.pad(x, 2, mode='edge')", x.padded(2, mode: .edge)),
            ("np.roll(x, 1, axis=0)", x.rolled(1, axis: 0)),
            ("np.roll(x, -6, axis=1)", x.rolled(-6, axis: 1)),
            ("np.roll(x, 5)", x.rolled(5)),
            ("np.tril(x)", x.tril()),
            ("np.tril(x, -1)", x.tril(-1)),
            ("np.triu(x, 1)", x.triu(1)),
            ("np.triu(np.stack([x, 2 * x]), -1)", Tensor.stack([x, x * 2]).triu(-1)),
            ("np.cumprod(x + 1, axis=0)", (x + 1).cumprod(axis: 0)),
            ("np.cumprod(x + 1, axis=1)", (x + 1).cumprod(axis: 1)),
        ]
        let want = try numpy(x, idx, got.map(\.0))
        for ((expression, value), expected) in zip(got, want) {
            XCTAssertEqual(value.count, expected.count, expression)
            XCTAssertLessThan(zip(value.scalars, expected).map { Swift.abs($0 - $1) }.max() ?? 0, 1e-14, expression)
        }
    }

    func testUniqueMatchesNumPyIncludingNaN() throws {
        let x = Tensor<Double>(shape: [2, 4], scalars: [3, 1, .nan, 3, 2, 1, .nan, -0.5])
        let (values, inverse, counts) = x.unique()
        let text = try Tools.python(
            """
            import numpy as np, json
            v, i, c = np.unique(np.array([3, 1, np.nan, 3, 2, 1, np.nan, -0.5]), return_inverse=True, return_counts=True)
            print(json.dumps([[None if np.isnan(a) else a for a in v.tolist()], i.ravel().tolist(), c.tolist()]))
            """)
        let want = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[Any]]
        XCTAssertEqual(values.scalars.map { $0.isNaN ? nil : $0 }, want[0].map { $0 as? Double })
        XCTAssertEqual(inverse.scalars, want[1] as! [Int])
        XCTAssertEqual(inverse.shape, [2, 4])
        XCTAssertEqual(counts.scalars, want[2] as! [Int])
    }

    func testScatterAddIsTheAdjointOfTakeAlongAxis() {
        let x = lcgTensor([3, 4], seed: 2), y = lcgTensor([5, 4], seed: 3)
        let idx = IntTensor(shape: [5, 4], scalars: (0..<20).map { ($0 * 7) % 3 })
        // ⟨take(x), y⟩ = ⟨x, scatterAdd(0, y)⟩ for every x, y.
        let left = (x.takeAlongAxis(idx, axis: 0) * y).sum()
        let right = (x * Tensor<Double>.zeros([3, 4]).scatterAdd(idx, y, axis: 0)).sum()
        XCTAssertEqual(left, right, accuracy: 1e-14)
    }
}
