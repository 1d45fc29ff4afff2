/// Elementwise binary arithmetic with NumPy broadcasting: `+ - * /`, `pow`, `minimum`,
/// `maximum`, with tensors or scalars on either side.
public enum BinaryOp: Sendable { case add, subtract, multiply, divide, pow, minimum, maximum }

enum AddF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a + b } }
enum SubF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a - b } }
enum MulF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a * b } }
enum DivF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a / b } }
enum PowF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { T.pow(a, b) } }
// NumPy's minimum/maximum propagate NaN.
enum MinF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a < b || a.isNaN ? a : b } }
enum MaxF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> T { a > b || a.isNaN ? a : b } }

extension Tensor {
    /// Applies a binary operation with broadcasting, through loops specialised for the
    /// concrete precision (see Specialization.swift).
    public static func elementwise(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor {
        if Scalar.self == Float.self { return asSelf(binaryFloat(op, asFloat(a), asFloat(b))) }
        if Scalar.self == Double.self { return asSelf(binaryDouble(op, asDouble(a), asDouble(b))) }
        return binaryImpl(op, a, b)
    }

    static func binaryImpl(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor {
        // Equal shapes, or a one-element operand broadcast over the other: the vector kernels.
        if let k = VectorArithmetic.kernelOp(op), VectorArithmetic.available(Scalar.self), a.count > 0, b.count > 0 {
            let mode: Int32? = a.shape == b.shape ? 0 : b.count == 1 && a.rank >= b.rank ? 1 : a.count == 1 && b.rank >= a.rank ? 2 : nil
            if let mode {
                let (x, y) = mode == 2 ? (b, a) : (a, b)
                let out: [Scalar] = uninitializedArray(x.count) { po in
                    x.scalars.withUnsafeBufferPointer { px in
                        y.scalars.withUnsafeBufferPointer { py in VectorArithmetic.run(k, mode: mode, px.baseAddress!, py.baseAddress!, po, x.count) }
                    }
                }
                return Tensor(shape: x.shape, scalars: out)
            }
        }
        func run<F: BinaryFunction>(_ name: String, _ f: F.Type) -> Tensor where F.A == Scalar, F.B == Scalar, F.O == Scalar {
            let (shape, out) = broadcastZip(name, a.shape, a.scalars, b.shape, b.scalars, f)
            return Tensor(shape: shape, scalars: out)
        }
        switch op {
        case .add: return run("+", AddF<Scalar>.self)
        case .subtract: return run("-", SubF<Scalar>.self)
        case .multiply: return run("*", MulF<Scalar>.self)
        case .divide: return run("/", DivF<Scalar>.self)
        case .pow: return run("pow", PowF<Scalar>.self)
        case .minimum: return run("minimum", MinF<Scalar>.self)
        case .maximum: return run("maximum", MaxF<Scalar>.self)
        }
    }

    /// `a op s` (or `s op a` when `scalarFirst`) without materialising the scalar as a tensor:
    /// one allocation per operation, which is most of the cost on small tensors.
    public static func elementwise(_ op: BinaryOp, _ a: Tensor, scalar s: Scalar, scalarFirst: Bool = false) -> Tensor {
        if Scalar.self == Float.self {
            return asSelf(scalarFloat(op, asFloat(a), unsafeBitCast(s, to: Float.self), scalarFirst))
        }
        if Scalar.self == Double.self {
            return asSelf(scalarDouble(op, asDouble(a), unsafeBitCast(s, to: Double.self), scalarFirst))
        }
        return scalarImpl(op, a, s, scalarFirst)
    }

    static func scalarImpl(_ op: BinaryOp, _ a: Tensor, _ s: Scalar, _ scalarFirst: Bool) -> Tensor {
        if let k = VectorArithmetic.kernelOp(op), VectorArithmetic.available(Scalar.self), a.count > 0 {
            var s = s
            let out: [Scalar] = uninitializedArray(a.count) { po in
                a.scalars.withUnsafeBufferPointer { px in
                    withUnsafePointer(to: &s) { VectorArithmetic.run(k, mode: scalarFirst ? 2 : 1, px.baseAddress!, $0, po, a.count) }
                }
            }
            return Tensor(shape: a.shape, scalars: out)
        }
        func run<F: BinaryFunction>(_ f: F.Type) -> Tensor where F.A == Scalar, F.B == Scalar, F.O == Scalar {
            let n = a.count
            let out = [Scalar](unsafeUninitializedCapacity: n) { out, initialized in
                a.scalars.withUnsafeBufferPointer { pa in
                    guard let po = out.baseAddress, let xa = pa.baseAddress else { return }
                    if scalarFirst {
                        parallelChunks(n) { r in for i in r { (po + i).initialize(to: F.apply(s, xa[i])) } }
                    } else {
                        parallelChunks(n) { r in for i in r { (po + i).initialize(to: F.apply(xa[i], s)) } }
                    }
                }
                initialized = n
            }
            return Tensor(shape: a.shape, scalars: out)
        }
        switch op {
        case .add: return run(AddF<Scalar>.self)
        case .subtract: return run(SubF<Scalar>.self)
        case .multiply: return run(MulF<Scalar>.self)
        case .divide: return run(DivF<Scalar>.self)
        case .pow: return run(PowF<Scalar>.self)
        case .minimum: return run(MinF<Scalar>.self)
        case .maximum: return run(MaxF<Scalar>.self)
        }
    }

    /// Applies `f` to every element (not vectorised: prefer the named functions).
    public func map(_ f: (Scalar) -> Scalar) -> Tensor { Tensor(shape: shape, scalars: scalars.map(f)) }

    public static func + (a: Tensor, b: Tensor) -> Tensor { elementwise(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { elementwise(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { elementwise(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { elementwise(.divide, a, b) }

    public static func + (a: Tensor, s: Scalar) -> Tensor { elementwise(.add, a, scalar: s) }
    public static func - (a: Tensor, s: Scalar) -> Tensor { elementwise(.subtract, a, scalar: s) }
    public static func * (a: Tensor, s: Scalar) -> Tensor { elementwise(.multiply, a, scalar: s) }
    public static func / (a: Tensor, s: Scalar) -> Tensor { elementwise(.divide, a, scalar: s) }
    public static func + (s: Scalar, a: Tensor) -> Tensor { elementwise(.add, a, scalar: s, scalarFirst: true) }
    public static func - (s: Scalar, a: Tensor) -> Tensor { elementwise(.subtract, a, scalar: s, scalarFirst: true) }
    public static func * (s: Scalar, a: Tensor) -> Tensor { elementwise(.multiply, a, scalar: s, scalarFirst: true) }
    public static func / (s: Scalar, a: Tensor) -> Tensor { elementwise(.divide, a, scalar: s, scalarFirst: true) }
    public static prefix func - (a: Tensor) -> Tensor { elementwise(.multiply, a, scalar: -1) }

    public static func += (a: inout Tensor, b: Tensor) { a = a + b }
    public static func -= (a: inout Tensor, b: Tensor) { a = a - b }
    public static func *= (a: inout Tensor, b: Tensor) { a = a * b }
    public static func /= (a: inout Tensor, b: Tensor) { a = a / b }
    public static func += (a: inout Tensor, s: Scalar) { a = a + s }
    public static func -= (a: inout Tensor, s: Scalar) { a = a - s }
    public static func *= (a: inout Tensor, s: Scalar) { a = a * s }
    public static func /= (a: inout Tensor, s: Scalar) { a = a / s }
}

/// xʸ elementwise, with broadcasting.
public func pow<T>(_ x: Tensor<T>, _ y: Tensor<T>) -> Tensor<T> { .elementwise(.pow, x, y) }
/// xʸ elementwise for a scalar exponent.
public func pow<T>(_ x: Tensor<T>, _ y: T) -> Tensor<T> { .elementwise(.pow, x, scalar: y) }
/// Elementwise minimum with broadcasting (NaN propagates, as in NumPy).
public func minimum<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> { .elementwise(.minimum, a, b) }
/// Elementwise maximum with broadcasting (NaN propagates, as in NumPy).
public func maximum<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> { .elementwise(.maximum, a, b) }
