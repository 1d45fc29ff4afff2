import Tensor

/// Layers applied one after another, as one ``Layer`` whose parameters are its layers'
/// parameters concatenated in order (PyTorch's `nn.Sequential`).
///
/// ```swift
/// var net = Sequential<Double>([
///     DenseLayer(inputs: 4, outputs: 16, activation: .relu, seed: 1),
///     LayerNorm(shape: [16]),
///     Dropout(probability: 0.1, seed: 2),
///     DenseLayer(inputs: 16, outputs: 1, seed: 3),
/// ])
/// net.setTraining(false)
/// let y = net(x)                                   // [batch, 1]
/// ```
///
/// An ``MLP`` is a `Layer` too, so an existing network can be one of the layers unchanged.
public struct Sequential<Scalar: TensorScalar>: Layer {
    /// The layers, first applied first.
    public var layers: [any Layer<Scalar>]

    /// A composition of `layers`, applied in order.
    ///
    /// - Parameter layers: The layers; each one's output shape must fit the next one's input.
    public init(_ layers: [any Layer<Scalar>]) { self.layers = layers }

    /// Every layer's parameter tensors, first layer first, each layer's in its own order.
    /// Setting it splits the array back by each layer's parameter count.
    public var parameters: [Tensor<Scalar>] {
        get { layers.flatMap { $0.parameters } }
        set {
            let expected = layers.reduce(0) { $0 + $1.parameters.count }
            guard newValue.count == expected else {
                fatalError("Sequential.parameters: got \(newValue.count) tensors, the layers have \(expected)")
            }
            var offset = 0
            for i in layers.indices {
                let n = layers[i].parameters.count
                layers[i].parameters = Array(newValue[offset..<offset + n])
                offset += n
            }
        }
    }

    /// Applies each layer in turn, handing it its own slice of `parameters`.
    ///
    /// - Parameters:
    ///   - x: The first layer's input.
    ///   - theta: One variable per tensor of ``parameters``, in that order.
    /// - Returns: The last layer's output (`x` itself when there are no layers).
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        var offset = 0
        var h = x
        for layer in layers {
            let n = layer.parameters.count
            guard offset + n <= theta.count else {
                fatalError("Sequential.forward: got \(theta.count) parameter variables, the layers need more")
            }
            h = layer.forward(h, parameters: Array(theta[offset..<offset + n]))
            offset += n
        }
        guard offset == theta.count else {
            fatalError("Sequential.forward: got \(theta.count) parameter variables, the layers have \(offset)")
        }
        return h
    }

    /// The composition applied to `x` with the current parameters, without recording gradients.
    ///
    /// - Parameter x: The input tensor.
    /// - Returns: The output tensor.
    public func callAsFunction(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        withoutGradients { forward(.constant(x), parameters: parameters.map(Variable.constant)).value }
    }

    /// The number of scalar parameters of all layers.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Switches every ``TrainingModeLayer`` inside (nested compositions included) to training
    /// (`true`) or evaluation (`false`).
    ///
    /// - Parameter training: The mode.
    public mutating func setTraining(_ training: Bool) {
        for i in layers.indices {
            if var nested = layers[i] as? Sequential<Scalar> {
                nested.setTraining(training)
                layers[i] = nested
            } else if var modal = layers[i] as? any TrainingModeLayer<Scalar> {
                modal.isTraining = training
                layers[i] = modal
            }
        }
    }

    /// Sets the step of every ``SteppedLayer`` inside (nested compositions included), so a
    /// training loop draws fresh dropout masks per step, reproducibly.
    ///
    /// - Parameter step: The training step.
    public mutating func setStep(_ step: Int) {
        for i in layers.indices {
            if var nested = layers[i] as? Sequential<Scalar> {
                nested.setStep(step)
                layers[i] = nested
            } else if var stepped = layers[i] as? any SteppedLayer<Scalar> {
                stepped.step = step
                layers[i] = stepped
            }
        }
    }
}
