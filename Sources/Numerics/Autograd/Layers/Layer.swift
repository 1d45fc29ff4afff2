import Tensor

/// A differentiable building block with its own parameters: the protocol that
/// `Sequential` composes and that `MLP`, `Conv2d`, `BatchNorm` and the other layers adopt.
///
/// A layer keeps its parameter tensors in `parameters`, in the order `forward`
/// consumes them, so optimisers, `ParameterVector.flatten` and the theory
/// probes can treat every network as one flat vector.
public protocol Layer<Scalar> {
    /// The element type of the layer's parameters and activations.
    associatedtype Scalar: TensorScalar

    /// The layer's parameter tensors, in the order `forward(_:parameters:)` reads them.
    var parameters: [Tensor<Scalar>] { get set }

    /// Applies the layer to `x`, reading its weights from `parameters` (one variable per
    /// entry of ``parameters``, same order and shapes) so gradients flow to them.
    func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar>
}
