internal import Foundation

// Which algorithm computes a convolution: im2col + gemm (ConvolutionKernels.swift) or FFT
// (FFTConvolution.swift), as scipy.signal.convolve's `method=`. `.auto` decides from the shapes
// alone (never from timings), so the same call always takes the same path and gives the same bits.

/// How a convolution is computed, as the `method` of `scipy.signal.convolve`.
///
/// ```swift
/// let y = conv1d(x, w, padding: .same, method: .fft)   // force the FFT path
/// let z = conv1d(x, w, padding: .same)                  // .auto: FFT only where it is faster
/// ```
public enum ConvolutionMethod: Sendable, Equatable {
    /// The cost model of ``ConvolutionGeometry/prefersFFT(for:)`` picks, from the shapes only.
    case auto
    /// im2col + gemm: exact sums of products, O(k) work per output for k taps.
    case direct
    /// Real FFTs of input and kernel on a frame holding the padded input, a per-frequency sum over
    /// channels, an inverse FFT and a crop: O(log n) work per output, whatever the kernel's size.
    /// Agrees with `.direct` to rounding (relative error of order ε·log n).
    case fft
}

extension ConvolutionGeometry {
    /// Whether the FFT path is expected to be faster than im2col + gemm for this geometry: the
    /// cost model `.auto` uses. It depends on the shapes and the scalar type only.
    ///
    /// The model, scipy's `choose_conv_method` extended to channels and to im2col's memory traffic:
    /// the direct path costs N·O·(C/g)·outH·outW·kH·kW multiply-adds plus N·C·kH·kW·outH·outW
    /// entries of the column matrix written and read; the FFT path costs (N·C + O·C/g + N·O)
    /// transforms of an Fh×Fw frame at Fh·Fw·log₂(Fh·Fw) each plus N·O·(C/g)·Fh·(Fw/2 + 1) complex
    /// multiply-adds for the channel sums. The per-operation costs (``ConvolutionCosts``) were fitted
    /// to timings of both paths on the 2-core development machine.
    ///
    /// - Parameter type: The scalar type (the costs differ between Float and Double).
    /// - Returns: true when `.auto` takes the FFT path.
    public func prefersFFT<T: TensorScalar>(for type: T.Type) -> Bool {
        // A 1×1 kernel is a plain gemm; no transform can beat it.
        if kernelArea == 1 { return false }
        let cost = T.self == Float.self ? ConvolutionCosts.float : ConvolutionCosts.double
        let (n, o, c, cg) = (Double(batch), Double(outChannels), Double(inChannels), Double(groupInChannels))
        let windows = Double(outPlane) * Double(kernelArea)
        let direct = n * o * cg * windows * cost.directMultiplyAdd + n * c * windows * cost.columnEntry
        let size = fftFrame
        let points = Double(size.height * size.width)
        let transforms = (n * c + o * cg + n * o) * points * log2(max(points, 2)) * cost.transformPoint
        let bins = Double(size.height * (size.width / 2 + 1))
        let products = n * o * cg * bins * cost.complexMultiplyAdd
        return transforms + products < direct
    }

    /// `.direct` or `.fft`: `method` itself, or the cost model's choice for `.auto`.
    ///
    /// - Parameters:
    ///   - method: The requested method.
    ///   - type: The scalar type.
    /// - Returns: A method that is not `.auto`.
    public func resolved<T: TensorScalar>(_ method: ConvolutionMethod, for type: T.Type) -> ConvolutionMethod {
        switch method {
        case .auto: prefersFFT(for: type) ? .fft : .direct
        case .direct, .fft: method
        }
    }

    /// ``forward(_:_:bias:)`` by the given method.
    ///
    /// - Parameters:
    ///   - x: The input, of shape ``inputShape``.
    ///   - weight: The kernels, of shape ``weightShape``.
    ///   - bias: Added to each output channel.
    ///   - method: `.direct`, `.fft`, or `.auto` for the cost model's choice.
    /// - Returns: The output, of shape ``outputShape``.
    public func forward<T>(_ x: Tensor<T>, _ weight: Tensor<T>, bias: Tensor<T>? = nil, method: ConvolutionMethod) -> Tensor<T> {
        guard resolved(method, for: T.self) == .fft else { return forward(x, weight, bias: bias) }
        check(x.shape, inputShape, "input"); check(weight.shape, weightShape, "weight")
        if let bias { check(bias.shape, [outChannels], "bias") }
        if T.self == Float.self {
            return Tensor<T>.asSelf(fftForwardFloat(self, Tensor<T>.asFloat(x), Tensor<T>.asFloat(weight), bias.map { Tensor<T>.asFloat($0) }))
        }
        if T.self == Double.self {
            return Tensor<T>.asSelf(fftForwardDouble(self, Tensor<T>.asDouble(x), Tensor<T>.asDouble(weight), bias.map { Tensor<T>.asDouble($0) }))
        }
        return fftForwardImpl(x, weight, bias)
    }

    /// ``inputGradient(_:_:)`` by the given method.
    ///
    /// - Parameters:
    ///   - outputGradient: A tensor of shape ``outputShape``.
    ///   - weight: The kernels, of shape ``weightShape``.
    ///   - method: `.direct`, `.fft`, or `.auto`.
    /// - Returns: A tensor of shape ``inputShape``.
    public func inputGradient<T>(_ outputGradient: Tensor<T>, _ weight: Tensor<T>, method: ConvolutionMethod) -> Tensor<T> {
        guard resolved(method, for: T.self) == .fft else { return inputGradient(outputGradient, weight) }
        check(outputGradient.shape, outputShape, "output gradient"); check(weight.shape, weightShape, "weight")
        if T.self == Float.self { return Tensor<T>.asSelf(fftInputFloat(self, Tensor<T>.asFloat(outputGradient), Tensor<T>.asFloat(weight))) }
        if T.self == Double.self { return Tensor<T>.asSelf(fftInputDouble(self, Tensor<T>.asDouble(outputGradient), Tensor<T>.asDouble(weight))) }
        return fftInputGradientImpl(outputGradient, weight)
    }

