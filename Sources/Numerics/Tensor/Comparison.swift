/// Elementwise comparisons (→ `BoolTensor`) and `where`, with NumPy broadcasting. The
/// pointwise operators `.<`, `.==`, … are the standard library's (the ones SIMD uses).
enum LessF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a < b } }
enum LessEqualF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a <= b } }
enum GreaterF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a > b } }
enum GreaterEqualF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a >= b } }
enum EqualF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a == b } }
enum NotEqualF<T: TensorScalar>: BinaryFunction { @inline(__always) static func apply(_ a: T, _ b: T) -> Bool { a != b } }

/// The elementwise comparisons `.<`, `.<=`, `.>`, `.>=`, `.==`, `.!=` (a ``BoolTensor`` result).
public enum ComparisonOp: Sendable {
    /// a < b.
    case less
    /// a ≤ b.
    case lessEqual
    /// a > b.
    case greater
    /// a ≥ b.
    case greaterEqual
    /// a == b (NaN equals nothing).
    case equal
    /// a ≠ b (true for NaN).
    case notEqual
}

extension Tensor {
    static func compare<F: BinaryFunction>(_ name: String, _ a: Tensor, _ b: Tensor, _ f: F.Type) -> BoolTensor
    where F.A == Scalar, F.B == Scalar, F.O == Bool {
        let (s, v) = broadcastZip(name, a.shape, a.scalars, b.shape, b.scalars, f)
        return BoolTensor(shape: s, scalars: v)
    }
    /// Compares elementwise with broadcasting (specialised like `elementwise`).
    public static func comparison(_ op: ComparisonOp, _ a: Tensor, _ b: Tensor) -> BoolTensor {
        if Scalar.self == Float.self { return compareFloat(op, asFloat(a), asFloat(b)) }
        if Scalar.self == Double.self { return compareDouble(op, asDouble(a), asDouble(b)) }
        return comparisonImpl(op, a, b)
    }

    static func comparisonImpl(_ op: ComparisonOp, _ a: Tensor, _ b: Tensor) -> BoolTensor {
        switch op {
        case .less: return compare(".<", a, b, LessF<Scalar>.self)
        case .lessEqual: return compare(".<=", a, b, LessEqualF<Scalar>.self)
        case .greater: return compare(".>", a, b, GreaterF<Scalar>.self)
        case .greaterEqual: return compare(".>=", a, b, GreaterEqualF<Scalar>.self)
        case .equal: return compare(".==", a, b, EqualF<Scalar>.self)
        case .notEqual: return compare(".!=", a, b, NotEqualF<Scalar>.self)
        }
    }

    /// a < b elementwise, with broadcasting (NumPy `a < b`; Swift keeps `<` for ordering, hence the dot).
    public static func .< (a: Tensor, b: Tensor) -> BoolTensor { comparison(.less, a, b) }
    /// a ≤ b elementwise, with broadcasting.
    public static func .<= (a: Tensor, b: Tensor) -> BoolTensor { comparison(.lessEqual, a, b) }
    /// a > b elementwise, with broadcasting.
    public static func .> (a: Tensor, b: Tensor) -> BoolTensor { comparison(.greater, a, b) }
    /// a ≥ b elementwise, with broadcasting.
    public static func .>= (a: Tensor, b: Tensor) -> BoolTensor { comparison(.greaterEqual, a, b) }
    /// a == b elementwise, with broadcasting (`==` on tensors compares whole tensors).
    public static func .== (a: Tensor, b: Tensor) -> BoolTensor { comparison(.equal, a, b) }
    /// a ≠ b elementwise, with broadcasting.
    public static func .!= (a: Tensor, b: Tensor) -> BoolTensor { comparison(.notEqual, a, b) }
    /// Each element < s: `(x .< 0).scalars` marks the negative entries.
    public static func .< (a: Tensor, s: Scalar) -> BoolTensor { comparison(.less, a, Tensor(s)) }
    /// Each element ≤ s.
    public static func .<= (a: Tensor, s: Scalar) -> BoolTensor { comparison(.lessEqual, a, Tensor(s)) }
    /// Each element > s: `x.masked(x .> 0)` keeps the positive entries.
    public static func .> (a: Tensor, s: Scalar) -> BoolTensor { comparison(.greater, a, Tensor(s)) }
    /// Each element ≥ s.
    public static func .>= (a: Tensor, s: Scalar) -> BoolTensor { comparison(.greaterEqual, a, Tensor(s)) }
    /// Each element == s.
    public static func .== (a: Tensor, s: Scalar) -> BoolTensor { comparison(.equal, a, Tensor(s)) }
    /// Each element ≠ s.
    public static func .!= (a: Tensor, s: Scalar) -> BoolTensor { comparison(.notEqual, a, Tensor(s)) }

    /// The elements where `mask` is true, in row-major order, as a 1-D tensor
    /// (NumPy `a[mask]`; shapes must match exactly).
    public func masked(_ mask: BoolTensor) -> Tensor {
        guard mask.shape == shape else { fatalError("masked: mask shape \(mask.shape) differs from tensor shape \(shape)") }
        return Tensor(zip(scalars, mask.scalars).compactMap { $1 ? $0 : nil })
    }
}

/// `condition ? a : b` elementwise, all three broadcast together (NumPy `where`).
public func `where`<T>(_ condition: BoolTensor, _ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    let shape = broadcastShapes("where", broadcastShapes("where", condition.shape, a.shape), b.shape)
    let sc = broadcastStrides(condition.shape, to: shape)
    let sa = broadcastStrides(a.shape, to: shape), sb = broadcastStrides(b.shape, to: shape)
    var out: [T] = filled(0, count: shape.reduce(1, *))
    condition.scalars.withUnsafeBufferPointer { pc in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                forEachOffset(shape, sc, sa, sb) { i, oc, oa, ob in out[i] = pc[oc] ? pa[oa] : pb[ob] }
            }
        }
    }
    return Tensor(shape: shape, scalars: out)
}

/// `condition ? a : b` with scalar branches.
public func `where`<T>(_ condition: BoolTensor, _ a: T, _ b: T) -> Tensor<T> {
    `where`(condition, Tensor(a), Tensor(b))
}

extension BoolTensor {
    /// `mask.select(a, b)` is `where(mask, a, b)`: reads without the keyword's backticks.
    public func select<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> { `where`(self, a, b) }
    /// `self ? a : b` elementwise with a scalar second branch (NumPy `where(mask, a, b)`).
    ///
    /// - Parameters:
    ///   - a: Taken where the mask is true (broadcast with the mask).
    ///   - b: Taken where it is false.
    /// - Returns: A tensor of the broadcast shape.
    public func select<T>(_ a: Tensor<T>, _ b: T) -> Tensor<T> { `where`(self, a, Tensor(b)) }
}
