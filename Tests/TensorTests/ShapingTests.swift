import XCTest
@testable import Tensor

final class ShapingTests: XCTestCase {
    func testReshapeInfersOneDimension() {
        let t = Tensor<Double>.arange(12)
        XCTAssertEqual(t.reshaped(3, -1).shape, [3, 4])
        XCTAssertEqual(t.reshaped([2, 3, 2]).scalars, t.scalars)
        XCTAssertEqual(t.reshaped(2, 6).flattened(), t)
    }

    func testPermuteMatchesIndexFormula() {
        let t = Tensor<Double>.arange(24).reshaped(2, 3, 4)
        let p = t.permuted(2, 0, 1)
        XCTAssertEqual(p.shape, [4, 2, 3])
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { XCTAssertEqual(p[k, i, j], t[i, j, k]) } } }
        // transposed() swaps the last two axes; twice is the identity.
        XCTAssertEqual(t.transposed().shape, [2, 4, 3])
        XCTAssertEqual(t.transposed().transposed(), t)
        XCTAssertEqual(Tensor<Double>(rows: [[1, 2, 3]]).T, Tensor(rows: [[1], [2], [3]]))
        // Float moves as 4-byte words, Double as 8-byte words: check both element sizes.
        let f = t.asType(Float.self).permuted(1, 2, 0)
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { XCTAssertEqual(Double(f[j, k, i]), t[i, j, k]) } } }
        XCTAssertEqual(f.slice([1..<3, 2..<4]).permuted(2, 0, 1).asType(Double.self), t.permuted(1, 2, 0).slice([1..<3, 2..<4]).permuted(2, 0, 1))
    }

    func testSlicingSelectAndSqueeze() {
        let t = Tensor<Double>.arange(12).reshaped(3, 4)
        XCTAssertEqual(t[1..<3, 1...2], Tensor(rows: [[5, 6], [9, 10]]))
        XCTAssertEqual(t[..<1], Tensor(rows: [[0, 1, 2, 3]]))
        XCTAssertEqual(t[1...], t.slice([1..<3]))
        XCTAssertEqual(t.select(1).scalars, [4, 5, 6, 7])
        XCTAssertEqual(t.select(-1, axis: 1).scalars, [3, 7, 11])
        XCTAssertEqual(t.expandingDims(at: 0).shape, [1, 3, 4])
        XCTAssertEqual(t.expandingDims(at: -1).shape, [3, 4, 1])
        XCTAssertEqual(t.expandingDims(at: 1).squeezed().shape, [3, 4])
        XCTAssertEqual(t.contiguous(), t)
        XCTAssertEqual(Tensor<Double>([1, 2]).broadcast(to: [2, 2]), Tensor(rows: [[1, 2], [1, 2]]))
    }

    func testIntAndBoolTensors() {
        var i = IntTensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        i[1, 0] = 9
        XCTAssertEqual(i.scalars, [1, 2, 9, 4])
        XCTAssertEqual(i.description, "[[1, 2],\n [9, 4]]")
        XCTAssertEqual(BoolTensor([true, false]).description, "[ True, False]")
        XCTAssertEqual(i.asType(Double.self).sum(), 16)
    }

    func testLargeTensorsPrintSummarised() {
        let t = Tensor<Double>.arange(2000).reshaped(2, 1000)
        XCTAssertEqual(t.description, "[[   0.,    1.,    2., ...,  997.,  998.,  999.],\n [1000., 1001., 1002., ..., 1997., 1998., 1999.]]")
        XCTAssertEqual(Tensor<Double>.arange(7).description, "[0., 1., 2., 3., 4., 5., 6.]")  // small: in full
        XCTAssertEqual(Tensor<Float>(2.5).description, "2.5")
    }

    func testJoining() {
        let a = Tensor<Double>(rows: [[1, 2], [3, 4]]), b = Tensor<Double>(rows: [[5, 6]])
        XCTAssertEqual(Tensor.concatenate([a, b]), Tensor(rows: [[1, 2], [3, 4], [5, 6]]))
        XCTAssertEqual(Tensor.concatenate([a, a], axis: 1), Tensor(rows: [[1, 2, 1, 2], [3, 4, 3, 4]]))
        let s = Tensor.stack([a, a * 10], axis: 1)
        XCTAssertEqual(s.shape, [2, 2, 2])
        XCTAssertEqual(s[1, 1, 0], 30)
        XCTAssertEqual(Tensor.stack([Tensor<Double>([1, 2]), Tensor<Double>([3, 4])], axis: -1), Tensor(rows: [[1, 3], [2, 4]]))
        XCTAssertEqual(a.gather(IntTensor([1, 1, 0])), Tensor(rows: [[3, 4], [3, 4], [1, 2]]))
        XCTAssertEqual(a.gather(IntTensor([-1]), axis: 1), Tensor(rows: [[2], [4]]))
        XCTAssertEqual(Tensor<Float>.oneHot(IntTensor([2, 0]), classes: 3), Tensor(rows: [[0, 0, 1], [1, 0, 0]]))
    }
}
