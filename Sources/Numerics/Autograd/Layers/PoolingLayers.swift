import Tensor

// Pooling as layers without parameters, so a CNN is one `Sequential`: each applies the
// differentiable pooling function of the same name with PyTorch's `nn.MaxPool2d` / `nn.AvgPool2d`
// arguments (kernel, stride defaulting to the kernel, padding, and dilation or count_include_pad).

/// 2-D max pooling as PyTorch's `nn.MaxPool2d`, for use in ``Sequential``.
///
/// ```swift
/// let net = Sequential<Float>([Conv2d(inChannels: 1, outChannels: 8, kernelSize: [3], padding: .same),
///                              ActivationLayer(.relu), MaxPool2d(kernelSize: [2]), Flatten()])
/// ```
public struct MaxPool2d<Scalar: TensorScalar>: Layer {
    /// Window height and width (one value for both).
    public let kernelSize: [Int]
    /// The window's step; nil means the window size.
    public let stride: [Int]?
    /// Implicit −∞ on both sides, per axis or once.
    public let padding: [Int]
    /// Spacing of the window's positions.
    public let dilation: [Int]
    /// None: pooling has no parameters.
    public var parameters: [Tensor<Scalar>] = []

    /// A max-pooling layer.
    ///
    /// - Parameters:
    ///   - kernelSize: Window height and width (or one size for both).
    ///   - stride: The step; nil means the window size.
    ///   - padding: Implicit −∞ on both sides, at most half the window.
    ///   - dilation: Spacing of the window's positions.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], dilation: [Int] = [1]) {
        (self.kernelSize, self.stride, self.padding, self.dilation) = (kernelSize, stride, padding, dilation)
    }

    /// `maxPool2d` of `x` [N, C, H, W] with this layer's arguments.
    ///
    /// - Parameters:
    ///   - x: [N, C, H, W].
    ///   - parameters: Empty.
    /// - Returns: [N, C, outH, outW]; the gradient goes to each window's maximum.
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "MaxPool2d")
        return maxPool2d(x, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation)
    }
}

/// 2-D average pooling as PyTorch's `nn.AvgPool2d`, for use in ``Sequential``.
public struct AvgPool2d<Scalar: TensorScalar>: Layer {
    /// Window height and width (one value for both).
    public let kernelSize: [Int]
    /// The window's step; nil means the window size.
    public let stride: [Int]?
    /// Implicit zeros on both sides, per axis or once.
    public let padding: [Int]
    /// Whether those zeros count in the divisor (PyTorch's `count_include_pad`).
    public let countIncludePad: Bool
    /// None: pooling has no parameters.
    public var parameters: [Tensor<Scalar>] = []

    /// An average-pooling layer.
    ///
    /// - Parameters:
    ///   - kernelSize: Window height and width (or one size for both).
    ///   - stride: The step; nil means the window size.
    ///   - padding: Implicit zeros on both sides, at most half the window.
    ///   - countIncludePad: Whether those zeros count in the divisor.
    public init(kernelSize: [Int], stride: [Int]? = nil, padding: [Int] = [0], countIncludePad: Bool = true) {
        (self.kernelSize, self.stride, self.padding, self.countIncludePad) = (kernelSize, stride, padding, countIncludePad)
    }

    /// `avgPool2d` of `x` [N, C, H, W] with this layer's arguments.
    ///
    /// - Parameters:
    ///   - x: [N, C, H, W].
    ///   - parameters: Empty.
    /// - Returns: [N, C, outH, outW].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "AvgPool2d")
        return avgPool2d(x, kernelSize: kernelSize, stride: stride, padding: padding, countIncludePad: countIncludePad)
    }
}

/// 1-D max pooling as PyTorch's `nn.MaxPool1d`, for use in ``Sequential``.
public struct MaxPool1d<Scalar: TensorScalar>: Layer {
    /// Window length.
    public let kernelSize: Int
    /// The window's step; nil means the window length.
    public let stride: Int?
    /// Implicit −∞ at both ends.
    public let padding: Int
    /// Spacing of the window's positions.
    public let dilation: Int
    /// None: pooling has no parameters.
    public var parameters: [Tensor<Scalar>] = []

    /// A 1-D max-pooling layer.
    ///
    /// - Parameters:
    ///   - kernelSize: Window length.
    ///   - stride: The step; nil means the window length.
    ///   - padding: Implicit −∞ at both ends, at most half the window.
    ///   - dilation: Spacing of the window's positions.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0, dilation: Int = 1) {
        (self.kernelSize, self.stride, self.padding, self.dilation) = (kernelSize, stride, padding, dilation)
    }

    /// `maxPool1d` of `x` [N, C, L] with this layer's arguments.
    ///
    /// - Parameters:
    ///   - x: [N, C, L].
    ///   - parameters: Empty.
    /// - Returns: [N, C, outL].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "MaxPool1d")
        return maxPool1d(x, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation)
    }
}

/// 1-D average pooling as PyTorch's `nn.AvgPool1d`, for use in ``Sequential``.
public struct AvgPool1d<Scalar: TensorScalar>: Layer {
    /// Window length.
    public let kernelSize: Int
    /// The window's step; nil means the window length.
    public let stride: Int?
    /// Implicit zeros at both ends.
    public let padding: Int
    /// Whether those zeros count in the divisor.
    public let countIncludePad: Bool
    /// None: pooling has no parameters.
    public var parameters: [Tensor<Scalar>] = []

    /// A 1-D average-pooling layer.
    ///
    /// - Parameters:
    ///   - kernelSize: Window length.
    ///   - stride: The step; nil means the window length.
    ///   - padding: Implicit zeros at both ends, at most half the window.
    ///   - countIncludePad: Whether those zeros count in the divisor.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0, countIncludePad: Bool = true) {
        (self.kernelSize, self.stride, self.padding, self.countIncludePad) = (kernelSize, stride, padding, countIncludePad)
    }

    /// `avgPool1d` of `x` [N, C, L] with this layer's arguments.
    ///
    /// - Parameters:
    ///   - x: [N, C, L].
    ///   - parameters: Empty.
    /// - Returns: [N, C, outL].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "AvgPool1d")
        return avgPool1d(x, kernelSize: kernelSize, stride: stride, padding: padding, countIncludePad: countIncludePad)
    }
}

/// Stops with the layer's name when a parameterless layer is handed parameters.
func noParameters<T>(_ parameters: [Variable<T>], _ layer: String) {
    guard parameters.isEmpty else { fatalError("\(layer).forward: got \(parameters.count) parameter tensors, the layer has none") }
}
