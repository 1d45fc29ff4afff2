import Tensor

/// A 2-D convolution layer (PyTorch's `nn.Conv2d`): the kernels and an optional bias as
/// parameters, `conv2d` as its forward map, NCHW activations.
///
/// Initialisation follows ``Dense``: weights N(0, std²) with the std that `initialization` gives for
/// fan-in C/groups·kH·kW and fan-out outChannels·kH·kW (He by default, for ReLU networks), biases as
/// `initialization` says (zero for He and Xavier), drawn from a ``SplitMix64`` stream fixed by `seed`.
///
/// ```swift
/// let conv = Conv2d<Float>(inChannels: 3, outChannels: 32, kernelSize: [3], padding: .same, seed: 1)
/// let y = conv.forward(.constant(x), parameters: conv.parameters.map { Variable($0) })
/// ```
public struct Conv2d<Scalar: TensorScalar>: Layer {
    /// Input channels C.
    public let inChannels: Int
    /// Output channels (kernels).
    public let outChannels: Int
    /// Kernel height and width.
    public let kernelSize: [Int]
    /// The window's step per axis.
    public let stride: [Int]
    /// Zeros at the borders.
    public let padding: ConvolutionPadding
    /// Spacing of the kernel's taps per axis.
    public let dilation: [Int]
    /// Channel groups.
    public let groups: Int
    /// [weight [outChannels, inChannels / groups, kH, kW], bias [outChannels]] (no bias when off).
    public var parameters: [Tensor<Scalar>]

    /// A layer with weights drawn as ``Dense``'s.
    ///
    /// - Parameters:
    ///   - inChannels: Input channels.
    ///   - outChannels: Output channels.
    ///   - kernelSize: Kernel height and width (one value for a square kernel).
    ///   - stride: The window's step (one value for both axes).
    ///   - padding: Zeros at the borders.
    ///   - dilation: Spacing of the taps.
    ///   - groups: Channel groups; both channel counts must be divisible by it.
    ///   - bias: Whether the layer adds a bias per output channel.
    ///   - initialization: How weights and biases are drawn.
    ///   - seed: Fixes the draw.
    /// - Precondition: Positive sizes and channel counts divisible by `groups`.
    public init(
        inChannels: Int, outChannels: Int, kernelSize: [Int], stride: [Int] = [1], padding: ConvolutionPadding = .valid,
        dilation: [Int] = [1], groups: Int = 1, bias: Bool = true, initialization: Initialization = .he, seed: UInt64 = 0
    ) {
        let kernel = kernelSize.count == 1 ? [kernelSize[0], kernelSize[0]] : kernelSize
        guard kernel.count == 2, kernel.allSatisfy({ $0 > 0 }), inChannels > 0, outChannels > 0, groups > 0,
            inChannels % groups == 0, outChannels % groups == 0
        else {
            fatalError(
                "Conv2d(\(inChannels) → \(outChannels), kernel \(kernelSize), groups \(groups)): sizes must be positive and channels divisible by groups")
        }
        (self.inChannels, self.outChannels, self.kernelSize, self.stride) = (inChannels, outChannels, kernel, stride)
        (self.padding, self.dilation, self.groups) = (padding, dilation, groups)
        let taps = kernel[0] * kernel[1]
        parameters = convolutionParameters(
            weightShape: [outChannels, inChannels / groups] + kernel, fanIn: inChannels / groups * taps,
            fanOut: outChannels * taps, bias: bias, initialization: initialization, seed: seed)
    }

    /// Whether the layer adds a bias.
    public var hasBias: Bool { parameters.count == 2 }

    /// The convolution of `x` [N, inChannels, H, W] with the given weight (and bias).
    ///
    /// - Parameters:
    ///   - x: [N, inChannels, H, W].
    ///   - parameters: Variables for ``parameters``, same order and shapes.
    /// - Returns: [N, outChannels, outH, outW].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        guard parameters.count == self.parameters.count else {
            fatalError("Conv2d.forward: got \(parameters.count) parameter tensors, the layer has \(self.parameters.count)")
        }
        return conv2d(
            x, parameters[0], bias: hasBias ? parameters[1] : nil, stride: stride, padding: padding, dilation: dilation,
            groups: groups)
    }

    /// The layer applied to `x` with its current parameters, without recording gradients.
    ///
    /// - Parameter x: [N, inChannels, H, W].
    /// - Returns: [N, outChannels, outH, outW].
    public func callAsFunction(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        withoutGradients { forward(.constant(x), parameters: parameters.map(Variable.constant)).value }
    }
}

