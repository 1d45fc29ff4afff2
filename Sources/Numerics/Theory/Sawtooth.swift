import Autograd
import Tensor

/// Telgarsky's sawtooth and Yarotsky's approximation of x², as explicit ReLU networks
/// (book §1.3.2): depth buys exponentially many pieces.
public enum Sawtooth {
    /// The hat h(x) = 2ReLU(x) − 4ReLU(x − ½) on [0, 1] (h(0) = h(1) = 0, h(½) = 1).
    public static func hat(_ x: Double) -> Double { 2 * max(0, x) - 4 * max(0, x - 0.5) }

    /// h∘…∘h (n times) as a ReLU network with n hidden layers of 2 neurons: widths
    /// (1, 2, …, 2, 1). It has exactly 2ⁿ affine pieces on [0, 1] (2ⁿ⁻¹ teeth).
    public static func network(compositions n: Int) -> MLP<Double> {
        guard n >= 1 else { fatalError("Sawtooth.network: needs n ≥ 1 compositions, got \(n)") }
        var net = MLP<Double>(widths: [1] + Array(repeating: 2, count: n) + [1], activation: .relu)
        var params: [Tensor<Double>] = []
        // Layer 1: (ReLU(x), ReLU(x − ½)).
        params += [Tensor(shape: [2, 1], scalars: [1, 1]), Tensor(shape: [2], scalars: [0, -0.5])]
        // Middle layers: the next hat applied to h = 2u − 4v.
        for _ in 1..<n {
            params += [Tensor(shape: [2, 2], scalars: [2, -4, 2, -4]), Tensor(shape: [2], scalars: [0, -0.5])]
        }
        params += [Tensor(shape: [1, 2], scalars: [2, -4]), Tensor(shape: [1], scalars: [0])]
        net.parameters = params
        return net
    }

    /// Yarotsky's approximant f_n of x² as a ReLU network with n hidden layers of 3 neurons,
    /// widths (1, 3, …, 3, 1); on [0, 1] it computes `yarotskySquare(x, terms: n)`.
    ///
    /// Hidden layer s carries (u, v, S): the hat's two ReLUs u = ReLU(g), v = ReLU(g − ½) of
    /// g = g_{s−1} (g₀ = x), so g_s = 2u − 4v, and the partial sum S = f_{s−1}(x) (f₀ = x). The
    /// partial sums pass through ReLU unchanged because f_s is the piecewise-linear interpolant of
    /// x² at the points k/2ˢ, hence ≥ x² ≥ 0; the output layer forms f_n = S − g_n/4ⁿ.
    public static func yarotskyNetwork(terms n: Int) -> MLP<Double> {
        guard n >= 1 else { fatalError("Sawtooth.yarotskyNetwork: needs n ≥ 1 terms, got \(n)") }
        var net = MLP<Double>(widths: [1] + Array(repeating: 3, count: n) + [1], activation: .relu)
        // Layer 1: (ReLU(x), ReLU(x − ½), ReLU(x) = x = f₀).
        var params = [Tensor<Double>(shape: [3, 1], scalars: [1, 1, 1]), Tensor<Double>(shape: [3], scalars: [0, -0.5, 0])]
        var scale = 1.0
        for _ in 1..<n {
            scale /= 4  // 4^−s for the g_s formed from this layer's inputs
            // Rows: u' = ReLU(2u − 4v), v' = ReLU(2u − 4v − ½), S' = ReLU(S − (2u − 4v)/4ˢ).
            params += [
                Tensor(shape: [3, 3], scalars: [2, -4, 0, 2, -4, 0, -2 * scale, 4 * scale, 1]),
                Tensor(shape: [3], scalars: [0, -0.5, 0]),
            ]
        }
        scale /= 4
        params += [Tensor(shape: [1, 3], scalars: [-2 * scale, 4 * scale, 1]), Tensor(shape: [1], scalars: [0])]
        net.parameters = params
        return net
    }

    /// f_n(x) = x − Σ_{m≤n} h_m(x)/4^m, Yarotsky's approximation of x² on [0, 1]; its sup error
    /// is exactly 4^−(n+1), attained at the midpoints of the 2ⁿ pieces.
    public static func yarotskySquare(_ x: Double, terms n: Int) -> Double {
        var h = x, result = x, scale = 1.0
        for _ in 0..<n {
            h = hat(h)
            scale /= 4
            result -= h * scale
        }
        return result
    }
}
