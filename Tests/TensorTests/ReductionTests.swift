import XCTest
@testable import Tensor

final class ReductionTests: XCTestCase {
    let t = lcgTensor([3, 4, 5], seed: 11)

    /// Σ over one axis by explicit loops.
    func naiveSum(_ x: Tensor<Double>, axis: Int) -> Tensor<Double> {
        var shape = x.shape; shape.remove(at: axis)
        var out = Tensor<Double>.zeros(shape)
        for i in 0..<x.shape[0] {
            for j in 0..<x.shape[1] {
                for k in 0..<x.shape[2] {
                    var idx = [i, j, k]; idx.remove(at: axis)
                    out.scalars[idx[0] * shape[1] + idx[1]] += x[i, j, k]
                }
            }
        }
        return out
    }

    func testSumAlongEachAxis() {
        for axis in 0..<3 { XCTAssertLessThan(maxDiff(t.sum(axis: axis), naiveSum(t, axis: axis)), 1e-14) }
        XCTAssertEqual(t.sum(axis: -1, keepDims: true).shape, [3, 4, 1])
        XCTAssertEqual(t.sum(), t.scalars.reduce(0, +), accuracy: 1e-13)
        XCTAssertEqual(t.mean(axis: 1).shape, [3, 5])
        XCTAssertEqual(Tensor<Double>.zeros([2, 0]).sum(axis: 1), .zeros([2]))
    }

    func testMaxMinArgmaxFollowNumPy() {
        let x = Tensor<Double>(rows: [[1, 7, 7], [9, 2, 9]])
        XCTAssertEqual(x.max(axis: 1).scalars, [7, 9])
        XCTAssertEqual(x.min(axis: 0).scalars, [1, 2, 7])
        XCTAssertEqual(x.argmax(axis: 1).scalars, [1, 0])  // first of ties, as NumPy
        XCTAssertEqual(x.argmin(axis: 0).scalars, [0, 1, 0])
        XCTAssertEqual(x.argmax(), 3)
        XCTAssertEqual(x.max(), 9); XCTAssertEqual(x.min(), 1)
        XCTAssertTrue(Tensor<Double>([1, .nan, 3]).max().isNaN)
    }

