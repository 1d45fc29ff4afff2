import Tensor

/// A fully connected network, as a pure function f(θ, x) plus its current parameters θ.
///
/// Layer-count convention, stated explicitly because the references differ: `widths` lists
/// (N₀, N₁, …, N_L) as in the book, so the network has L = widths.count − 1 **affine layers**
/// and L − 1 **hidden layers** (the Shen deck counts the latter). `MLP(widths: [2, 20, 20, 2])`
/// has 3 affine layers, 2 hidden layers of width 20.
public struct MLP<Scalar: TensorScalar> {
    /// (N₀, N₁, …, N_L): input width, hidden widths, output width.
    public let widths: [Int]
    /// The L affine layers, first to last; the last has the identity activation.
    public let layers: [Dense]
    /// θ as tensors [W₁, b₁, W₂, b₂, …] (no bᵢ when biases are off).
    public var parameters: [Tensor<Scalar>]

    /// L = widths.count − 1, the number of weight matrices.
    public var affineLayerCount: Int { layers.count }
    /// L − 1, the number of hidden layers (the Shen deck's "depth").
    public var hiddenLayerCount: Int { layers.count - 1 }

    /// - Parameters:
    ///   - widths: (N₀, …, N_L): input width, hidden widths, output width.
    ///   - activation: applied after every affine layer except the last.
    ///   - outputActivation: applied after the last (identity by default).
    ///   - seed: makes the draw reproducible.
    public init(
        widths: [Int], activation: Activation, outputActivation: Activation = .identity,
        initialization: Initialization = .he, bias: Bool = true,
        parametrisation: Parametrisation = .standard, seed: UInt64 = 0
    ) {
        self.init(
            widths: widths,
            activations: Array(repeating: activation, count: max(widths.count - 2, 0)) + [outputActivation],
            initialization: initialization, bias: bias, parametrisation: parametrisation, seed: seed)
    }

    /// One activation per affine layer (`activations.count == widths.count − 1`, the last being
    /// the output's): for architectures such as linear layers followed by one ReLU layer.
    public init(
        widths: [Int], activations: [Activation], initialization: Initialization = .he, bias: Bool = true,
        parametrisation: Parametrisation = .standard, seed: UInt64 = 0
    ) {
        guard activations.count == widths.count - 1 else {
            fatalError("MLP(widths: \(widths), activations:): needs \(widths.count - 1) activations, one per affine layer, got \(activations.count)")
        }
        guard widths.count >= 2, widths.allSatisfy({ $0 > 0 }) else {
            fatalError("MLP(widths: \(widths)): need at least an input and an output width, all positive")
        }
        self.widths = widths
        var layers: [Dense] = []
        for l in 0..<(widths.count - 1) {
            let fanIn = widths[l]
            let ntk = parametrisation == .ntk
            layers.append(
                Dense(
                    inputs: fanIn, outputs: widths[l + 1],
                    activation: activations[l],
                    hasBias: bias, parametrisation: parametrisation,
                    weightScale: ntk ? initialization.weightStd(fanIn: fanIn, fanOut: widths[l + 1]) : 1,
                    biasScale: ntk ? initialization.biasStd : 1))
        }
        self.layers = layers
        var sampler = NormalSampler(SplitMix64(seed: seed))
        parameters = layers.flatMap { $0.initialParameters(initialization, sampler: &sampler) as [Tensor<Scalar>] }
    }

