/// NumPy's constructors: full, arange, linspace, eye, zeros/ones like another tensor.
extension Tensor {
    /// A tensor of `shape` with every element `value`.
    public static func full(_ shape: [Int], _ value: Scalar) -> Tensor { Tensor(shape: shape, repeating: value) }

    /// Zeros of `t`'s shape (NumPy `zeros_like`).
    public static func zeros(like t: Tensor) -> Tensor { zeros(t.shape) }
    /// Ones of `t`'s shape (NumPy `ones_like`).
    public static func ones(like t: Tensor) -> Tensor { ones(t.shape) }

    /// start, start + step, … up to but excluding `end` (NumPy `arange`); the count is
    /// ⌈(end − start) / step⌉ and element i is start + i·step (no accumulated rounding).
    public static func arange(_ start: Scalar, _ end: Scalar, step: Scalar = 1) -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else {
            fatalError("arange(\(start), \(end), step: \(step)): step must be finite and non-zero")
        }
        let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<n).map { start + Scalar($0) * step })
    }

    /// 0, 1, …, n − 1.
    public static func arange(_ n: Int) -> Tensor { Tensor((0..<n).map { Scalar($0) }) }

    /// `count` evenly spaced values from `start` to `end` inclusive (NumPy `linspace`); the
    /// last element is exactly `end`.
    public static func linspace(_ start: Scalar, _ end: Scalar, count: Int) -> Tensor {
        guard count >= 0 else { fatalError("linspace: count \(count) is negative") }
        if count == 1 { return Tensor([start]) }
        let step = (end - start) / Scalar(count - 1)
        return Tensor((0..<count).map { $0 == count - 1 ? end : start + Scalar($0) * step })
    }

    /// The n×m matrix with ones on the diagonal (m defaults to n).
    public static func eye(_ n: Int, _ m: Int? = nil) -> Tensor {
        let m = m ?? n
        var t = zeros([n, m])
        for i in 0..<Swift.min(n, m) { t.scalars[i * m + i] = 1 }
        return t
    }

    /// A square matrix with `values` on its diagonal.
    public static func diagonal(_ values: Tensor) -> Tensor {
        guard values.rank == 1 else { fatalError("diagonal: needs a 1-D tensor, got shape \(values.shape)") }
        let n = values.count
        var t = zeros([n, n])
        for i in 0..<n { t.scalars[i * n + i] = values.scalars[i] }
        return t
    }

    /// The diagonal of a 2-D tensor.
    public func diagonal() -> Tensor {
        guard rank == 2 else { fatalError("diagonal(): needs a 2-D tensor, got shape \(shape)") }
        return Tensor((0..<Swift.min(shape[0], shape[1])).map { scalars[$0 * shape[1] + $0] })
    }

    /// The sum of the diagonal of a 2-D tensor.
    public func trace() -> Scalar { diagonal().scalars.reduce(0, +) }

    /// The same values converted to another precision.
    public func asType<U: TensorScalar>(_: U.Type) -> Tensor<U> { Tensor<U>(shape: shape, scalars: scalars.map { U($0) }) }
}

extension Tensor: ExpressibleByArrayLiteral {
    /// `[1, 2, 3]` is a 1-D tensor.
    public init(arrayLiteral elements: Scalar...) { self.init(elements) }
}