/// A 1-D convolution layer (PyTorch's `nn.Conv1d`), initialised as ``Conv2d``.
public struct Conv1d<Scalar: TensorScalar>: Layer {
    /// Input channels C.
    public let inChannels: Int
    /// Output channels (kernels).
    public let outChannels: Int
    /// Kernel length.
    public let kernelSize: Int
    /// The window's step.
    public let stride: Int
    /// Zeros at both ends.
    public let padding: ConvolutionPadding
    /// Spacing of the kernel's taps.
    public let dilation: Int
    /// Channel groups.
    public let groups: Int
    /// [weight [outChannels, inChannels / groups, k], bias [outChannels]] (no bias when off).
    public var parameters: [Tensor<Scalar>]

    /// A layer with weights drawn as ``Dense``'s.
    ///
    /// - Parameters:
    ///   - inChannels: Input channels.
    ///   - outChannels: Output channels.
    ///   - kernelSize: Kernel length.
    ///   - stride: The window's step.
    ///   - padding: Zeros at both ends.
    ///   - dilation: Spacing of the taps.
    ///   - groups: Channel groups.
    ///   - bias: Whether the layer adds a bias per output channel.
    ///   - initialization: How weights and biases are drawn.
    ///   - seed: Fixes the draw.
    /// - Precondition: Positive sizes and channel counts divisible by `groups`.
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: ConvolutionPadding = .valid,
        dilation: Int = 1, groups: Int = 1, bias: Bool = true, initialization: Initialization = .he, seed: UInt64 = 0
    ) {
        guard kernelSize > 0, inChannels > 0, outChannels > 0, groups > 0, inChannels % groups == 0, outChannels % groups == 0 else {
            fatalError(
                "Conv1d(\(inChannels) → \(outChannels), kernel \(kernelSize), groups \(groups)): sizes must be positive and channels divisible by groups")
        }
        (self.inChannels, self.outChannels, self.kernelSize, self.stride) = (inChannels, outChannels, kernelSize, stride)
        (self.padding, self.dilation, self.groups) = (padding, dilation, groups)
        parameters = convolutionParameters(
            weightShape: [outChannels, inChannels / groups, kernelSize], fanIn: inChannels / groups * kernelSize,
            fanOut: outChannels * kernelSize, bias: bias, initialization: initialization, seed: seed)
    }

    /// Whether the layer adds a bias.
    public var hasBias: Bool { parameters.count == 2 }

    /// The convolution of `x` [N, inChannels, L] with the given weight (and bias).
    ///
    /// - Parameters:
    ///   - x: [N, inChannels, L].
    ///   - parameters: Variables for ``parameters``, same order and shapes.
    /// - Returns: [N, outChannels, outL].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        guard parameters.count == self.parameters.count else {
            fatalError("Conv1d.forward: got \(parameters.count) parameter tensors, the layer has \(self.parameters.count)")
        }
        return conv1d(
            x, parameters[0], bias: hasBias ? parameters[1] : nil, stride: stride, padding: padding, dilation: dilation,
            groups: groups)
    }
}

/// Weights N(0, std²) by `initialization` for the fans, then biases, from one seeded stream.
func convolutionParameters<T: TensorScalar>(
    weightShape: [Int], fanIn: Int, fanOut: Int, bias: Bool, initialization: Initialization, seed: UInt64
) -> [Tensor<T>] {
    var sampler = NormalSampler(SplitMix64(seed: seed))
    let std = initialization.weightStd(fanIn: fanIn, fanOut: fanOut)
    let count = weightShape.reduce(1, *)
    let w = Tensor<T>(shape: weightShape, scalars: (0..<count).map { _ in T(std * sampler.next()) })
    guard bias else { return [w] }
    let bstd = initialization.biasStd
    return [w, Tensor<T>(shape: [weightShape[0]], scalars: (0..<weightShape[0]).map { _ in bstd == 0 ? 0 : T(bstd * sampler.next()) })]
}
