internal import CTensorKernels

/// Elementwise binary arithmetic with NumPy broadcasting: `+ - * /`, `pow`, `minimum`,
/// `maximum`, with tensors or scalars on either side.
/// The elementwise binary operations of the Tensor core, applied with NumPy broadcasting.
public enum BinaryOp: Sendable {
    /// a + b.
    case add
    /// a − b.
    case subtract
    /// a · b.
    case multiply
    /// a / b.
    case divide
    /// aᵇ (NumPy `power`).
    case pow
    /// The smaller of a and b; NaN if either is NaN (NumPy `minimum`).
    case minimum
    /// The larger of a and b; NaN if either is NaN (NumPy `maximum`).
    case maximum
}

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
    /// concrete precision (see Specialization.swift). An operand that is a dead temporary
    /// with the result's shape receives the result (BufferReuse.swift).
    public static func elementwise(_ op: BinaryOp, _ a: consuming Tensor, _ b: consuming Tensor) -> Tensor {
        if Scalar.self == Float.self { return asSelf(binaryFloat(op, asFloat(a), asFloat(b))) }
        if Scalar.self == Double.self { return asSelf(binaryDouble(op, asDouble(a), asDouble(b))) }
        return binaryImpl(op, a, b)
    }

    static func binaryImpl(_ op: BinaryOp, _ a: consuming Tensor, _ b: consuming Tensor) -> Tensor {
        // Equal shapes, or a one-element operand broadcast over the other: flat loops.
        if a.count > 0, b.count > 0 {
            let mode: Int32? = a.shape == b.shape ? 0 : b.count == 1 && a.rank >= b.rank ? 1 : a.count == 1 && b.rank >= a.rank ? 2 : nil
            if let mode { return flatBinary(op, mode, a, b) }
        }
        return broadcastBinary(op, a, b)
    }

    /// `a op b` for mode 0 (equal shapes), 1 (b has one element) or 2 (a has one element),
    /// written over whichever operand has the result's shape and is unshared, else fresh.
    static func flatBinary(_ op: BinaryOp, _ mode: Int32, _ a: consuming Tensor, _ b: consuming Tensor) -> Tensor {
        if mode != 2, isUniquelyReferencedStorage(&a.scalars) {
            let n = a.count
            b.scalars.withUnsafeBufferPointer { pb in
                a.scalars.withUnsafeMutableBufferPointer { pa in flatLoop(op, mode, pa.baseAddress!, pb.baseAddress!, pa.baseAddress!, n) }
            }
            return a
        }
        if mode != 1, isUniquelyReferencedStorage(&b.scalars) {
            let n = b.count
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeMutableBufferPointer { pb in
                    let z = pb.baseAddress!
                    if mode == 0 { flatLoop(op, 0, pa.baseAddress!, z, z, n) } else { flatLoop(op, 2, z, pa.baseAddress!, z, n) }
                }
            }
            return b
        }
        let (x, y) = mode == 2 ? (b, a) : (a, b)
        let out: [Scalar] = uninitializedArray(x.count) { po in
            x.scalars.withUnsafeBufferPointer { px in
                y.scalars.withUnsafeBufferPointer { py in flatLoop(op, mode, px.baseAddress!, py.baseAddress!, po, x.count) }
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// z[i] = x[i] op y[i] (mode 0), x[i] op y[0] (mode 1) or y[0] op x[i] (mode 2) for i < n,
    /// through VectorArithmetic where it covers `op`, else Swift loops; split across threads
    /// for large n. z may be x itself, or y itself in mode 0 (each element is read before it
    /// is written, at the same index).
    static func flatLoop(
        _ op: BinaryOp, _ mode: Int32, _ x: UnsafePointer<Scalar>, _ y: UnsafePointer<Scalar>,
        _ z: UnsafeMutablePointer<Scalar>, _ n: Int
    ) {
        if let k = VectorArithmetic.kernelOp(op), VectorArithmetic.available(Scalar.self) {
            VectorArithmetic.run(k, mode: mode, x, y, z, n)
            return
        }
        func run<F: BinaryFunction>(_: F.Type) where F.A == Scalar, F.B == Scalar, F.O == Scalar {
            switch mode {
            case 0: parallelChunks(n) { r in for i in r { (z + i).initialize(to: F.apply(x[i], y[i])) } }
            case 1: let s = y[0]; parallelChunks(n) { r in for i in r { (z + i).initialize(to: F.apply(x[i], s)) } }
            default: let s = y[0]; parallelChunks(n) { r in for i in r { (z + i).initialize(to: F.apply(s, x[i])) } }
            }
        }
        switch op {
        case .add: run(AddF<Scalar>.self)
        case .subtract: run(SubF<Scalar>.self)
        case .multiply: run(MulF<Scalar>.self)
        case .divide: run(DivF<Scalar>.self)
        case .pow: run(PowF<Scalar>.self)
        case .minimum: run(MinF<Scalar>.self)
        case .maximum: run(MaxF<Scalar>.self)
        }
    }

    /// The general broadcast: always a fresh result, whose shape neither operand may have.
    static func broadcastBinary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor {
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
    /// one allocation per operation, which is most of the cost on small tensors, and none
    /// when `a` is an unshared temporary (BufferReuse.swift).
    public static func elementwise(_ op: BinaryOp, _ a: consuming Tensor, scalar s: Scalar, scalarFirst: Bool = false) -> Tensor {
        if Scalar.self == Float.self {
            return asSelf(scalarFloat(op, asFloat(a), unsafeBitCast(s, to: Float.self), scalarFirst))
        }
        if Scalar.self == Double.self {
            return asSelf(scalarDouble(op, asDouble(a), unsafeBitCast(s, to: Double.self), scalarFirst))
        }
        return scalarImpl(op, a, s, scalarFirst)
    }

    static func scalarImpl(_ op: BinaryOp, _ a: consuming Tensor, _ s: Scalar, _ scalarFirst: Bool) -> Tensor {
        var s = s
        let mode: Int32 = scalarFirst ? 2 : 1, n = a.count
        if isUniquelyReferencedStorage(&a.scalars) {
            a.scalars.withUnsafeMutableBufferPointer { pa in
                withUnsafePointer(to: &s) { flatLoop(op, mode, pa.baseAddress!, $0, pa.baseAddress!, n) }
            }
            return a
        }
        let out: [Scalar] = uninitializedArray(n) { po in
            a.scalars.withUnsafeBufferPointer { px in
                withUnsafePointer(to: &s) { flatLoop(op, mode, px.baseAddress!, $0, po, n) }
            }
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    /// Applies `f` to every element (not vectorised: prefer the named functions).
    public func map(_ f: (Scalar) -> Scalar) -> Tensor { Tensor(shape: shape, scalars: scalars.map(f)) }

    // Tensor operands are `consuming`, so a temporary (`a * x` in `a * x + b`) arrives owned
    // and can receive the result.
    /// a + b elementwise with NumPy broadcasting: shapes are aligned from the right and axes of
    /// length 1 stretch, so `[n, d] + [d]` adds a row to every row.
    ///
    /// ```swift
    /// let x = Tensor<Double>(rows: [[1, 2], [3, 4]])
    /// x + Tensor([10, 20])   // [[11, 22], [13, 24]]
    /// ```
    ///
    /// - Precondition: The shapes broadcast; otherwise the cell stops naming both shapes.
    /// - Complexity: O(n) in the result's element count, vectorised (SIMD), parallel above 2¹⁶ elements.
    public static func + (a: consuming Tensor, b: consuming Tensor) -> Tensor { elementwise(.add, a, b) }
    /// a − b elementwise, with broadcasting (see ``+(_:_:)-(Tensor<Scalar>,Tensor<Scalar>)``).
    public static func - (a: consuming Tensor, b: consuming Tensor) -> Tensor { elementwise(.subtract, a, b) }
    /// a · b elementwise (NumPy `a * b`; the matrix product is ``matmul(_:_:)->Tensor<T>``), with broadcasting.
    public static func * (a: consuming Tensor, b: consuming Tensor) -> Tensor { elementwise(.multiply, a, b) }
    /// a / b elementwise, with broadcasting (IEEE: x/0 is ±∞, 0/0 NaN).
    public static func / (a: consuming Tensor, b: consuming Tensor) -> Tensor { elementwise(.divide, a, b) }

    /// s added to every element.
    public static func + (a: consuming Tensor, s: Scalar) -> Tensor { elementwise(.add, a, scalar: s) }
    /// s subtracted from every element.
    public static func - (a: consuming Tensor, s: Scalar) -> Tensor { elementwise(.subtract, a, scalar: s) }
    /// Every element times s.
    public static func * (a: consuming Tensor, s: Scalar) -> Tensor { elementwise(.multiply, a, scalar: s) }
    /// Every element divided by s.
    public static func / (a: consuming Tensor, s: Scalar) -> Tensor { elementwise(.divide, a, scalar: s) }
    /// s added to every element.
    public static func + (s: Scalar, a: consuming Tensor) -> Tensor { elementwise(.add, a, scalar: s, scalarFirst: true) }
    /// s − x for every element x.
    public static func - (s: Scalar, a: consuming Tensor) -> Tensor { elementwise(.subtract, a, scalar: s, scalarFirst: true) }
    /// s times every element.
    public static func * (s: Scalar, a: consuming Tensor) -> Tensor { elementwise(.multiply, a, scalar: s, scalarFirst: true) }
    /// s / x for every element x.
    public static func / (s: Scalar, a: consuming Tensor) -> Tensor { elementwise(.divide, a, scalar: s, scalarFirst: true) }
    /// −x for every element.
    public static prefix func - (a: consuming Tensor) -> Tensor { elementwise(.multiply, a, scalar: -1) }

    // `consume a` hands over the variable's own reference: `x += 1` then writes in place when
    // nothing else shares x's elements.
    /// a ← a + b, broadcasting `b` to `a`'s shape; reuses `a`'s storage when it is not shared.
    public static func += (a: inout Tensor, b: Tensor) { a = elementwise(.add, consume a, b) }
    /// a ← a − b, broadcasting `b`.
    public static func -= (a: inout Tensor, b: Tensor) { a = elementwise(.subtract, consume a, b) }
    /// a ← a · b elementwise, broadcasting `b`.
    public static func *= (a: inout Tensor, b: Tensor) { a = elementwise(.multiply, consume a, b) }
    /// a ← a / b elementwise, broadcasting `b`.
    public static func /= (a: inout Tensor, b: Tensor) { a = elementwise(.divide, consume a, b) }
    /// a ← a + s.
    public static func += (a: inout Tensor, s: Scalar) { a = elementwise(.add, consume a, scalar: s) }
    /// a ← a − s.
    public static func -= (a: inout Tensor, s: Scalar) { a = elementwise(.subtract, consume a, scalar: s) }
    /// a ← s·a.
    public static func *= (a: inout Tensor, s: Scalar) { a = elementwise(.multiply, consume a, scalar: s) }
    /// a ← a / s.
    public static func /= (a: inout Tensor, s: Scalar) { a = elementwise(.divide, consume a, scalar: s) }
}

/// xʸ elementwise, with broadcasting.
public func pow<T>(_ x: consuming Tensor<T>, _ y: consuming Tensor<T>) -> Tensor<T> { .elementwise(.pow, x, y) }
/// xʸ elementwise for a scalar exponent.
public func pow<T>(_ x: consuming Tensor<T>, _ y: T) -> Tensor<T> { .elementwise(.pow, x, scalar: y) }
/// Elementwise minimum with broadcasting (NaN propagates, as in NumPy).
public func minimum<T>(_ a: consuming Tensor<T>, _ b: consuming Tensor<T>) -> Tensor<T> { .elementwise(.minimum, a, b) }
/// Elementwise maximum with broadcasting (NaN propagates, as in NumPy).
public func maximum<T>(_ a: consuming Tensor<T>, _ b: consuming Tensor<T>) -> Tensor<T> { .elementwise(.maximum, a, b) }
