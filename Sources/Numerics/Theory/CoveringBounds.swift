internal import Foundation

/// Covering-number bounds for one-hidden-layer networks (Shen 2023, the functional-equivalence
/// deck), in log₁₀ so factorials of widths do not overflow.
///
/// For (d₀, d₁, 1) networks with parameters bounded by B, inputs by B_x and a ρ-Lipschitz
/// activation, N(ℱ, ε, ‖·‖_∞) ≤ (16 B² (B_x + 1) √d₀ d₁ ρ / ε)^S, S = d₁(d₀ + 1) + d₁ + 1
/// parameters; permutation equivalence divides this by d₁!. (The deck's reference values —
/// S = 1537, 9394.7 vs 9179.1 for d₀ = 10, d₁ = 128, B = B_x = ρ = 1, ε = 0.01 — pin this form
/// at B = B_x = ρ = 1.)
public enum CoveringBounds {
    /// S = d₁(d₀ + 1) + d₁ + 1, the parameters of a (d₀, d₁, 1) network with biases.
    ///
    /// - Parameters:
    ///   - d0: The input dimension d₀.
    ///   - d1: The hidden width d₁.
    /// - Returns: S (1537 for d₀ = 10, d₁ = 128).
    public static func parameterCount(inputs d0: Int, width d1: Int) -> Int { d1 * (d0 + 1) + d1 + 1 }

    /// log₁₀ of the covering-number bound S·log₁₀(16 B² (B_x + 1) √d₀ d₁ ρ / ε), less log₁₀ d₁! with
    /// the permutation discount.
    ///
    /// ```swift
    /// CoveringBounds.log10Shallow(inputs: 10, width: 128, weightBound: 1, inputBound: 1,
    ///                             lipschitz: 1, epsilon: 0.01, permutationDiscount: true)   // 9179.1
    /// ```
    ///
    /// - Parameters:
    ///   - d0: The input dimension d₀.
    ///   - d1: The hidden width d₁.
    ///   - B: The bound on every parameter's magnitude.
    ///   - Bx: The bound on the inputs' norm.
    ///   - rho: The activation's Lipschitz constant ρ.
    ///   - epsilon: The covering radius ε in ‖·‖_∞.
    ///   - permutationDiscount: Divide by d₁!, counting permuted hidden units once.
    /// - Returns: log₁₀ N(ℱ, ε, ‖·‖_∞).
    public static func log10Shallow(
        inputs d0: Int, width d1: Int, weightBound B: Double, inputBound Bx: Double,
        lipschitz rho: Double, epsilon: Double, permutationDiscount: Bool
    ) -> Double {
        let s = Double(parameterCount(inputs: d0, width: d1))
        let base = 16 * B * B * (Bx + 1) * Double(d0).squareRoot() * Double(d1) * rho / epsilon
        return s * log10(base) - (permutationDiscount ? log10Factorial(d1) : 0)
    }

    /// log₁₀(n!) through lgamma.
    public static func log10Factorial(_ n: Int) -> Double { lgamma(Double(n) + 1) / log(10) }
}
