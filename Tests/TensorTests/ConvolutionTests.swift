import XCTest
@testable import Tensor

/// conv1d/conv2d and their transposes against NumPy's direct sums (every combination of stride,
/// padding, dilation, groups and bias), and against closed forms: a delta kernel is the identity,
/// the transpose is the adjoint, and the result does not depend on the thread count.
final class ConvolutionTests: XCTestCase {
    struct Setup {
        var input: [Int], weight: [Int], stride: [Int] = [1], padding: ConvolutionPadding = .valid
        var dilation: [Int] = [1], groups = 1, bias = false
        /// NumPy's (top, bottom, left, right) for this padding.
        var numpyPad: String
    }

    let setups: [Setup] = [
        Setup(input: [2, 3, 7, 6], weight: [4, 3, 3, 3], numpyPad: "(0, 0, 0, 0)"),
        Setup(input: [2, 3, 7, 6], weight: [4, 3, 3, 3], padding: .same, bias: true, numpyPad: "(1, 1, 1, 1)"),
        Setup(input: [1, 2, 8, 9], weight: [3, 2, 2, 4], padding: .same, numpyPad: "(0, 1, 1, 2)"),
        Setup(input: [2, 4, 9, 8], weight: [6, 2, 3, 2], stride: [2, 3], padding: 1, groups: 2, bias: true, numpyPad: "(1, 1, 1, 1)"),
        Setup(input: [1, 2, 11, 10], weight: [2, 2, 3, 3], padding: .explicit([2, 1]), dilation: [2, 3], numpyPad: "(2, 2, 1, 1)"),
        Setup(
            input: [3, 4, 5, 5], weight: [4, 1, 3, 3], stride: [2], padding: .asymmetric(before: [0, 2], after: [1, 0]), groups: 4, numpyPad: "(0, 1, 2, 0)"),
        Setup(input: [2, 6, 4, 5], weight: [3, 6, 1, 1], bias: true, numpyPad: "(0, 0, 0, 0)"),
    ]

