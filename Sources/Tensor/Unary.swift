/// Elementwise math functions. Each is one flat loop over the contiguous elements, split
/// across threads for large tensors; simple ones (abs, relu, sqrt, square) vectorise, the
/// transcendental ones call the C math library of the tensor's precision.
public enum UnaryOp: Sendable {
    case exp, expm1, log, log1p, tanh, sigmoid, softplus, relu, abs, sqrt, square, sin, cos, erf, sign
}

extension Tensor {
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply(_ op: UnaryOp) -> Tensor {
        @inline(__always) func run(_ f: (Scalar) -> Scalar) -> Tensor {
            let n = count
            let out = [Scalar](unsafeUninitializedCapacity: n) { out, initialized in
                scalars.withUnsafeBufferPointer { p in
                    let po = out.baseAddress!
                    parallelChunks(n) { r in for i in r { (po + i).initialize(to: f(p[i])) } }
                }
                initialized = n
            }
            return Tensor(shape: shape, scalars: out)
        }
        switch op {
        case .exp: return run(Scalar.exp)
        case .expm1: return run(Scalar.expm1)
        case .log: return run(Scalar.log)
        case .log1p: return run(Scalar.log1p)
        case .tanh: return run(Scalar.tanh)
        // Written so that exp never overflows: for x < 0, σ(x) = eˣ / (1 + eˣ).
        case .sigmoid: return run { x in
            if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
            let e = Scalar.exp(x); return e / (1 + e)
        }
        // log(1 + eˣ) = max(x, 0) + log1p(e^-|x|), stable for large |x|.
        case .softplus: return run { x in Swift.max(x, 0) + Scalar.log1p(Scalar.exp(-Swift.abs(x))) }
        case .relu: return run { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }
        case .abs: return run { Swift.abs($0) }
        case .sqrt: return run { $0.squareRoot() }
        case .square: return run { $0 * $0 }
        case .sin: return run(Scalar.sin)
        case .cos: return run(Scalar.cos)
        case .erf: return run(Scalar.erf)
        case .sign: return run { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) }
        }
    }
}

public func exp<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.exp) }
public func expm1<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.expm1) }
public func log<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.log) }
public func log1p<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.log1p) }
public func tanh<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.tanh) }
/// 1 / (1 + e⁻ˣ), computed without overflow.
public func sigmoid<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.sigmoid) }
/// log(1 + eˣ), computed without overflow.
public func softplus<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.softplus) }
/// max(0, x) elementwise (NaN stays NaN).
public func relu<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.relu) }
public func abs<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.abs) }
public func sqrt<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.sqrt) }
public func square<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.square) }
public func sin<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.sin) }
public func cos<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.cos) }
public func erf<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.erf) }
/// −1, 0 or 1 by the sign of each element (NaN stays NaN, −0 stays −0).
public func sign<T>(_ x: Tensor<T>) -> Tensor<T> { x.apply(.sign) }
