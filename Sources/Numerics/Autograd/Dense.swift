import Tensor

/// One affine layer σ(x·Wᵀ + b) as a pure function of its parameters. W is [out, in]: row i
/// holds the incoming weights of output neuron i (PyTorch's layout, and the "filter" that
/// Li et al.'s filter normalisation rescales).
public struct Dense: Codable, Hashable, Sendable {
    /// Fan-in: the width of the layer's input.
    public var inputs: Int
    /// Fan-out: the number of neurons.
    public var outputs: Int
    /// σ, applied after the affine map.
    public var activation: Activation
    /// Whether the layer adds a bias b (then it has two parameter tensors).
    public var hasBias: Bool
    /// How W is stored and scaled (see ``Parametrisation``).
    public var parametrisation: Parametrisation
    /// Forward multiplier in NTK parametrisation (σ_w/√fan_in); 1 in standard parametrisation.
    public var weightScale: Double
    /// Forward multiplier of the bias in NTK parametrisation (σ_b); 1 in standard parametrisation.
    public var biasScale: Double

    /// Number of parameter tensors (W, and b when present).
    public var parameterCount: Int { hasBias ? 2 : 1 }

    /// x: [batch, inputs] → [batch, outputs].
    public func forward<T>(_ x: Variable<T>, weight: Variable<T>, bias: Variable<T>?) -> Variable<T> {
        guard x.shape.count == 2, x.shape[1] == inputs else {
            fatalError("Dense(\(inputs) → \(outputs)): input has shape \(x.shape), expected [batch, \(inputs)]")
        }
        // One fused node (Ops/DenseNode.swift): the same values as matmul, scale, + bias, σ.
        return denseNode(
            x, weight: weight, bias: bias, weightScale: weightScale, biasScale: biasScale,
            activation: activation)
    }

    /// Draws W (and b) for this layer.
    func initialParameters<T, G: RandomNumberGenerator>(_ initialization: Initialization, sampler: inout NormalSampler<G>) -> [Tensor<T>] {
        let std = parametrisation == .ntk ? 1 : initialization.weightStd(fanIn: inputs, fanOut: outputs)
        let w = Tensor<T>(shape: [outputs, inputs], scalars: (0..<outputs * inputs).map { _ in T(std * sampler.next()) })
        guard hasBias else { return [w] }
        let bstd = parametrisation == .ntk ? (initialization.biasStd > 0 ? 1 : 0) : initialization.biasStd
        let b = Tensor<T>(shape: [outputs], scalars: (0..<outputs).map { _ in bstd == 0 ? 0 : T(bstd * sampler.next()) })
        return [w, b]
    }
}
