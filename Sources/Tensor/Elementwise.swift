/// Elementwise arithmetic on tensors of equal shape, and scalar–tensor arithmetic.
/// (NumPy broadcasting comes with the full tensor core.)
extension Tensor {
    @inline(__always)
    static func zipShapes(_ op: String, _ a: Tensor, _ b: Tensor) {
        guard a.shape == b.shape else { fatalError("\(op): shapes \(a.shape) and \(b.shape) differ") }
    }

    public func map(_ f: (Scalar) -> Scalar) -> Tensor { Tensor(shape: shape, scalars: scalars.map(f)) }

    public static func + (a: Tensor, b: Tensor) -> Tensor {
        zipShapes("+", a, b); return Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map(+))
    }
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        zipShapes("-", a, b); return Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map(-))
    }
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        zipShapes("*", a, b); return Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map(*))
    }
    public static func * (s: Scalar, a: Tensor) -> Tensor { a.map { s * $0 } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Sum of all elements.
    public func sum() -> Scalar { scalars.reduce(0, +) }

    /// The transpose of a 2-D tensor.
    public func transposed() -> Tensor {
        guard rank == 2 else { fatalError("transposed(): needs a 2-D tensor, got shape \(shape)") }
        let (m, n) = (shape[0], shape[1])
        var out = [Scalar](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { out[j * m + i] = scalars[i * n + j] } }
        return Tensor(shape: [n, m], scalars: out)
    }
}

/// max(0, x) elementwise.
public func relu<T>(_ x: Tensor<T>) -> Tensor<T> { x.map { max(0, $0) } }
