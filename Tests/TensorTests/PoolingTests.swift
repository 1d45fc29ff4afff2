import XCTest
@testable import Tensor

/// Max and average pooling against NumPy's window loops, and the max's indices against the
/// elements they name.
final class PoolingTests: XCTestCase {
    // (kernel, stride, padding, dilation)
    let windows: [([Int], [Int], [Int], [Int])] = [
        ([2, 2], [2, 2], [0, 0], [1, 1]),
        ([3, 3], [1, 1], [1, 1], [1, 1]),
        ([3, 2], [2, 1], [1, 0], [1, 1]),
        ([2, 3], [1, 2], [1, 1], [2, 1]),
    ]

    func testMaxPoolingMatchesNumPyValuesAndIndices() throws {
        let x = lcgTensor([2, 3, 7, 8], seed: 21)
        let cases = windows.flatMap { k, s, p, d in
            ["pool2d(x, \(t(k)), \(t(s)), \(t(p)), \(t(d)))[0]", "pool2d(x, \(t(k)), \(t(s)), \(t(p)), \(t(d)))[1]"].map {
                ConvolutionReference.Case(arrays: ["x": x], expression: $0)
            }
        }
        let want = try ConvolutionReference.values(cases)
        for (i, (k, s, p, d)) in windows.enumerated() {
            let (y, at) = maxPool2d(x, kernelSize: k, stride: s, padding: p, dilation: d)
            // JSON carries NumPy's values to ~1 ulp; the values themselves are exact copies of the indexed elements.
            assertClose(y.scalars, want[2 * i], 1e-15, "max values, window \(i)")
            let plane = 7 * 8
            for (o, v) in y.scalars.enumerated() { XCTAssertEqual(v, x.scalars[o / y.shape[2] / y.shape[3] * plane + at.scalars[o]]) }
            XCTAssertEqual(at.scalars, want[2 * i + 1].map { Int($0) }, "max indices, window \(i)")
        }
    }

    func testAveragePoolingMatchesNumPyWithAndWithoutThePadding() throws {
        let x = lcgTensor([2, 2, 6, 7], seed: 22)
        let usable = windows.filter { $0.3 == [1, 1] }
        var cases: [ConvolutionReference.Case] = []
        for (k, s, p, _) in usable {
            for include in ["True", "False"] {
                cases.append(.init(arrays: ["x": x], expression: "pool2d(x, \(t(k)), \(t(s)), \(t(p)), kind='avg', include_pad=\(include))[0]"))
            }
        }
        let want = try ConvolutionReference.values(cases)
        for (i, (k, s, p, _)) in usable.enumerated() {
            assertClose(avgPool2d(x, kernelSize: k, stride: s, padding: p).scalars, want[2 * i], 1e-15, "avg, window \(i)")
            assertClose(
                avgPool2d(x, kernelSize: k, stride: s, padding: p, countIncludePad: false).scalars, want[2 * i + 1], 1e-15, "avg without pad, window \(i)")
        }
    }

    func testOneDimensionalPoolingAndTheDefaultStride() {
        let x = Tensor<Double>(shape: [1, 1, 6], scalars: [3, 1, 4, 1, 5, 9])
        let (y, at) = maxPool1d(x, kernelSize: 2)
        XCTAssertEqual(y.scalars, [3, 4, 9])
        XCTAssertEqual(at.scalars, [0, 2, 5])
        XCTAssertEqual(avgPool1d(x, kernelSize: 3).scalars, [8.0 / 3, 5])
        XCTAssertEqual(maxPool1d(x, kernelSize: 3, stride: 1, padding: 1).values.scalars, [3, 4, 4, 5, 9, 9])
    }

    private func t(_ v: [Int]) -> String { "(\(v[0]), \(v[1]))" }
}
