import Autograd
import Tensor

/// The empirical neural tangent kernel Θ̂(x, x′) = ⟨∂f(θ, x)/∂θ, ∂f(θ, x′)/∂θ⟩ of a scalar-output
/// MLP, computed layer by layer instead of through the per-example Jacobian J (Θ̂ = J·Jᵀ).
///
/// Why not J·Jᵀ: J has one row of P entries per input, and for the wide networks of the lazy-
/// training experiment P is millions (a (1, 2500, 2500, 1) net has 6.26 M), so J for a grid of a
/// hundred points would take gigabytes. With zₗ = c_w·h_{l−1}·Wₗᵀ + c_b·bₗ (c_w, c_b the NTK
/// multipliers, 1 in standard parametrisation) and δₗ = ∂f/∂zₗ per example,
/// ∂f/∂Wₗ = c_w·δₗ h_{l−1}ᵀ and ∂f/∂bₗ = c_b·δₗ, so
///     Θ̂(x, x′) = Σₗ c_w² (δₗ·δₗ′)(h_{l−1}·h_{l−1}′) + c_b² (δₗ·δₗ′),
/// which needs only the activations H and the back-propagated δ of every layer: memory
/// O(inputs × width), time two products of [n, width] matrices per layer.
public enum TangentKernel {
    /// Θ̂ on the rows of `x` ([n, N₀]): an [n, n] matrix.
    public static func gram(_ net: MLP<Double>, _ x: Tensor<Double>) -> Tensor<Double> {
        let a = LayerSensitivities(net, x)
        return a.kernel(with: a)
    }

    /// Θ̂(xᵢ, x′ⱼ) between the rows of `x` ([n, N₀]) and of `other` ([m, N₀]): [n, m].
    public static func cross(_ net: MLP<Double>, _ x: Tensor<Double>, _ other: Tensor<Double>) -> Tensor<Double> {
        LayerSensitivities(net, x).kernel(with: LayerSensitivities(net, other))
    }
}

/// For each affine layer l: its input activations h_{l−1} and the output's sensitivity δₗ = ∂f/∂zₗ
/// to its pre-activation, one row per input.
struct LayerSensitivities {
    var inputs: [Tensor<Double>] = []
    var deltas: [Tensor<Double>] = []
    var weightScales: [Double] = []
    /// c_b per layer, or nil for a layer without bias.
    var biasScales: [Double?] = []

    init(_ net: MLP<Double>, _ x: Tensor<Double>) {
        guard net.widths.last == 1 else {
            fatalError("TangentKernel: needs a scalar-output network, widths \(net.widths)")
        }
        guard x.shape.count == 2, x.shape[1] == net.widths[0] else {
            fatalError("TangentKernel: inputs have shape \(x.shape), the network expects [n, \(net.widths[0])]")
        }
        // Each layer's own affine map (Dense.forward with σ = identity), then σ, keeping every
        // pre-activation z as a node so one reverse sweep from Σᵢ f(xᵢ) yields all δₗ (inputs
        // are independent rows, so the gradient of the sum with respect to zₗ is δₗ row by row).
        var h = Variable(x)
        var preActivations: [Variable<Double>] = []
        var k = 0
        for layer in net.layers {
            inputs.append(h.value)
            weightScales.append(layer.weightScale)
            biasScales.append(layer.hasBias ? layer.biasScale : nil)
            var affine = layer
            affine.activation = .identity
            let z = affine.forward(
                h, weight: .constant(net.parameters[k]),
                bias: layer.hasBias ? .constant(net.parameters[k + 1]) : nil)
            preActivations.append(z)
            h = layer.activation == .identity ? z : z.activated(layer.activation)
            k += layer.parameterCount
        }
        deltas = Backward.gradients(of: sum(h), wrt: preActivations).map(\.value)
    }

    func kernel(with other: LayerSensitivities) -> Tensor<Double> {
        var total: Tensor<Double>? = nil
        for l in deltas.indices {
            let dd = matmul(deltas[l], other.deltas[l], transposingA: false, transposingB: true)
            let hh = matmul(inputs[l], other.inputs[l], transposingA: false, transposingB: true)
            var term = (weightScales[l] * weightScales[l]) * (dd * hh)
            if let cb = biasScales[l] { term = term + (cb * cb) * dd }
            total = total.map { $0 + term } ?? term
        }
        return total!
    }
}
