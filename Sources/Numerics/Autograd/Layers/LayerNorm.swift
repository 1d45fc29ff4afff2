import Tensor

/// Layer normalisation (Ba, Kiros & Hinton 2016; PyTorch's `nn.LayerNorm`): each example
/// standardised over its last axes (`shape`), with the biased variance, then scaled by γ and
/// shifted by β elementwise. Training and evaluation compute the same thing.
///
/// ```swift
/// let ln = LayerNorm<Float>(shape: [64])               // over the feature axis of [B, L, 64]
/// let y = ln.forward(x, parameters: theta)
/// ```
public struct LayerNorm<Scalar: TensorScalar>: Layer {
    /// The trailing shape normalised over (PyTorch's `normalized_shape`).
    public let shape: [Int]
    /// Added to the variance before the square root.
    public let eps: Double
    /// [γ, β], each of shape `shape` (γ = 1, β = 0 at creation), or [] without an affine map.
    public var parameters: [Tensor<Scalar>]

    /// A layer normalising over trailing axes of shape `shape`.
    ///
    /// - Parameters:
    ///   - shape: The trailing axes' lengths.
    ///   - eps: Added to the variance (PyTorch's default 1e-5).
    ///   - affine: Whether γ and β are learnt (PyTorch's `elementwise_affine`).
    public init(shape: [Int], eps: Double = 1e-5, affine: Bool = true) {
        guard !shape.isEmpty, shape.allSatisfy({ $0 > 0 }), eps >= 0 else {
            fatalError("LayerNorm(shape: \(shape), eps: \(eps)): need a non-empty positive shape and eps ≥ 0")
        }
        self.shape = shape
        self.eps = eps
        parameters = affine ? [Tensor(shape: shape, repeating: 1), Tensor(shape: shape, repeating: 0)] : []
    }

    /// Normalises every example of `x` over its trailing `shape`.
    ///
    /// - Parameters:
    ///   - x: [..., shape...].
    ///   - theta: [γ, β] as variables (or []).
    /// - Returns: The normalised variable, of the same shape.
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        let k = shape.count
        guard x.shape.count >= k, Array(x.shape.suffix(k)) == shape else {
            fatalError("LayerNorm(shape: \(shape)): input has shape \(x.shape), whose trailing axes differ")
        }
        guard theta.count == parameters.count else {
            fatalError("LayerNorm.forward: got \(theta.count) parameter variables, the layer has \(parameters.count)")
        }
        let normalized = x.standardized(alongAxes: Array((x.shape.count - k)..<x.shape.count), eps: Scalar(eps))
        return theta.isEmpty ? normalized : normalized * theta[0] + theta[1]
    }
}
