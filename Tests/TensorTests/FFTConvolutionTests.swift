import XCTest
import TestSupport
@testable import Tensor

/// The FFT path of conv1d/conv2d against NumPy's direct sums (ConvolutionReference) and closed
/// forms, its two adjoint faces against the direct ones and the trilinear identity, the cost
/// model's choices, and results that do not depend on the thread count.
final class FFTConvolutionTests: XCTestCase {
    /// max |got − want| / max |want|: the error relative to the result's size.
    func relativeError(_ got: [Double], _ want: [Double]) -> Double {
        precondition(got.count == want.count, "\(got.count) values against \(want.count)")
        let scale = want.map { Swift.abs($0) }.max() ?? 1
        return (zip(got, want).map { Swift.abs($0 - $1) }.max() ?? 0) / scale
    }

    struct Setup {
        var input: [Int], weight: [Int], stride: [Int] = [1], padding: ConvolutionPadding = .valid
        var dilation: [Int] = [1], groups = 1
        /// NumPy's (top, bottom, left, right) for this padding.
        var numpyPad: String
    }

    /// Large kernels with every argument: strides, asymmetric and `same` padding, dilation, groups.
    let setups: [Setup] = [
        Setup(input: [2, 3, 40, 37], weight: [4, 3, 17, 15], numpyPad: "(0, 0, 0, 0)"),
        Setup(input: [1, 2, 33, 30], weight: [3, 2, 12, 9], padding: .same, numpyPad: "(5, 6, 4, 4)"),
        Setup(input: [2, 4, 31, 29], weight: [6, 2, 9, 11], stride: [2, 3], padding: 3, groups: 2, numpyPad: "(3, 3, 3, 3)"),
        Setup(input: [1, 2, 45, 41], weight: [2, 2, 7, 8], padding: .explicit([2, 5]), dilation: [3, 2], numpyPad: "(2, 2, 5, 5)"),
        Setup(
            input: [2, 3, 26, 27], weight: [3, 1, 10, 13], stride: [3, 2], padding: .asymmetric(before: [4, 0], after: [1, 6]), groups: 3,
            numpyPad: "(4, 1, 0, 6)"),
    ]

