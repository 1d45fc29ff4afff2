/// Elementwise comparisons (→ `BoolTensor`) and `where`, with NumPy broadcasting. The
/// pointwise operators `.<`, `.==`, … are the standard library's (the ones SIMD uses).
extension Tensor {
    @inline(__always)
    static func compare(_ name: String, _ a: Tensor, _ b: Tensor, _ f: (Scalar, Scalar) -> Bool) -> BoolTensor {
        let (s, v) = broadcastZip(name, a.shape, a.scalars, b.shape, b.scalars, f)
        return BoolTensor(shape: s, scalars: v)
    }
    public static func .< (a: Tensor, b: Tensor) -> BoolTensor { compare(".<", a, b, <) }
    public static func .<= (a: Tensor, b: Tensor) -> BoolTensor { compare(".<=", a, b, <=) }
    public static func .> (a: Tensor, b: Tensor) -> BoolTensor { compare(".>", a, b, >) }
    public static func .>= (a: Tensor, b: Tensor) -> BoolTensor { compare(".>=", a, b, >=) }
    public static func .== (a: Tensor, b: Tensor) -> BoolTensor { compare(".==", a, b, ==) }
    public static func .!= (a: Tensor, b: Tensor) -> BoolTensor { compare(".!=", a, b, !=) }
    public static func .< (a: Tensor, s: Scalar) -> BoolTensor { compare(".<", a, Tensor(s), <) }
    public static func .<= (a: Tensor, s: Scalar) -> BoolTensor { compare(".<=", a, Tensor(s), <=) }
    public static func .> (a: Tensor, s: Scalar) -> BoolTensor { compare(".>", a, Tensor(s), >) }
    public static func .>= (a: Tensor, s: Scalar) -> BoolTensor { compare(".>=", a, Tensor(s), >=) }
    public static func .== (a: Tensor, s: Scalar) -> BoolTensor { compare(".==", a, Tensor(s), ==) }
    public static func .!= (a: Tensor, s: Scalar) -> BoolTensor { compare(".!=", a, Tensor(s), !=) }

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
    var out = [T](repeating: 0, count: shape.reduce(1, *))
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
