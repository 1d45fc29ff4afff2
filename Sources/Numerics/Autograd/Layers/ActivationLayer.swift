import Tensor

/// An activation applied elementwise as a layer (PyTorch's `nn.ReLU`, `nn.Tanh`, …), for use in
/// ``Sequential`` between layers that have none of their own, such as ``Conv2d``. No parameters.
public struct ActivationLayer<Scalar: TensorScalar>: Layer {
    /// σ.
    public let activation: Activation
    /// None.
    public var parameters: [Tensor<Scalar>] = []

    /// A layer applying `activation`.
    ///
    /// - Parameter activation: σ, e.g. `.relu`.
    public init(_ activation: Activation) { self.activation = activation }

    /// σ(x), elementwise.
    ///
    /// - Parameters:
    ///   - x: Any tensor.
    ///   - parameters: Empty.
    /// - Returns: σ(x), of x's shape.
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "ActivationLayer")
        return x.activated(activation)
    }
}
