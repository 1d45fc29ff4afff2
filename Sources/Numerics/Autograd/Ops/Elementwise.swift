internal import Foundation
import Tensor

/// A scalar function applied elementwise, given with its derivatives: `derivatives[0]` is f,
/// `derivatives[k]` the k-th derivative. The VJP of f is g·f′(x), where f′ is applied as an
/// elementwise function whose own derivative is f″ — so gradients of gradients work as far
/// as derivatives are supplied; past that, a clear error.
public struct ElementwiseFunction: Sendable {
    /// Shown in error messages and as the op's name on the tape ("tanh", "tanh′").
    public let name: String
    /// f, f′, f″, …: as many as the function can be differentiated through.
    public let derivatives: [@Sendable (Double) -> Double]
    /// The Tensor core's vectorised kernels computing f itself (applied in order), if any.
    public let kernels: [UnaryOp]
    /// The same for f′, when f′ is a composition of kernels (ReLU′ = relu∘sign).
    public let derivativeKernels: [UnaryOp]

    /// A function from its derivatives and, optionally, the Tensor kernel that computes it fast.
    ///
    /// - Parameters:
    ///   - name: Its name on the tape and in errors.
    ///   - derivatives: f, f′, f″, … as scalar functions in f64.
    ///   - kernel: A vectorised kernel computing f (else f is applied element by element).
    ///   - derivativeKernels: Kernels whose composition computes f′, if there are any.
    public init(
        _ name: String, _ derivatives: [@Sendable (Double) -> Double], kernel: UnaryOp? = nil,
        derivativeKernels: [UnaryOp] = []
    ) {
        self.name = name
        self.derivatives = derivatives
        self.kernels = kernel.map { [$0] } ?? []
        self.derivativeKernels = derivativeKernels
    }

    init(_ name: String, _ derivatives: [@Sendable (Double) -> Double], kernels: [UnaryOp]) {
        self.name = name
        self.derivatives = derivatives
        self.kernels = kernels
        self.derivativeKernels = []
    }

    /// The function's derivative as an elementwise function of its own.
    var derivative: ElementwiseFunction? {
        derivatives.count > 1 ? ElementwiseFunction(name + "′", Array(derivatives.dropFirst()), kernels: derivativeKernels) : nil
    }

    /// f applied to every element: the vectorised kernels when there are any, else f in f64.
    /// Every caller (layers, landscapes, region maps) goes through here, so they agree bit for bit.
    public func evaluate<T>(_ x: Tensor<T>) -> Tensor<T> {
        if !kernels.isEmpty { return kernels.reduce(x) { $0.apply($1) } }
        let f = derivatives[0]
        return x.map { T(f(Double($0))) }
    }
}

extension Variable {
    /// `f` applied to every element, differentiable as many times as `f` has derivatives.
    ///
    /// - Parameter f: The function, e.g. one of ``Elementwise``'s.
    /// - Returns: f(self); its VJP is g ⊙ f′(self).
    /// - Precondition: Differentiating past the last supplied derivative stops the cell with the
    ///   function's name.
    public func apply(_ f: ElementwiseFunction) -> Variable {
        let out = f.evaluate(value)
        return Variable(out, op: f.name, parents: [self]) { [self] g in
            guard let df = f.derivative else {
                fatalError("\(f.name): no further derivative is defined (differentiated too many times)")
            }
            return [g * self.apply(df)]
        }
    }
}

/// The elementwise functions autodiff knows, with enough derivatives for Hessians.
public enum Elementwise {
    /// eˣ.
    public static let exp = ElementwiseFunction(
        "exp", [{ Foundation.exp($0) }, { Foundation.exp($0) }, { Foundation.exp($0) }, { Foundation.exp($0) }], kernel: .exp)
    /// The natural logarithm (NaN below 0, −∞ at 0, as in NumPy).
    public static let log = ElementwiseFunction("log", [{ Foundation.log($0) }, { 1 / $0 }, { -1 / ($0 * $0) }, { 2 / ($0 * $0 * $0) }], kernel: .log)
    /// tanh x.
    public static let tanh = ElementwiseFunction(
        "tanh",
        [
            { Foundation.tanh($0) },
            {
                let t = Foundation.tanh($0); return 1 - t * t
            },
            {
                let t = Foundation.tanh($0); return -2 * t * (1 - t * t)
            },
            {
                let t = Foundation.tanh($0); return -2 * (1 - t * t) * (1 - 3 * t * t)
            },
        ], kernel: .tanh)
    /// 1/(1 + e⁻ˣ).
    public static let sigmoid = ElementwiseFunction(
        "sigmoid",
        [
            { 1 / (1 + Foundation.exp(-$0)) },
            {
                let s = 1 / (1 + Foundation.exp(-$0)); return s * (1 - s)
            },
            {
                let s = 1 / (1 + Foundation.exp(-$0)); return s * (1 - s) * (1 - 2 * s)
            },
            {
                let s = 1 / (1 + Foundation.exp(-$0)); return s * (1 - s) * (1 - 6 * s + 6 * s * s)
            },
        ], kernel: .sigmoid)
    /// sin x.
    public static let sin = ElementwiseFunction(
        "sin", [{ Foundation.sin($0) }, { Foundation.cos($0) }, { -Foundation.sin($0) }, { -Foundation.cos($0) }], kernel: .sin)
    /// cos x.
    public static let cos = ElementwiseFunction(
        "cos", [{ Foundation.cos($0) }, { -Foundation.sin($0) }, { -Foundation.cos($0) }, { Foundation.sin($0) }], kernel: .cos)
    /// x².
    public static let square = ElementwiseFunction("square", [{ $0 * $0 }, { 2 * $0 }, { _ in 2 }, { _ in 0 }], kernel: .square)
    /// √x.
    public static let sqrt = ElementwiseFunction(
        "sqrt",
        [
            { Foundation.sqrt($0) }, { 0.5 / Foundation.sqrt($0) }, { -0.25 / ($0 * Foundation.sqrt($0)) },
            { 0.375 / ($0 * $0 * Foundation.sqrt($0)) },
        ], kernel: .sqrt)
    /// |x|, with derivative sign(x) (0 at 0).
    public static let abs = ElementwiseFunction("abs", [{ Swift.abs($0) }, { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, { _ in 0 }], kernel: .abs)
}

/// eˣ elementwise, differentiable to any order.
public func exp<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.exp) }
/// The natural logarithm elementwise; its gradient is 1/x.
public func log<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.log) }
/// tanh elementwise; its gradient is 1 − tanh².
public func tanh<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.tanh) }
/// The logistic function elementwise; its gradient is σ(1 − σ).
public func sigmoid<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sigmoid) }
/// sin elementwise; its gradient is cos.
public func sin<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sin) }
/// cos elementwise; its gradient is −sin.
public func cos<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.cos) }
/// √x elementwise; its gradient is 1/(2√x).
public func sqrt<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sqrt) }
/// |x| elementwise; its gradient is sign(x).
public func abs<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.abs) }
/// x² elementwise; its gradient is 2x.
public func square<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.square) }
