internal import Foundation
import Tensor

/// The activation functions of the reference texts (book Table 1.1 / 3.1 and the Shen deck),
/// each with its first and second derivative so Hessians work. Kinks (ReLU at 0) take the
/// right-continuous one-sided value, as PyTorch and JAX do.
public enum Activation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// σ(x) = x (a linear layer; skipped by `apply`, so it costs nothing).
    case identity
    /// The step 1[x ≥ 0]; its derivative is 0 everywhere (no gradient flows through it).
    case heaviside
    /// max(0, x); derivative 1[x > 0], taking 1 at the kink as PyTorch does for the right limit.
    case relu
    /// max(x, a·x) for slope a (PReLU with a fixed slope).
    case leakyReLU(slope: Double)
    /// max(0, x)^p.
    case powerReLU(power: Double)
    /// x for x > 0, α(eˣ − 1) below (Clevert et al.).
    case elu(alpha: Double)
    /// x / (1 + |x|).
    case softsign
    /// Inverse square root linear unit: x for x ≥ 0, x/√(1 + a x²) below.
    case isrlu(alpha: Double)
    /// Inverse square root unit x/√(1 + a x²).
    case isru(alpha: Double)
    /// The hyperbolic tangent.
    case tanh
    /// The logistic function 1/(1 + e⁻ˣ).
    case sigmoid
    /// The inverse tangent, with values in (−π/2, π/2).
    case arctan
    /// log(1 + eˣ), the smooth ReLU.
    case softplus
    /// e^(−x²/2).
    case gaussian
    /// sin x (SIREN-style networks).
    case sine
    /// x·Φ(x), Φ the standard normal CDF.
    case gelu
    /// The error function (its infinite-width kernels have closed forms).
    case erf

    /// Every activation with its reference parameters (slopes 0.01, α = 1, power 2), in table order:
    /// what the activation tables iterate over.
    public static let all: [Activation] = [
        .identity, .heaviside, .relu, .leakyReLU(slope: 0.01), .powerReLU(power: 2),
        .elu(alpha: 1), .softsign, .isrlu(alpha: 1), .isru(alpha: 1), .tanh, .sigmoid,
        .arctan, .softplus, .gaussian, .sine, .gelu, .erf,
    ]

    public var description: String {
        switch self {
        case .identity: "identity";
        case .heaviside: "Heaviside";
        case .relu: "ReLU"
        case .leakyReLU(let a): "leaky ReLU (a = \(a))";
        case .powerReLU(let p): "power ReLU (p = \(p))"
        case .elu(let a): "ELU (α = \(a))";
        case .softsign: "softsign";
        case .isrlu(let a): "ISRLU (a = \(a))"
        case .isru(let a): "ISRU (a = \(a))";
        case .tanh: "tanh";
        case .sigmoid: "logistic";
        case .arctan: "arctan"
        case .softplus: "softplus";
        case .gaussian: "Gaussian";
        case .sine: "sine";
        case .gelu: "GELU";
        case .erf: "erf"
        }
    }

    /// σ and its derivatives, for `Variable.apply`.
    public var function: ElementwiseFunction {
        switch self {
        case .identity: ElementwiseFunction("identity", [{ $0 }, { _ in 1 }, { _ in 0 }, { _ in 0 }])
        case .heaviside: ElementwiseFunction("heaviside", [{ $0 > 0 ? 1 : 0 }, { _ in 0 }, { _ in 0 }])
        case .relu:
            ElementwiseFunction(
                "relu", [{ max(0, $0) }, { $0 > 0 ? 1 : 0 }, { _ in 0 }, { _ in 0 }], kernel: .relu,
                derivativeKernels: [.sign, .relu])
        case .leakyReLU(let a):
            ElementwiseFunction("leakyReLU", [{ $0 > 0 ? $0 : a * $0 }, { $0 > 0 ? 1 : a }, { _ in 0 }, { _ in 0 }])
        case .powerReLU(let p):
            ElementwiseFunction(
                "powerReLU",
                [
                    { $0 > 0 ? pow($0, p) : 0 }, { $0 > 0 ? p * pow($0, p - 1) : 0 },
                    { $0 > 0 ? p * (p - 1) * pow($0, p - 2) : 0 },
                ])
        case .elu(let a):
            ElementwiseFunction("elu", [{ $0 > 0 ? $0 : a * expm1($0) }, { $0 > 0 ? 1 : a * exp($0) }, { $0 > 0 ? 0 : a * exp($0) }])
        case .softsign:
            ElementwiseFunction(
                "softsign",
                [
                    { $0 / (1 + Swift.abs($0)) }, { 1 / ((1 + Swift.abs($0)) * (1 + Swift.abs($0))) },
                    { -2 * ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) / pow(1 + Swift.abs($0), 3) },
                ])
        case .isrlu(let a):
            ElementwiseFunction(
                "isrlu",
                [
                    { $0 >= 0 ? $0 : $0 / Foundation.sqrt(1 + a * $0 * $0) },
                    { $0 >= 0 ? 1 : pow(1 + a * $0 * $0, -1.5) },
                    { $0 >= 0 ? 0 : -3 * a * $0 * pow(1 + a * $0 * $0, -2.5) },
                ])
        case .isru(let a):
            ElementwiseFunction(
                "isru",
                [
                    { $0 / Foundation.sqrt(1 + a * $0 * $0) }, { pow(1 + a * $0 * $0, -1.5) },
                    { -3 * a * $0 * pow(1 + a * $0 * $0, -2.5) },
                ])
        case .tanh: Elementwise.tanh
        case .sigmoid: Elementwise.sigmoid
        case .arctan: ElementwiseFunction("arctan", [{ atan($0) }, { 1 / (1 + $0 * $0) }, { -2 * $0 / ((1 + $0 * $0) * (1 + $0 * $0)) }])
        case .softplus:
            ElementwiseFunction(
                "softplus",
                [
                    // log(1 + eˣ) without overflow for large x.
                    { max($0, 0) + log1p(exp(-Swift.abs($0))) },
                    Elementwise.sigmoid.derivatives[0], Elementwise.sigmoid.derivatives[1], Elementwise.sigmoid.derivatives[2],
                ], kernel: .softplus)
        case .gaussian:
            ElementwiseFunction(
                "gaussian",
                [
                    { exp(-$0 * $0 / 2) }, { -$0 * exp(-$0 * $0 / 2) }, { ($0 * $0 - 1) * exp(-$0 * $0 / 2) },
                    { (3 * $0 - $0 * $0 * $0) * exp(-$0 * $0 / 2) },
                ])
        case .sine: Elementwise.sin
        case .erf:
            ElementwiseFunction(
                "erf",
                [
                    { Foundation.erf($0) }, { 2 / Double.pi.squareRoot() * exp(-$0 * $0) },
                    { -4 * $0 / Double.pi.squareRoot() * exp(-$0 * $0) },
                ], kernel: .erf)
        case .gelu:
            ElementwiseFunction(
                "gelu",
                [
                    { $0 * 0.5 * erfc(-$0 / 2.0.squareRoot()) },
                    { 0.5 * erfc(-$0 / 2.0.squareRoot()) + $0 * exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() },
                    { (2 - $0 * $0) * exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() },
                ])
        }
    }

    /// σ applied to every element of a tensor (the same kernel the layers use).
    public func apply<T>(to x: Tensor<T>) -> Tensor<T> { self == .identity ? x : function.evaluate(x) }

    /// σ at a point (for tables and thumbnails).
    public func callAsFunction(_ x: Double) -> Double { function.derivatives[0](x) }
}

extension Variable {
    /// `a` applied to every element, differentiable as often as its derivatives allow.
    ///
    /// - Parameter a: The activation.
    /// - Returns: σ(self), with σ′ (and σ″) recorded for backward passes.
    public func activated(_ a: Activation) -> Variable { apply(a.function) }
}

/// max(0, x) elementwise (PyTorch's `torch.relu`).
///
/// - Parameter x: The input.
/// - Returns: A variable of `x`'s shape whose gradient is 1 where x > 0 and 0 elsewhere.
public func relu<T>(_ x: Variable<T>) -> Variable<T> { x.activated(.relu) }
