import Tensor

/// Flattens every axis after the batch axis (PyTorch's `nn.Flatten`): [N, C, H, W] → [N, C·H·W],
/// so a ``DenseLayer`` can follow convolutions and pooling in a ``Sequential``. No parameters.
///
/// ```swift
/// Sequential<Float>([Conv2d(inChannels: 1, outChannels: 4, kernelSize: [3]), Flatten(), DenseLayer(inputs: 4 * 26 * 26, outputs: 10)])
/// ```
public struct Flatten<Scalar: TensorScalar>: Layer {
    /// None.
    public var parameters: [Tensor<Scalar>] = []

    /// A flattening layer.
    public init() {}

    /// `x` reshaped to [N, the product of the other axes].
    ///
    /// - Parameters:
    ///   - x: A tensor of rank ≥ 1 whose first axis is the batch.
    ///   - parameters: Empty.
    /// - Returns: [N, x.count / N].
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        noParameters(parameters, "Flatten")
        guard let batch = x.shape.first else { fatalError("Flatten.forward: the input needs a batch axis, got a rank-0 tensor") }
        return x.reshaped([batch, x.shape.dropFirst().reduce(1, *)])
    }
}