    func testVarianceStdAndNorm() {
        let x = Tensor<Double>([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(x.variance(), 4); XCTAssertEqual(x.std(), 2)
        XCTAssertEqual(x.variance(ddof: 1), 32.0 / 7, accuracy: 1e-15)
        let v = t.variance(axis: 2)
        let row = (0..<5).map { t[1, 2, $0] }, m = row.reduce(0, +) / 5
        XCTAssertEqual(v[1, 2], row.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 5, accuracy: 1e-15)
        XCTAssertEqual(Tensor<Double>([3, 4]).norm(), 5)
        XCTAssertEqual(Tensor<Double>([3, -4]).norm(1), 7)
        XCTAssertEqual(Tensor<Double>([3, -4]).norm(.infinity), 4)
        XCTAssertEqual(Tensor<Float>([3e30, 4e30]).norm(), 5e30, accuracy: 1e24)  // no overflow
        XCTAssertEqual(Tensor<Double>(rows: [[3, 0], [0, 4]]).norm(axis: 0).scalars, [3, 4])
    }

    func testLogsumexpAndSoftmaxAreStable() {
        let x = Tensor<Double>(rows: [[1000, 1000], [-1000, -1001]])
        let l = x.logsumexp(axis: 1)
        XCTAssertEqual(l[0], 1000 + Foundation.log(2), accuracy: 1e-12)
        XCTAssertEqual(l[1], -1000 + Foundation.log(1 + Foundation.exp(-1)), accuracy: 1e-12)
        let s = x.softmax()
        XCTAssertEqual(s.scalars[0], 0.5); XCTAssertEqual(s[1, 0], 1 / (1 + Foundation.exp(-1)), accuracy: 1e-15)
        let y = lcgTensor([4, 6], seed: 3)
        XCTAssertLessThan(maxDiff(y.softmax(axis: 0).sum(axis: 0), .ones([6])), 1e-15)
        XCTAssertLessThan(maxDiff(y.softmax(axis: 0), exp(y) / exp(y).sum(axis: 0, keepDims: true)), 1e-15)
        XCTAssertLessThan(maxDiff(exp(y.logSoftmax()), y.softmax()), 1e-15)
        XCTAssertEqual(Tensor<Double>([-Double.infinity, 0]).logsumexp(), 0)
    }

    func testSoftmaxOfLargeRowsMatchesDoubleAndIsThreadIndependent() {
        let x = lcgTensor([300, 37], seed: 12) * 20
        let xf = x.asType(Float.self)
        let saved = (tensorThreads, parallelThreshold)
        defer { (tensorThreads, parallelThreshold) = saved }
        parallelThreshold = 64  // so this small matrix takes the threaded path
        tensorThreads = 1
        let one = xf.softmax()
        tensorThreads = 2
        let two = xf.softmax()
        XCTAssertEqual(one, two)
        let e = exp(x - x.max(axis: 1, keepDims: true))
        XCTAssertLessThan(maxDiff(one.asType(Double.self), e / e.sum(axis: 1, keepDims: true)), 1e-6)
        let nanRow = Tensor<Float>(rows: [[1, .nan, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8, 9]]).softmax()
        XCTAssertTrue(nanRow.select(0).scalars.allSatisfy { $0.isNaN })
        XCTAssertEqual(Double(nanRow.select(1).sum()), 1, accuracy: 1e-6)
    }

    /// Row softmax at every row length up to 40 (full and partial vectors of 4, 8 and 16 lanes),
    /// against exp(x − max)/sum in Double; a NaN anywhere in a row, first included, spoils that row only.
    func testSoftmaxRowsAtEveryLength() {
        for n in 1...40 {
            let x = lcgTensor([3, n], seed: UInt64(n)) * 30
            let e = exp(x - x.max(axis: 1, keepDims: true)), want = e / e.sum(axis: 1, keepDims: true)
            XCTAssertLessThan(maxDiff(x.softmax(), want), 1e-15, "n = \(n)")
            XCTAssertLessThan(maxDiff(x.asType(Float.self).softmax().asType(Double.self), want), 1e-6, "Float n = \(n)")
            var bad = x.asType(Float.self)
            bad[1, n - 1] = .nan
            bad[2, 0] = .nan
            let s = bad.softmax()
            XCTAssertTrue(s.select(1).scalars.allSatisfy(\.isNaN) && s.select(2).scalars.allSatisfy(\.isNaN), "n = \(n)")
            XCTAssertEqual(Double(s.select(0).sum()), 1, accuracy: 1e-6)
        }
    }

    func testCumsum() {
        let x = Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(x.cumsum(axis: 1), Tensor(rows: [[1, 3, 6], [4, 9, 15]]))
        XCTAssertEqual(x.cumsum(axis: 0), Tensor(rows: [[1, 2, 3], [5, 7, 9]]))
    }

    func testSortArgsortQuantile() {
        let x = Tensor<Double>(rows: [[3, 1, 2, 1], [0, .nan, -1, 5]])
        XCTAssertEqual(x.sorted().select(0).scalars, [1, 1, 2, 3])
        XCTAssertEqual(x.argsort().scalars, [1, 3, 2, 0, 2, 0, 3, 1])  // stable; NaN last
        XCTAssertEqual(x.sorted(axis: 0).select(0).scalars, [0, 1, -1, 1])
        // np.quantile([1, 2, 3, 4], 0.3) == 1.9 (linear interpolation); median of 4 is the mean of the middle two.
        let q = Tensor<Double>([4, 1, 3, 2])
        XCTAssertEqual(q.quantile(0.3), 1.9, accuracy: 1e-15)
        XCTAssertEqual(q.median(), 2.5)
        XCTAssertEqual(q.quantile(1), 4); XCTAssertEqual(q.quantile(0), 1)
        XCTAssertEqual(Tensor<Double>(rows: [[1, 9], [3, 5]]).median(axis: 0).scalars, [2, 7])
    }
}
