/// Elementwise math functions. exp, expm1, log, log1p, tanh, sigmoid, sin, cos and erf run
/// through libmvec where the CPU has AVX2 (VectorMath.swift). Otherwise, and for the rest,
/// each runs over the contiguous elements eight at a time (`SIMD8`), split across threads for
/// large tensors: Float exp, tanh and sigmoid use the vectorised polynomials of `FastMath`;
/// other functions call the C math library per lane.
/// Every element — including a final partial group, padded — goes through the same SIMD
/// code, so results do not depend on how the work is split.
public enum UnaryOp: Sendable {
    /// eˣ.
    case exp
    /// eˣ − 1, accurate near 0.
    case expm1
    /// The natural logarithm.
    case log
    /// log(1 + x), accurate near 0.
    case log1p
    /// tanh x.
    case tanh
    /// 1/(1 + e⁻ˣ), without overflow.
    case sigmoid
    /// log(1 + eˣ), without overflow.
    case softplus
    /// max(0, x).
    case relu
    /// |x|.
    case abs
    /// √x.
    case sqrt
    /// x².
    case square
    /// sin x.
    case sin
    /// cos x.
    case cos
    /// The error function.
    case erf
    /// −1, 0 or 1 by the sign of x.
    case sign
}

/// An elementwise function as a type, so kernels specialise with it inlined.
protocol UnaryFunction {
    associatedtype T: TensorScalar
    static func apply(_ x: SIMD8<T>) -> SIMD8<T>
}

/// Applies `f` lane by lane (for functions with no vector form).
@inline(__always)
func lanes<T: TensorScalar>(_ x: SIMD8<T>, _ f: (T) -> T) -> SIMD8<T> {
    SIMD8(f(x[0]), f(x[1]), f(x[2]), f(x[3]), f(x[4]), f(x[5]), f(x[6]), f(x[7]))
}

/// Uses the Float fast path when T is Float (resolved at specialisation time).
@inline(__always)
func floatFast<T: TensorScalar>(_ x: SIMD8<T>, _ fast: (SIMD8<Float>) -> SIMD8<Float>, _ slow: (T) -> T) -> SIMD8<T> {
    if T.self == Float.self { return unsafeBitCast(fast(unsafeBitCast(x, to: SIMD8<Float>.self)), to: SIMD8<T>.self) }
    return lanes(x, slow)
}

enum ExpF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { floatFast(x, FastMath.exp, T.exp) } }
enum TanhF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { floatFast(x, FastMath.tanh, T.tanh) } }
// Written so that exp never overflows: for x < 0, σ(x) = eˣ / (1 + eˣ).
enum SigmoidF<T: TensorScalar>: UnaryFunction {
    @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> {
        floatFast(x, FastMath.sigmoid) { x in
            if x >= 0 { return 1 / (1 + T.exp(-x)) }
            let e = T.exp(x); return e / (1 + e)
        }
    }
}
enum Expm1F<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.expm1) } }
enum LogF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.log) } }
enum Log1pF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.log1p) } }
// log(1 + eˣ) = max(x, 0) + log1p(e^-|x|), stable for large |x|.
enum SoftplusF<T: TensorScalar>: UnaryFunction {
    @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x) { Swift.max($0, 0) + T.log1p(T.exp(-Swift.abs($0))) } }
}
enum ReluF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { x.replacing(with: 0, where: x .< 0) } }
enum AbsF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x) { Swift.abs($0) } } }
enum SqrtF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { x.squareRoot() } }
enum SquareF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { x * x } }
enum SinF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.sin) } }
enum CosF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.cos) } }
enum ErfF<T: TensorScalar>: UnaryFunction { @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x, T.erf) } }
enum SignF<T: TensorScalar>: UnaryFunction {
    @inline(__always) static func apply(_ x: SIMD8<T>) -> SIMD8<T> { lanes(x) { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) } }
}

/// y[i] = f(x[i]) for i < n, eight at a time; `x` and `y` may be the same buffer.
func unaryKernel<F: UnaryFunction>(_ x: UnsafePointer<F.T>, _ y: UnsafeMutablePointer<F.T>, _ n: Int, _: F.Type) {
    let groups = (n + 7) / 8
    parallelChunks(groups, threshold: parallelThreshold / 8) { r in
        for g in r {
            let i = g * 8
            if i + 8 <= n {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<F.T>.self)
                UnsafeMutableRawPointer(y + i).storeBytes(of: F.apply(v), as: SIMD8<F.T>.self)
            } else {
                // Partial group: copy through memory (lane-by-lane inserts are slow).
                let bytes = (n - i) * MemoryLayout<F.T>.stride
                var v = SIMD8<F.T>(repeating: 0)
                withUnsafeMutableBytes(of: &v) { $0.baseAddress!.copyMemory(from: x + i, byteCount: bytes) }
                let out = F.apply(v)
                withUnsafeBytes(of: out) { UnsafeMutableRawPointer(y + i).copyMemory(from: $0.baseAddress!, byteCount: bytes) }
            }
        }
    }
}