    func testFFTConv2dMatchesNumPyToRoundingForEveryArgument() throws {
        var cases: [ConvolutionReference.Case] = []
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.input, seed: UInt64(10 * k + 1)), w = lcgTensor(s.weight, seed: UInt64(10 * k + 2))
            let b = lcgTensor([s.weight[0]], seed: UInt64(10 * k + 3))
            let stride = "(\(s.stride.first!), \(s.stride.last!))", dilation = "(\(s.dilation.first!), \(s.dilation.last!))"
            cases.append(.init(arrays: ["x": x, "w": w, "b": b], expression: "conv2d(x, w, b, \(stride), \(s.numpyPad), \(dilation), \(s.groups))"))
        }
        let want = try ConvolutionReference.values(cases)
        for (k, s) in setups.enumerated() {
            let x = lcgTensor(s.input, seed: UInt64(10 * k + 1)), w = lcgTensor(s.weight, seed: UInt64(10 * k + 2))
            let b = lcgTensor([s.weight[0]], seed: UInt64(10 * k + 3))
            let y = conv2d(x, w, bias: b, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups, method: .fft)
            XCTAssertLessThanOrEqual(relativeError(y.scalars, want[k]), 1e-12, "setup \(k), f64")
            let yf = conv2d(
                float32(x), float32(w), bias: float32(b), stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups,
                method: .fft)
            XCTAssertLessThanOrEqual(relativeError(yf.scalars.map(Double.init), want[k]), 1e-5, "setup \(k), f32")
        }
    }

    func testFFTConv1dWithALongKernelMatchesNumPy() throws {
        let x = lcgTensor([2, 3, 1000], seed: 7), w = lcgTensor([2, 3, 301], seed: 8)
        // NumPy's direct sum over taps, on the 1-D signals as rows of height 1 padded by 150 on each side.
        let case1 = ConvolutionReference.Case(
            arrays: ["x": x.reshaped([2, 3, 1, 1000]), "w": w.reshaped([2, 3, 1, 301])],
            expression: "conv2d(x, w, None, (1, 1), (0, 0, 150, 150), (1, 1), 1)")
        let want = try ConvolutionReference.values([case1])[0]
        let y = conv1d(x, w, padding: .same, method: .fft)
        XCTAssertEqual(y.shape, [2, 2, 1000])
        XCTAssertLessThanOrEqual(relativeError(y.scalars, want), 1e-12)
        let yf = conv1d(float32(x), float32(w), padding: .same, method: .fft)
        XCTAssertLessThanOrEqual(relativeError(yf.scalars.map(Double.init), want), 1e-5)
        XCTAssertLessThanOrEqual(relativeError(conv1d(x, w, padding: .same, method: .direct).scalars, want), 1e-12)
    }

    /// A kernel with one tap of 1 at (a, b) shifts the padded input by (a·d, b·d): closed form.
    func testDeltaKernelShiftsTheInput() {
        let x = lcgTensor([1, 1, 12, 20], seed: 3)
        var w = Tensor<Double>.zeros([1, 1, 5, 7])
        w.scalars[2 * 7 + 5] = 1
        let y = conv2d(x, w, padding: 2, dilation: [2, 1], method: .fft)
        // Output row i, column j reads padded row i + 4, column j + 5: input row i + 2, column j + 3.
        XCTAssertEqual(y.shape, [1, 1, 8, 18])
        for i in 0..<8 {
            for j in 0..<18 {
                let ih = i + 2, iw = j + 3
                let want = ih < 12 && iw < 20 ? x.scalars[ih * 20 + iw] : 0
                XCTAssertEqual(y.scalars[i * 18 + j], want, accuracy: 1e-14, "(\(i), \(j))")
            }
        }
    }

    /// The FFT path's input and weight gradients equal the direct ones to rounding, and all three
    /// faces satisfy ⟨conv(x, w), g⟩ = ⟨x, convᵀ(g, w)⟩ = ⟨w, ∂_w(x, g)⟩.
    func testFFTAdjointFacesMatchDirectAndTheTrilinearIdentity() {
        for (k, s) in setups.enumerated() {
            let geometry = ConvolutionGeometry(
                convolving: s.input, with: s.weight, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups)
            let x = lcgTensor(s.input, seed: UInt64(k + 60)), w = lcgTensor(s.weight, seed: UInt64(k + 70))
            let g = lcgTensor(geometry.outputShape, seed: UInt64(k + 80))
            let dx = geometry.inputGradient(g, w, method: .fft), dw = geometry.weightGradient(x, g, method: .fft)
            XCTAssertLessThanOrEqual(relativeError(dx.scalars, geometry.inputGradient(g, w).scalars), 1e-12, "input gradient \(k)")
            XCTAssertLessThanOrEqual(relativeError(dw.scalars, geometry.weightGradient(x, g).scalars), 1e-12, "weight gradient \(k)")
            let y = geometry.forward(x, w, method: .fft)
            let forms = [dot(y, g), dot(x, dx), dot(w, dw)]
            XCTAssertEqual(forms[0], forms[1], accuracy: 1e-11 * Swift.abs(forms[0]), "⟨y, g⟩ = ⟨x, dx⟩, setup \(k)")
            XCTAssertEqual(forms[0], forms[2], accuracy: 1e-11 * Swift.abs(forms[0]), "⟨y, g⟩ = ⟨w, dw⟩, setup \(k)")
            let dxf = geometry.inputGradient(float32(g), float32(w), method: .fft)
            XCTAssertLessThanOrEqual(relativeError(dxf.scalars.map(Double.init), dx.scalars), 1e-5, "f32 input gradient \(k)")
            let dwf = geometry.weightGradient(float32(x), float32(g), method: .fft)
            XCTAssertLessThanOrEqual(relativeError(dwf.scalars.map(Double.init), dw.scalars), 1e-5, "f32 weight gradient \(k)")
        }
    }

    func dot(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Double { zip(a.scalars, b.scalars).reduce(0) { $0 + $1.0 * $1.1 } }

    func testCircularConvolutionByFFTMatchesDirect() {
        let x = lcgTensor([2, 2, 24, 30], seed: 11), w = lcgTensor([3, 2, 9, 13], seed: 12)
        let direct = circularConv2d(x, w, dilation: [1, 2], method: .direct)
        let fft = circularConv2d(x, w, dilation: [1, 2], method: .fft)
        XCTAssertEqual(fft.shape, [2, 3, 24, 30])
        XCTAssertLessThanOrEqual(relativeError(fft.scalars, direct.scalars), 1e-12)
        let s = lcgTensor([1, 1, 512], seed: 13), k = lcgTensor([1, 1, 200], seed: 14)
        XCTAssertLessThanOrEqual(
            relativeError(circularConv1d(s, k, method: .fft).scalars, circularConv1d(s, k, method: .direct).scalars), 1e-12)
    }

    /// `.auto` keeps the small kernels of CNNs on im2col + gemm and sends long ones to the FFT;
    /// the choice is a function of the geometry alone.
    func testAutoChoosesByShapeAlone() {
        func oneD(_ length: Int, _ k: Int, channels: Int = 1) -> ConvolutionGeometry {
            ConvolutionGeometry(oneDimensional: [1, channels, length], [channels, channels, k], 1, .valid, 1, 1, "conv1d")
        }
        func twoD(_ size: Int, _ k: Int, channels: Int = 1, batch: Int = 1) -> ConvolutionGeometry {
            ConvolutionGeometry(
                convolving: [batch, channels, size, size], with: [channels, channels, k, k], stride: [1], padding: .same, dilation: [1],
                groups: 1)
        }
        func check<T: TensorScalar>(_ type: T.Type) {
            func prefers(_ g: ConvolutionGeometry) -> Bool { g.prefersFFT(for: type) }
            XCTAssertFalse(prefers(twoD(32, 3, channels: 32, batch: 64)), "the 3×3 CNN of suite conv stays direct, \(type)")
            XCTAssertFalse(prefers(oneD(4096, 3)), "k = 3 on 4096 stays direct, \(type)")
            XCTAssertTrue(prefers(oneD(4096, 1023)), "k = 1023 on 4096 goes to the FFT, \(type)")
            XCTAssertTrue(prefers(twoD(256, 63)), "63×63 on 256² goes to the FFT, \(type)")
            XCTAssertFalse(prefers(twoD(256, 1, channels: 8)), "a 1×1 kernel is a gemm, \(type)")
        }
        check(Float.self)
        check(Double.self)
        let g = oneD(4096, 1023)
        XCTAssertEqual(g.resolved(.auto, for: Double.self), .fft)
        XCTAssertEqual(g.resolved(.direct, for: Double.self), .direct)
        let x = lcgTensor([1, 1, 4096], seed: 1), w = lcgTensor([1, 1, 1023], seed: 2)
        XCTAssertEqual(conv1d(x, w, method: .auto).scalars, conv1d(x, w, method: .fft).scalars)
    }

    func testFFTPathIsBitIdenticalForAnyThreadCount() {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        let s = setups[2]
        let geometry = ConvolutionGeometry(
            convolving: s.input, with: s.weight, stride: s.stride, padding: s.padding, dilation: s.dilation, groups: s.groups)
        let x = lcgTensor(s.input, seed: 91), w = lcgTensor(s.weight, seed: 92), g = lcgTensor(geometry.outputShape, seed: 93)
        var results: [[[Double]]] = []
        for threads in [1, 2, 3] {
            tensorThreads = threads
            results.append([
                geometry.forward(x, w, method: .fft).scalars, geometry.inputGradient(g, w, method: .fft).scalars,
                geometry.weightGradient(x, g, method: .fft).scalars,
            ])
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }
}
