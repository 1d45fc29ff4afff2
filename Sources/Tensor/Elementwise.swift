/// Elementwise binary arithmetic with NumPy broadcasting: `+ - * /`, `pow`, `minimum`,
/// `maximum`, with tensors or scalars on either side.
public enum BinaryOp: Sendable { case add, subtract, multiply, divide, pow, minimum, maximum }

extension Tensor {
    /// Applies a binary operation with broadcasting. Specialised for Float and Double so that
    /// callers compiled without optimisation still get the optimised loops.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func elementwise(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor {
        func run(_ name: String, _ f: (Scalar, Scalar) -> Scalar) -> Tensor {
            let (shape, out) = broadcastZip(name, a.shape, a.scalars, b.shape, b.scalars, f)
            return Tensor(shape: shape, scalars: out)
        }
        switch op {
        case .add: return run("+", +)
        case .subtract: return run("-", -)
        case .multiply: return run("*", *)
        case .divide: return run("/", /)
        case .pow: return run("pow") { Scalar.pow($0, $1) }
        // NumPy's minimum/maximum propagate NaN.
        case .minimum: return run("minimum") { $0 < $1 || $0.isNaN ? $0 : $1 }
        case .maximum: return run("maximum") { $0 > $1 || $0.isNaN ? $0 : $1 }
        }
    }

    /// Applies `f` to every element (no vectorisation: prefer the named functions).
    public func map(_ f: (Scalar) -> Scalar) -> Tensor { Tensor(shape: shape, scalars: scalars.map(f)) }

    public static func + (a: Tensor, b: Tensor) -> Tensor { elementwise(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { elementwise(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { elementwise(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { elementwise(.divide, a, b) }

    public static func + (a: Tensor, s: Scalar) -> Tensor { elementwise(.add, a, Tensor(s)) }
    public static func - (a: Tensor, s: Scalar) -> Tensor { elementwise(.subtract, a, Tensor(s)) }
    public static func * (a: Tensor, s: Scalar) -> Tensor { elementwise(.multiply, a, Tensor(s)) }
    public static func / (a: Tensor, s: Scalar) -> Tensor { elementwise(.divide, a, Tensor(s)) }
    public static func + (s: Scalar, a: Tensor) -> Tensor { elementwise(.add, Tensor(s), a) }
    public static func - (s: Scalar, a: Tensor) -> Tensor { elementwise(.subtract, Tensor(s), a) }
    public static func * (s: Scalar, a: Tensor) -> Tensor { elementwise(.multiply, Tensor(s), a) }
    public static func / (s: Scalar, a: Tensor) -> Tensor { elementwise(.divide, Tensor(s), a) }
    public static prefix func - (a: Tensor) -> Tensor { elementwise(.multiply, a, Tensor(-1)) }

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
public func pow<T>(_ x: Tensor<T>, _ y: T) -> Tensor<T> { .elementwise(.pow, x, Tensor(y)) }
/// Elementwise minimum with broadcasting (NaN propagates, as in NumPy).
public func minimum<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> { .elementwise(.minimum, a, b) }
/// Elementwise maximum with broadcasting (NaN propagates, as in NumPy).
public func maximum<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> { .elementwise(.maximum, a, b) }