    /// ``weightGradient(_:_:)`` by the given method.
    ///
    /// - Parameters:
    ///   - x: The input, of shape ``inputShape``.
    ///   - outputGradient: A tensor of shape ``outputShape``.
    ///   - method: `.direct`, `.fft`, or `.auto`.
    /// - Returns: A tensor of shape ``weightShape``.
    public func weightGradient<T>(_ x: Tensor<T>, _ outputGradient: Tensor<T>, method: ConvolutionMethod) -> Tensor<T> {
        guard resolved(method, for: T.self) == .fft else { return weightGradient(x, outputGradient) }
        check(x.shape, inputShape, "input"); check(outputGradient.shape, outputShape, "output gradient")
        if T.self == Float.self { return Tensor<T>.asSelf(fftWeightFloat(self, Tensor<T>.asFloat(x), Tensor<T>.asFloat(outputGradient))) }
        if T.self == Double.self { return Tensor<T>.asSelf(fftWeightDouble(self, Tensor<T>.asDouble(x), Tensor<T>.asDouble(outputGradient))) }
        return fftWeightGradientImpl(x, outputGradient)
    }

    private func check(_ got: [Int], _ want: [Int], _ what: String) {
        guard got == want else { fatalError("convolution: \(what) has shape \(got), the geometry expects \(want)") }
    }
}

/// Nanoseconds per operation of each path, fitted (least squares in log time) to 62 timings of
/// both paths on the 2-core development machine, under a load of about 18 from other builds:
/// conv1d on [1, c, 4096] with c ∈ {1, 8}, k ∈ {3, 7, …, 1023}; conv2d on [1, c, 256, 256] with
/// c ∈ {1, 4}, k ∈ {3, 5, 7, 11, 15, 31, 63}; and the [64, 32, 32, 32] 3×3 layer of suite `conv`.
/// Measured t(fft)/t(direct) against the model's (f32 | f64):
///
///     conv1d c=1:  k=15  4.4 / 2.4 | 6.3 / 1.6    k=63 0.14 / 0.57 | 1.0 / 0.39   k=1023 0.05 | 0.04
///     conv1d c=8:  k=63  1.6 / 1.3 | 1.2 / 1.3    k=127 0.38 / 0.66 | 0.52 / 0.64
///     conv2d c=1:  k=5   2.3 / 1.9 | 0.96 / 1.3   k=7 1.9 / 1.0 | 0.49 / 0.68    k=11 0.34 / 0.42 | 0.10 / 0.29
///     conv2d c=4:  k=7   0.60 / 1.7 | 0.31 / 1.4  k=11 0.28 / 0.70 | 0.25 / 0.57
///     3×3 CNN layer:     7.2 / 2.6 | 4.4 / 4.7
///
/// So the crossover is near k = 63 for 1-D on 4096 (one or eight channels) and near k = 7–11 for
/// 2-D on 256²; the model puts it at k ≈ 40–63 (1-D) and k = 7–11 (2-D), erring towards the exact
/// direct path near the crossover except for f64 1-D single-channel kernels of 31–63 taps (2–3×
/// slower there). Timings on a loaded machine scatter by up to 2× (conv1d c=1 k=31, f32, measured
/// 16.8); `folio-bench conv-method` re-measures the ratios side by side.
struct ConvolutionCosts {
    /// One multiply-add inside the gemm.
    var directMultiplyAdd: Double
    /// One entry of the column matrix, written by im2col and read by the gemm (memory-bound).
    var columnEntry: Double
    /// One unit of n·log₂ n of a transform.
    var transformPoint: Double
    /// One complex multiply-add of the channel sums.
    var complexMultiplyAdd: Double

    static let float = ConvolutionCosts(directMultiplyAdd: 0.23, columnEntry: 2.8, transformPoint: 2.9, complexMultiplyAdd: 8.0)
    static let double = ConvolutionCosts(directMultiplyAdd: 0.05, columnEntry: 4.1, transformPoint: 2.6, complexMultiplyAdd: 8.7)
}

private func fftForwardFloat(_ g: ConvolutionGeometry, _ x: Tensor<Float>, _ w: Tensor<Float>, _ b: Tensor<Float>?) -> Tensor<Float> {
    g.fftForwardImpl(x, w, b)
}
private func fftForwardDouble(_ g: ConvolutionGeometry, _ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>?) -> Tensor<Double> {
    g.fftForwardImpl(x, w, b)
}
private func fftInputFloat(_ g: ConvolutionGeometry, _ gy: Tensor<Float>, _ w: Tensor<Float>) -> Tensor<Float> { g.fftInputGradientImpl(gy, w) }
private func fftInputDouble(_ g: ConvolutionGeometry, _ gy: Tensor<Double>, _ w: Tensor<Double>) -> Tensor<Double> { g.fftInputGradientImpl(gy, w) }
private func fftWeightFloat(_ g: ConvolutionGeometry, _ x: Tensor<Float>, _ gy: Tensor<Float>) -> Tensor<Float> { g.fftWeightGradientImpl(x, gy) }
private func fftWeightDouble(_ g: ConvolutionGeometry, _ x: Tensor<Double>, _ gy: Tensor<Double>) -> Tensor<Double> { g.fftWeightGradientImpl(x, gy) }
