import Autograd
import Tensor

/// Parameter transformations that may leave a network's function unchanged (functional
/// equivalence; Shen deck, book Example 1.22). Hidden layer `layer` is 1-based: the output of
/// affine layer `layer`, whose units feed affine layer `layer + 1`. Biases are required.
public enum Equivalence {
    /// Permutes the units of a hidden layer: W_l ← P W_l, b_l ← P b_l, W_{l+1} ← W_{l+1} Pᵀ.
    /// Every activation is invariant under this.
    public static func permute<T>(_ net: MLP<T>, layer: Int, by permutation: [Int]) -> MLP<T> {
        var out = net
        let (k, width) = indices(net, layer)
        guard permutation.sorted() == Array(0..<width) else {
            fatalError("Equivalence.permute: \(permutation) is not a permutation of 0..<\(width)")
        }
        let w = net.parameters[k], b = net.parameters[k + 1], next = net.parameters[k + 2]
        let fanIn = w.shape[1], fanOut = next.shape[0]
        out.parameters[k] = Tensor(shape: w.shape, scalars: permutation.flatMap { w.scalars[$0 * fanIn..<($0 + 1) * fanIn] })
        out.parameters[k + 1] = Tensor(shape: b.shape, scalars: permutation.map { b.scalars[$0] })
        out.parameters[k + 2] = Tensor(shape: next.shape, scalars: (0..<fanOut).flatMap { r in permutation.map { next.scalars[r * width + $0] } })
        return out
    }

    /// Scales unit `unit`'s incoming weights and bias by α > 0 and its outgoing weights by 1/α.
    /// Invariant exactly when σ is positively homogeneous (ReLU, leaky ReLU).
    public static func scale<T>(_ net: MLP<T>, layer: Int, unit: Int, by alpha: Double) -> MLP<T> {
        guard alpha > 0 else { fatalError("Equivalence.scale: α must be positive, got \(alpha)") }
        return transform(net, layer: layer, unit: unit, incoming: alpha, outgoing: 1 / alpha)
    }

    /// Negates unit `unit`'s incoming weights, bias and outgoing weights. Invariant when σ is
    /// odd (tanh). For the logistic σ(−z) = 1 − σ(z) the output moves by W_{l+1}[:, unit];
    /// `compensateBias` adds that to the next bias, restoring the function.
    public static func signFlip<T>(_ net: MLP<T>, layer: Int, unit: Int, compensateBias: Bool = false) -> MLP<T> {
        var out = transform(net, layer: layer, unit: unit, incoming: -1, outgoing: -1)
        if compensateBias {
            let (k, width) = indices(net, layer)
            let next = net.parameters[k + 2]
            let fanOut = next.shape[0]
            var b = out.parameters[k + 3].scalars
            for r in 0..<fanOut { b[r] += next.scalars[r * width + unit] }
            out.parameters[k + 3] = Tensor(shape: [fanOut], scalars: b)
        }
        return out
    }

    /// Sorts every hidden layer's units by decreasing bias (b₁ ≥ … ≥ b_d): one representative
    /// per permutation class. The function is unchanged.
    public static func canonicalised<T>(_ net: MLP<T>) -> MLP<T> {
        var out = net
        for layer in 1..<net.affineLayerCount {
            let (k, width) = indices(out, layer)
            let b = out.parameters[k + 1].scalars
            let order = (0..<width).sorted { b[$0] > b[$1] || (b[$0] == b[$1] && $0 < $1) }
            out = permute(out, layer: layer, by: order)
        }
        return out
    }

    /// max |f₁(x) − f₂(x)| over the rows of `inputs`.
    public static func maxDifference<T>(_ a: MLP<T>, _ b: MLP<T>, on inputs: Tensor<T>) -> Double {
        zip(a(inputs).scalars, b(inputs).scalars).map { abs(Double($0) - Double($1)) }.max() ?? 0
    }

    /// max |f₁(x) − f₂(x)| relative to the output's size, max(1, max |f₁(x)|): the test for
    /// equal functions when outputs are large (power ReLU squares them at every layer) and
    /// rounding in a reordered sum is relative.
    public static func relativeDifference<T>(_ a: MLP<T>, _ b: MLP<T>, on inputs: Tensor<T>) -> Double {
        let fa = a(inputs).scalars, fb = b(inputs).scalars
        let scale = max(1, fa.map { abs(Double($0)) }.max() ?? 0)
        return zip(fa, fb).map { abs(Double($0) - Double($1)) }.max().map { $0 / scale } ?? 0
    }

    private static func transform<T>(_ net: MLP<T>, layer: Int, unit: Int, incoming: Double, outgoing: Double) -> MLP<T> {
        var out = net
        let (k, width) = indices(net, layer)
        guard unit >= 0 && unit < width else { fatalError("Equivalence: unit \(unit) outside 0..<\(width) of hidden layer \(layer)") }
        var w = net.parameters[k].scalars, b = net.parameters[k + 1].scalars, next = net.parameters[k + 2].scalars
        let fanIn = net.parameters[k].shape[1], fanOut = net.parameters[k + 2].shape[0]
        for c in 0..<fanIn { w[unit * fanIn + c] *= T(incoming) }
        b[unit] *= T(incoming)
        for r in 0..<fanOut { next[r * width + unit] *= T(outgoing) }
        out.parameters[k] = Tensor(shape: net.parameters[k].shape, scalars: w)
        out.parameters[k + 1] = Tensor(shape: net.parameters[k + 1].shape, scalars: b)
        out.parameters[k + 2] = Tensor(shape: net.parameters[k + 2].shape, scalars: next)
        return out
    }

    /// Parameter index of hidden layer `layer`'s weight, and its width.
    private static func indices<T>(_ net: MLP<T>, _ layer: Int) -> (Int, Int) {
        guard layer >= 1 && layer < net.affineLayerCount else {
            fatalError("Equivalence: hidden layer \(layer) outside 1..<\(net.affineLayerCount) (1-based; the output layer is not hidden)")
        }
        guard net.layers.allSatisfy(\.hasBias) else { fatalError("Equivalence: needs a network with biases") }
        return (2 * (layer - 1), net.widths[layer])
    }
}
