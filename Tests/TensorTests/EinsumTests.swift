import Foundation
import TestSupport
import XCTest
@testable import Tensor

/// einsum and tensordot against numpy.einsum / numpy.tensordot on the same operands.
final class EinsumTests: XCTestCase {
    /// Each case: subscripts, operand shapes. Operands are LCG data seeded by position.
    let cases: [(String, [[Int]])] = [
        ("ij,jk->ik", [[3, 4], [4, 5]]),
        ("ij,jk", [[3, 4], [4, 5]]),
        ("ii", [[4, 4]]),
        ("ii->i", [[4, 4]]),
        ("iji->j", [[3, 2, 3]]),
        ("ij->ji", [[3, 5]]),
        ("ij->", [[3, 5]]),
        ("i,i", [[6], [6]]),
        ("i,j->ij", [[3], [4]]),
        ("bij,bjk->bik", [[2, 3, 4], [2, 4, 5]]),
        ("...ij,...jk->...ik", [[2, 3, 4], [4, 5]]),
        ("...ij,...jk", [[2, 1, 3, 4], [5, 4, 2]]),
        ("ij...,j...->i...", [[3, 4, 2], [4, 2]]),
        ("ijk,jlm,kln,mnp->ip", [[3, 4, 5], [4, 2, 3], [5, 2, 4], [3, 4, 2]]),
        ("ab,bc,cd,da->", [[3, 4], [4, 5], [5, 6], [6, 3]]),
        ("abc,cd,bd->a", [[2, 3, 4], [4, 5], [3, 5]]),
        ("ii,jj->ij", [[3, 3], [2, 2]]),
        ("ij,ij,ij->i", [[3, 4], [3, 4], [3, 4]]),
        ("i...->...", [[3, 2, 2]]),
        ("ba,ab->", [[3, 4], [4, 3]]),
    ]

    func operands(_ shapes: [[Int]]) -> [Tensor<Double>] { shapes.enumerated().map { lcgTensor($1, seed: UInt64(10 + $0)) } }

    func testSubscriptsMatchNumPy() throws {
        var code = "import numpy as np, json\nout = []\n"
        for (subscripts, shapes) in cases {
            let arrays = operands(shapes).map { "np.array(\($0.scalars)).reshape(\($0.shape))" }
            code += "r = np.asarray(np.einsum('\(subscripts)', \(arrays.joined(separator: ", ")), optimize=True))\n"
            code += "out.append([list(r.shape), r.ravel().tolist()])\n"
        }
        code += "print(json.dumps(out))\n"
        let want = try JSONSerialization.jsonObject(with: Data(try Tools.python(code).utf8)) as! [[Any]]
        for ((subscripts, shapes), expected) in zip(cases, want) {
            let got = einsum(subscripts, operands(shapes))
            XCTAssertEqual(got.shape, expected[0] as! [Int], subscripts)
            let values = expected[1] as! [Double]
            XCTAssertEqual(got.count, values.count, subscripts)
            let error = zip(got.scalars, values).map { Swift.abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(error, 1e-12, subscripts)
        }
    }

    func testTensordotMatchesNumPy() throws {
        let a = lcgTensor([3, 4, 5], seed: 1), b = lcgTensor([4, 5, 2], seed: 2), c = lcgTensor([5, 3, 6], seed: 3)
        let text = try Tools.python(
            """
            import numpy as np, json
            a = np.array(\(a.scalars)).reshape(3, 4, 5); b = np.array(\(b.scalars)).reshape(4, 5, 2)
            c = np.array(\(c.scalars)).reshape(5, 3, 6)
            print(json.dumps([np.tensordot(a, b).ravel().tolist(), np.tensordot(a, c, axes=([0, 2], [1, 0])).ravel().tolist(),
                              np.tensordot(a, b, axes=0).ravel().tolist()]))
            """)
        let want = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [[Double]]
        let got = [tensordot(a, b), tensordot(a, c, axes: ([0, 2], [1, 0])), tensordot(a, b, axes: 0)]
        XCTAssertEqual(got.map(\.shape), [[3, 2], [4, 6], [3, 4, 5, 4, 5, 2]])
        for (g, w) in zip(got, want) { XCTAssertLessThan(zip(g.scalars, w).map { Swift.abs($0 - $1) }.max() ?? 1, 1e-12) }
    }

    func testParsingAndPlanning() {
        let p = EinsumSubscripts("...ij, jk", shapes: [[2, 3, 4], [4, 5]])
        XCTAssertEqual(p.inputs[1], [106, 107])
        XCTAssertEqual(p.inputs[0], [-1, 105, 106])
        XCTAssertEqual(p.output, [-1, 105, 107])
        XCTAssertEqual(EinsumSubscripts("ba,ab", shapes: [[2, 3], [3, 2]]).output, [])
        XCTAssertEqual(EinsumSubscripts("ji", shapes: [[2, 3]]).output, [105, 106], "implicit output is alphabetical")
        // A float32 contraction agrees with the double one.
        let a = lcgTensor([6, 7], seed: 4), b = lcgTensor([7, 8], seed: 5)
        let single = einsum("ij,jk->ik", a.asType(Float.self), b.asType(Float.self))
        XCTAssertLessThan(maxDiff(single.asType(Double.self), matmul(a, b)), 1e-5)
    }
}
