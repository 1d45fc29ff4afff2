import Foundation

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
    /// The model counts direct multiply-adds, N·O·(C/g)·outH·outW·kH·kW, against the FFT's
    /// (N·C + O·C/g + N·O) transforms of a Fh×Fw frame at Fh·Fw·log₂(Fh·Fw) each, plus
    /// N·O·(C/g)·Fh·(Fw/2 + 1) complex multiply-adds for the channel sums, with per-operation
    /// costs measured by `folio-bench conv-method` on the 2-core development machine (see the
    /// constants below for the numbers and the crossovers they give).
    ///
    /// - Parameter type: The scalar type (Float's gemm is about twice as fast as Double's).
    /// - Returns: true when `.auto` takes the FFT path.
    public func prefersFFT<T: TensorScalar>(for type: T.Type) -> Bool {
        // A 1×1 kernel is a plain gemm; no transform can beat it.
        if kernelArea == 1 { return false }
        let single = T.self == Float.self
        let cost = single ? ConvolutionCosts.float : ConvolutionCosts.double
        let (n, o, c, cg) = (Double(batch), Double(outChannels), Double(inChannels), Double(groupInChannels))
        let direct = n * o * cg * Double(outPlane) * Double(kernelArea) * cost.directMultiplyAdd
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

/// Nanoseconds per operation of each path, measured on the development machine (2 cores).
struct ConvolutionCosts {
    var directMultiplyAdd: Double
    var transformPoint: Double
    var complexMultiplyAdd: Double

    static let float = ConvolutionCosts(directMultiplyAdd: 0.02, transformPoint: 0.5, complexMultiplyAdd: 0.5)
    static let double = ConvolutionCosts(directMultiplyAdd: 0.04, transformPoint: 0.6, complexMultiplyAdd: 0.6)
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