extension Tensor {
    /// Applies an elementwise function through loops specialised for the precision. `self`
    /// is consumed: an unshared temporary receives the result (BufferReuse.swift).
    public consuming func apply(_ op: UnaryOp) -> Tensor {
        if Scalar.self == Float.self { return Tensor.asSelf(unaryFloat(op, Tensor.asFloat(self))) }
        if Scalar.self == Double.self { return Tensor.asSelf(unaryDouble(op, Tensor.asDouble(self))) }
        return applyImpl(op)
    }

    consuming func applyImpl(_ op: UnaryOp) -> Tensor {
        let n = count
        if isUniquelyReferencedStorage(&scalars) {
            scalars.withUnsafeMutableBufferPointer { p in Tensor.unaryLoop(op, p.baseAddress!, p.baseAddress!, n) }
            return self
        }
        let out: [Scalar] = uninitializedArray(n) { py in
            scalars.withUnsafeBufferPointer { p in
                if let px = p.baseAddress { Tensor.unaryLoop(op, px, py, n) }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// y[i] = op(x[i]) for i < n through libmvec, else the SIMD8 kernels; x and y may be the same buffer.
    static func unaryLoop(_ op: UnaryOp, _ x: UnsafePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>, _ n: Int) {
        if vectorMath(op, x, y, n) { return }
        switch op {
        case .exp: unaryKernel(x, y, n, ExpF<Scalar>.self)
        case .expm1: unaryKernel(x, y, n, Expm1F<Scalar>.self)
        case .log: unaryKernel(x, y, n, LogF<Scalar>.self)
        case .log1p: unaryKernel(x, y, n, Log1pF<Scalar>.self)
        case .tanh: unaryKernel(x, y, n, TanhF<Scalar>.self)
        case .sigmoid: unaryKernel(x, y, n, SigmoidF<Scalar>.self)
        case .softplus: unaryKernel(x, y, n, SoftplusF<Scalar>.self)
        case .relu: unaryKernel(x, y, n, ReluF<Scalar>.self)
        case .abs: unaryKernel(x, y, n, AbsF<Scalar>.self)
        case .sqrt: unaryKernel(x, y, n, SqrtF<Scalar>.self)
        case .square: unaryKernel(x, y, n, SquareF<Scalar>.self)
        case .sin: unaryKernel(x, y, n, SinF<Scalar>.self)
        case .cos: unaryKernel(x, y, n, CosF<Scalar>.self)
        case .erf: unaryKernel(x, y, n, ErfF<Scalar>.self)
        case .sign: unaryKernel(x, y, n, SignF<Scalar>.self)
        }
    }
}

/// eˣ elementwise (NumPy `exp`; vectorised, within 2 ulp in f32).
public func exp<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.exp) }
/// eˣ − 1 elementwise, accurate for small x (NumPy `expm1`).
public func expm1<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.expm1) }
/// The natural logarithm elementwise (NumPy `log`: NaN below 0, −∞ at 0).
public func log<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.log) }
/// log(1 + x) elementwise, accurate for small x (NumPy `log1p`).
public func log1p<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.log1p) }
/// tanh elementwise (NumPy `tanh`).
public func tanh<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.tanh) }
/// 1 / (1 + e⁻ˣ), computed without overflow.
public func sigmoid<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.sigmoid) }
/// log(1 + eˣ), computed without overflow.
public func softplus<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.softplus) }
/// max(0, x) elementwise (NaN stays NaN).
public func relu<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.relu) }
/// |x| elementwise (NumPy `abs`).
public func abs<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.abs) }
/// √x elementwise (NumPy `sqrt`: NaN below 0).
public func sqrt<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.sqrt) }
/// x² elementwise (NumPy `square`).
public func square<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.square) }
/// sin elementwise (NumPy `sin`).
public func sin<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.sin) }
/// cos elementwise (NumPy `cos`).
public func cos<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.cos) }
/// The error function elementwise (SciPy `special.erf`).
public func erf<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.erf) }
/// −1, 0 or 1 by the sign of each element (NaN stays NaN, −0 stays −0).
public func sign<T>(_ x: consuming Tensor<T>) -> Tensor<T> { x.apply(.sign) }
