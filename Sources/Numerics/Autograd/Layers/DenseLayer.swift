import Tensor

/// One affine layer σ(x·Wᵀ + b) as a ``Layer`` with its own parameters [W, b] (PyTorch's
/// `nn.Linear` followed by an activation), for use in ``Sequential``. It computes exactly what
/// the corresponding layer of an ``MLP`` computes (the same fused ``Dense`` node).
///
/// Inputs of rank above 2 ([batch, sequence, features]) are mapped on their last axis.
public struct DenseLayer<Scalar: TensorScalar>: Layer {
    /// The layer's shape, activation and parametrisation.
    public let dense: Dense
    /// [W, b] (W is [outputs, inputs]), or [W] without a bias.
    public var parameters: [Tensor<Scalar>]

    /// A layer with freshly drawn weights.
    ///
    /// - Parameters:
    ///   - inputs: Fan-in.
    ///   - outputs: Fan-out.
    ///   - activation: σ (identity by default).
    ///   - bias: Whether the layer adds a bias.
    ///   - initialization: The weight and bias distributions (as ``MLP``'s).
    ///   - seed: Makes the draw reproducible; equal seeds give the weights of an `MLP` layer
    ///     of the same shape drawn first.
    public init(
        inputs: Int, outputs: Int, activation: Activation = .identity, bias: Bool = true,
        initialization: Initialization = .he, seed: UInt64 = 0
    ) {
        guard inputs > 0, outputs > 0 else { fatalError("DenseLayer(inputs: \(inputs), outputs: \(outputs)): sizes must be positive") }
        dense = Dense(
            inputs: inputs, outputs: outputs, activation: activation, hasBias: bias, parametrisation: .standard,
            weightScale: 1, biasScale: 1)
        var sampler = NormalSampler(SplitMix64(seed: seed))
        parameters = dense.initialParameters(initialization, sampler: &sampler)
    }

    /// σ(x·Wᵀ + b) on the last axis of `x`.
    ///
    /// - Parameters:
    ///   - x: [batch, inputs] or [..., inputs].
    ///   - theta: [W, b] (or [W]) as variables.
    /// - Returns: [batch, outputs] or [..., outputs].
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        guard theta.count == dense.parameterCount, theta[0].shape == [dense.outputs, dense.inputs] else {
            fatalError("DenseLayer.forward: expected W of shape \([dense.outputs, dense.inputs])\(dense.hasBias ? " and b" : ""), got \(theta.map(\.shape))")
        }
        guard x.shape.count >= 2 else { fatalError("DenseLayer.forward: input has shape \(x.shape), expected [batch, \(dense.inputs)]") }
        let b = dense.hasBias ? theta[1] : nil
        if x.shape.count == 2 { return dense.forward(x, weight: theta[0], bias: b) }
        let lead = Array(x.shape.dropLast())
        let flat = x.reshaped([lead.reduce(1, *), x.shape.last!])
        return dense.forward(flat, weight: theta[0], bias: b).reshaped(lead + [dense.outputs])
    }
}
