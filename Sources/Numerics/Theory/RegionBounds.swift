internal import Foundation

/// Upper bounds on the number of linear regions of ReLU networks.
public enum RegionBounds {
    /// Zaslavsky: n hyperplanes in general position cut ℝᵈ into Σ_{j≤d} C(n, j) regions —
    /// the maximum for one hidden layer of n neurons on d inputs.
    public static func zaslavsky(neurons n: Int, inputDimension d: Int) -> Double {
        (0...min(d, n)).map { binomial(n, $0) }.reduce(0, +)
    }

    /// Serra, Tjandraatmadja & Ramalingam (2018), Theorem 7: Σ over (j₁…j_L) ∈ J of
    /// Π_l C(n_l, j_l), with d_l = min(n₀, n₁ − j₁, …, n_{l−1} − j_{l−1}) and 0 ≤ j_l ≤ min(n_l, d_l).
    /// (Zaslavsky's bound for one layer; much smaller than Π Zaslavsky for deep narrow nets.)
    public static func serra(widths: [Int]) -> Double {
        let n0 = widths[0], hidden = Array(widths.dropFirst())
        func go(_ l: Int, _ d: Int) -> Double {
            if l == hidden.count { return 1 }
            let n = hidden[l]
            var total = 0.0
            for j in 0...min(n, d) { total += binomial(n, j) * go(l + 1, min(d, n - j)) }
            return total
        }
        return go(0, n0)
    }

    /// Montúfar et al. (2014) lower bound for L hidden layers of width n ≥ d on d inputs:
    /// (Π_{l<L} ⌊n/d⌋^d) · Σ_{j≤d} C(n, j).
    public static func montufarLower(width n: Int, hiddenLayers L: Int, inputDimension d: Int) -> Double {
        pow(Double(n / d), Double(d * (L - 1))) * zaslavsky(neurons: n, inputDimension: d)
    }

    /// The binomial coefficient C(n, k) through lgamma, rounded to an integer value (exact below 2⁵³).
    ///
    /// - Parameters:
    ///   - n: The number of items.
    ///   - k: The number chosen; outside 0…n the result is 0.
    /// - Returns: C(n, k) as a `Double`, so large counts do not overflow.
    public static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0 && k <= n else { return 0 }
        return exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))).rounded()
    }
}