    /// The network applied to a batch [n, N₀] with parameters given as variables (for gradients).
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        layerOutputs(x, parameters: theta).last!
    }

    /// Post-activation outputs of every affine layer (what trajectory-length probes measure).
    public func layerOutputs(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> [Variable<Scalar>] {
        guard theta.count == parameters.count else {
            fatalError("MLP.forward: got \(theta.count) parameter tensors, the network has \(parameters.count)")
        }
        // Specialised for Float and Double (see Kernels/Specialised.swift): unspecialised, the
        // generic graph building costs more than a small net's arithmetic.
        if Scalar.self == Float.self { return same(layerStackFloat(layers, same(x), same(theta))) }
        if Scalar.self == Double.self { return same(layerStackDouble(layers, same(x), same(theta))) }
        return layerStack(layers, x, theta)
    }

    /// f(θ, x) for the current parameters, without recording gradients.
    public func callAsFunction(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        withoutGradients { forward(.constant(x), parameters: parameters.map(Variable.constant)).value }
    }

    /// The post-activation output of every layer for inputs `x`, without recording gradients (what
    /// trajectory-length and activation-region probes look at).
    ///
    /// - Parameter x: Inputs as rows, [batch, N₀].
    /// - Returns: L tensors, the k-th of shape [batch, N_k]; the last is the network's output.
    public func layerOutputs(_ x: Tensor<Scalar>) -> [Tensor<Scalar>] {
        withoutGradients { layerOutputs(.constant(x), parameters: parameters.map(Variable.constant)).map { $0.value } }
    }

    /// θ as one flat vector (for distances ‖θ − θ₀‖ and directions in parameter space).
    public var flatParameters: Tensor<Scalar> { ParameterVector.flatten(parameters) }

    /// Replaces θ from a flat vector laid out as `flatParameters`.
    public mutating func setFlatParameters(_ flat: Tensor<Scalar>) {
        parameters = ParameterVector.unflatten(flat, like: parameters)
    }

    /// The number of scalar parameters, Σ (N_{k−1} + 1)·N_k with biases.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

private func layerStackFloat(_ layers: [Dense], _ x: Variable<Float>, _ theta: [Variable<Float>]) -> [Variable<Float>] {
    layerStack(layers, x, theta)
}
private func layerStackDouble(_ layers: [Dense], _ x: Variable<Double>, _ theta: [Variable<Double>]) -> [Variable<Double>] {
    layerStack(layers, x, theta)
}

/// Post-activation outputs of each layer applied in turn, θ = [W₁, b₁, W₂, …].
@inline(__always)
private func layerStack<T>(_ layers: [Dense], _ x: Variable<T>, _ theta: [Variable<T>]) -> [Variable<T>] {
    var h = x
    var outputs: [Variable<T>] = []
    outputs.reserveCapacity(layers.count)
    var k = 0
    for layer in layers {
        let w = theta[k], b = layer.hasBias ? theta[k + 1] : nil
        guard w.shape == [layer.outputs, layer.inputs] else {
            fatalError("MLP.forward: weight \(k) has shape \(w.shape), expected \([layer.outputs, layer.inputs])")
        }
        h = layer.forward(h, weight: w, bias: b)
        outputs.append(h)
        k += layer.parameterCount
    }
    return outputs
}

/// θ ↔ one flat vector.
public enum ParameterVector {
    /// The tensors' elements one after another, in order, as a 1-D vector.
    ///
    /// - Parameter tensors: Parameter tensors such as ``MLP/parameters``.
    /// - Returns: A vector of Σ countᵢ elements.
    public static func flatten<T>(_ tensors: [Tensor<T>]) -> Tensor<T> {
        let all = tensors.flatMap(\.scalars)
        return Tensor(shape: [all.count], scalars: all)
    }

    /// Splits a flat vector back into tensors shaped like `shapes` (the inverse of ``flatten(_:)``).
    ///
    /// - Parameters:
    ///   - flat: A vector laid out as `flatten(shapes)` lays it out.
    ///   - shapes: Tensors whose shapes the pieces take (their values are not read).
    /// - Returns: One tensor per element of `shapes`.
    /// - Precondition: `flat.count` equals the total element count of `shapes`; otherwise the cell
    ///   stops with both numbers.
    public static func unflatten<T>(_ flat: Tensor<T>, like shapes: [Tensor<T>]) -> [Tensor<T>] {
        let total = shapes.reduce(0) { $0 + $1.count }
        guard flat.count == total else {
            fatalError("ParameterVector.unflatten: vector has \(flat.count) entries, the parameters have \(total)")
        }
        var offset = 0
        return shapes.map { t in
            defer { offset += t.count }
            return Tensor(shape: t.shape, scalars: Array(flat.scalars[offset..<offset + t.count]))
        }
    }
}
