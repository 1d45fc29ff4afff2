import Foundation
import Tensor

/// A scalar function applied elementwise, given with its derivatives: `derivatives[0]` is f,
/// `derivatives[k]` the k-th derivative. The VJP of f is g·f′(x), where f′ is applied as an
/// elementwise function whose own derivative is f″ — so gradients of gradients work as far
/// as derivatives are supplied; past that, a clear error.
public struct ElementwiseFunction: Sendable {
    public let name: String
    public let derivatives: [@Sendable (Double) -> Double]
    /// The Tensor core's vectorised kernels computing f itself (applied in order), if any.
    public let kernels: [UnaryOp]
    /// The same for f′, when f′ is a composition of kernels (ReLU′ = relu∘sign).
    public let derivativeKernels: [UnaryOp]

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
    public static let exp = ElementwiseFunction("exp", [Foundation.exp, Foundation.exp, Foundation.exp, Foundation.exp], kernel: .exp)
    public static let log = ElementwiseFunction("log", [Foundation.log, { 1 / $0 }, { -1 / ($0 * $0) }, { 2 / ($0 * $0 * $0) }], kernel: .log)
    public static let tanh = ElementwiseFunction(
        "tanh",
        [
            Foundation.tanh,
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
    public static let sin = ElementwiseFunction("sin", [Foundation.sin, Foundation.cos, { -Foundation.sin($0) }, { -Foundation.cos($0) }], kernel: .sin)
    public static let cos = ElementwiseFunction("cos", [Foundation.cos, { -Foundation.sin($0) }, { -Foundation.cos($0) }, Foundation.sin], kernel: .cos)
    public static let square = ElementwiseFunction("square", [{ $0 * $0 }, { 2 * $0 }, { _ in 2 }, { _ in 0 }], kernel: .square)
    public static let sqrt = ElementwiseFunction(
        "sqrt",
        [
            Foundation.sqrt, { 0.5 / Foundation.sqrt($0) }, { -0.25 / ($0 * Foundation.sqrt($0)) },
            { 0.375 / ($0 * $0 * Foundation.sqrt($0)) },
        ], kernel: .sqrt)
    public static let abs = ElementwiseFunction("abs", [Swift.abs, { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, { _ in 0 }], kernel: .abs)
}

public func exp<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.exp) }
public func log<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.log) }
public func tanh<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.tanh) }
public func sigmoid<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sigmoid) }
public func sin<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sin) }
public func cos<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.cos) }
public func sqrt<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.sqrt) }
public func abs<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.abs) }
public func square<T>(_ x: Variable<T>) -> Variable<T> { x.apply(Elementwise.square) }