    func testConv2dMatchesNumPyForEveryArgumentCombination() throws {
        var cases: [ConvolutionReference.Case] = []
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.input, seed: UInt64(10 * k + 1)), w = lcgTensor(s.weight, seed: UInt64(10 * k + 2))
            let b = lcgTensor([s.weight[0]], seed: UInt64(10 * k + 3))
            let stride = s.stride.count == 1 ? "(\(s.stride[0]), \(s.stride[0]))" : "(\(s.stride[0]), \(s.stride[1]))"
            let dil = s.dilation.count == 1 ? "(\(s.dilation[0]), \(s.dilation[0]))" : "(\(s.dilation[0]), \(s.dilation[1]))"
            cases.append(
                .init(
                    arrays: ["x": x, "w": w, "b": b],
                    expression: "conv2d(x, w, \(s.bias ? "b" : "None"), \(stride), \(s.numpyPad), \(dil), \(s.groups))"))
        }
        let want = try ConvolutionReference.values(cases)
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.input, seed: UInt64(10 * k + 1)), w = lcgTensor(s.weight, seed: UInt64(10 * k + 2))
            let b = lcgTensor([s.weight[0]], seed: UInt64(10 * k + 3))
            let y = conv2d(x, w, bias: s.bias ? b : nil, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups)
            assertClose(y.scalars, want[k], 1e-13, "setup \(k) \(s.padding)")
            let yf = conv2d(
                float32(x), float32(w), bias: s.bias ? float32(b) : nil, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups)
            assertClose(yf.scalars.map(Double.init), want[k], 1e-5, "setup \(k) in f32")
        }
    }

    func testConvTranspose2dMatchesNumPy() throws {
        // (input, weight, stride, padding, outputPadding, dilation, groups)
        let setups: [([Int], [Int], [Int], [Int], [Int], [Int], Int)] = [
            ([2, 3, 4, 5], [3, 2, 3, 3], [1, 1], [0, 0], [0, 0], [1, 1], 1),
            ([1, 4, 3, 4], [4, 3, 3, 2], [2, 3], [1, 0], [1, 2], [1, 1], 2),
            ([2, 2, 5, 3], [2, 2, 2, 3], [2, 1], [1, 1], [0, 0], [2, 2], 1),
        ]
        var cases: [ConvolutionReference.Case] = []
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.0, seed: UInt64(k + 40)), w = lcgTensor(s.1, seed: UInt64(k + 50))
            cases.append(
                .init(
                    arrays: ["x": x, "w": w],
                    expression: "conv_transpose2d(x, w, \(tuple(s.2)), \(tuple(s.3)), \(tuple(s.4)), \(tuple(s.5)), \(s.6))"))
        }
        let want = try ConvolutionReference.values(cases)
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.0, seed: UInt64(k + 40)), w = lcgTensor(s.1, seed: UInt64(k + 50))
            let y = convTranspose2d(x, w, stride: s.2, padding: s.3, outputPadding: s.4, groups: s.6, dilation: s.5)
            assertClose(y.scalars, want[k], 1e-13, "transpose setup \(k)")
        }
    }

    func testConv1dIsConv2dOfHeightOneAndItsTransposeIsItsAdjoint() {
        let x = lcgTensor([2, 4, 18], seed: 3), w = lcgTensor([6, 2, 3], seed: 4), b = lcgTensor([6], seed: 5)
        let y = conv1d(x, w, bias: b, stride: 2, padding: 2, dilation: 2, groups: 2)
        let y2 = conv2d(
            x.reshaped([2, 4, 1, 18]), w.reshaped([6, 2, 1, 3]), bias: b, stride: [1, 2], padding: .explicit([0, 2]),
            dilation: [1, 2], groups: 2)
        XCTAssertEqual(y.shape, [2, 6, 9])
        XCTAssertEqual(y.scalars, y2.scalars)
        let u = lcgTensor(y.shape, seed: 6)
        let plain = conv1d(x, w, stride: 2, padding: 2, dilation: 2, groups: 2)
        let back = convTranspose1d(u, w, stride: 2, padding: 2, outputPadding: 1, groups: 2, dilation: 2)
        XCTAssertEqual(back.shape, x.shape)
        XCTAssertEqual((plain * u).sum(), (x * back).sum(), accuracy: 1e-12)
    }

    func testACentredDeltaKernelIsTheIdentityAndAShiftedOneShifts() {
        let x = lcgTensor([2, 3, 6, 7], seed: 8)
        var delta = Tensor<Double>.zeros([3, 1, 3, 3])
        for c in 0..<3 { delta[c, 0, 1, 1] = 1 }
        XCTAssertEqual(conv2d(x, delta, padding: .same, groups: 3).scalars, x.scalars)
        var shift = Tensor<Double>.zeros([1, 1, 1, 3])
        shift[0, 0, 0, 2] = 1  // y[.., j] = x[.., j + 1]: cross-correlation reads ahead
        let row = lcgTensor([1, 1, 1, 5], seed: 9)
        XCTAssertEqual(conv2d(row, shift, padding: .same).scalars, Array(row.scalars.dropFirst()) + [0])
    }

    func testTheThreeFacesAreAdjointsOfEachOther() {
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.input, seed: UInt64(k + 60)), w = lcgTensor(s.weight, seed: UInt64(k + 70))
            let g = ConvolutionGeometry(
                convolving: x.shape, with: w.shape, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups)
            let u = lcgTensor(g.outputShape, seed: UInt64(k + 80))
            let form = (g.forward(x, w) * u).sum()
            XCTAssertEqual(form, (x * g.inputGradient(u, w)).sum(), accuracy: 1e-12, "⟨conv(x, w), u⟩ = ⟨x, convᵀ(u, w)⟩, setup \(k)")
            XCTAssertEqual(form, (w * g.weightGradient(x, u)).sum(), accuracy: 1e-12, "⟨conv(x, w), u⟩ = ⟨w, ∂w⟩, setup \(k)")
        }
    }

    func testResultsAreBitIdenticalForAnyThreadCount() {
        let x = float32(lcgTensor([19, 5, 9, 9], seed: 11)), w = float32(lcgTensor([7, 5, 3, 3], seed: 12))
        let saved = tensorThreads
        defer { tensorThreads = saved }
        var runs: [[[Float]]] = []
        for threads in [1, 2, 3] {
            tensorThreads = threads
            let g = ConvolutionGeometry(convolving: x.shape, with: w.shape, stride: [1], padding: .same, dilation: [1], groups: 1)
            let y = g.forward(x, w)
            runs.append([y.scalars, g.inputGradient(y, w).scalars, g.weightGradient(x, y).scalars])
        }
        XCTAssertEqual(runs[0], runs[1])
        XCTAssertEqual(runs[0], runs[2])
    }

    func testOutputSizesFollowPyTorchsFormula() {
        let g = ConvolutionGeometry(
            convolving: [1, 1, 32, 31], with: [1, 1, 5, 4], stride: [3, 2], padding: .explicit([2, 1]), dilation: [2, 1], groups: 1)
        XCTAssertEqual([g.outHeight, g.outWidth], [(32 + 4 - 8 - 1) / 3 + 1, (31 + 2 - 3 - 1) / 2 + 1])
        let t = ConvolutionGeometry(
            transposing: [1, 1, 10, 9], with: [1, 1, 3, 3], stride: [2, 3], padding: [1, 0], outputPadding: [1, 2], dilation: [1, 1], groups: 1)
        XCTAssertEqual([t.inHeight, t.inWidth], [(10 - 1) * 2 - 2 + 2 + 1 + 1, (9 - 1) * 3 + 2 + 2 + 1])
    }

    private func tuple(_ v: [Int]) -> String { "(\(v[0]), \(v[1]))" }
}

func float32(_ t: Tensor<Double>) -> Tensor<Float> { Tensor(shape: t.shape, scalars: t.scalars.map(Float.init)) }

func assertClose(_ got: [Double], _ want: [Double], _ tolerance: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(got.count, want.count, "\(what): count", file: file, line: line)
    let scale = max(1, want.map { Swift.abs($0) }.max() ?? 1)
    let error = zip(got, want).map { Swift.abs($0 - $1) }.max() ?? 0
    XCTAssertLessThanOrEqual(error, tolerance * scale, "\(what): max error \(error)", file: file, line: line)
}
