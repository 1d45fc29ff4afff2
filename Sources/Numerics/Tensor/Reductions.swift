/// Reductions along an axis (NumPy `axis=`, `keepdims=`) and over all elements.
///
/// An axis reduction views the tensor as [outer, n, inner] and combines the n slices; the
/// order of combination is fixed, so results do not depend on threads.
extension Tensor {
    /// Splits `shape` around `axis` into (outer, n, inner) and the result shape.
    func axisLayout(_ op: String, _ axis: Int, keepDims: Bool) -> (outer: Int, n: Int, inner: Int, shape: [Int]) {
        let a = normalizeAxis(op, axis, rank: rank)
        let outer = shape[..<a].reduce(1, *), inner = shape[(a + 1)...].reduce(1, *)
        var s = shape
        if keepDims { s[a] = 1 } else { s.remove(at: a) }
        return (outer, shape[a], inner, s)
    }

    /// Folds the n slices along `axis` with `F`, starting from the first slice.
    func foldAxis<F: BinaryFunction>(_ op: String, _ axis: Int, keepDims: Bool, _: F.Type) -> Tensor
    where F.A == Scalar, F.B == Scalar, F.O == Scalar {
        let (outer, n, inner, s) = axisLayout(op, axis, keepDims: keepDims)
        guard n > 0 else { fatalError("\(op): cannot reduce an empty axis \(axis) of shape \(shape)") }
        var out = [Scalar](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<outer {
                    let base = i * n * inner
                    for j in 0..<inner { o[i * inner + j] = p[base + j] }
                    for k in 1..<Swift.max(n, 1) {
                        let row = base + k * inner
                        for j in 0..<inner { o[i * inner + j] = F.apply(o[i * inner + j], p[row + j]) }
                    }
                }
            }
        }
        return Tensor(shape: s, scalars: out)
    }

    /// Sum of all elements (eight interleaved partial sums, for speed and accuracy).
    public func sum() -> Scalar {
        if Scalar.self == Float.self { return unsafeBitCast(sumFloat(Tensor.asFloat(self)), to: Scalar.self) }
        if Scalar.self == Double.self { return unsafeBitCast(sumDouble(Tensor.asDouble(self)), to: Scalar.self) }
        return sumImpl()
    }

    func sumImpl() -> Scalar {
        scalars.withUnsafeBufferPointer { p in
            var acc = SIMD8<Scalar>(repeating: 0)
            let n = p.count, m = n & ~7
            var i = 0
            while i < m {
                acc += SIMD8(p[i], p[i + 1], p[i + 2], p[i + 3], p[i + 4], p[i + 5], p[i + 6], p[i + 7])
                i += 8
            }
            var s = acc.sum()
            while i < n { s += p[i]; i += 1 }
            return s
        }
    }

    /// The sum along `axis` (NumPy `a.sum(axis=k)`); negative axes count from the end.
    ///
    /// ```swift
    /// Tensor<Double>(rows: [[1, 2], [3, 4]]).sum(axis: 0)   // [4, 6]
    /// ```
    ///
    /// - Parameters:
    ///   - axis: The axis to sum over.
    ///   - keepDims: Keep it with length 1, so the result broadcasts against `self`.
    /// - Returns: A tensor of rank `rank − 1` (or `rank` with `keepDims`).
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor { fold(.sum, axis: axis, keepDims: keepDims) }

    func fold(_ kind: Fold, axis: Int, keepDims: Bool) -> Tensor {
        if Scalar.self == Float.self { return Tensor.asSelf(foldFloat(Tensor.asFloat(self), kind, axis, keepDims)) }
        if Scalar.self == Double.self { return Tensor.asSelf(foldDouble(Tensor.asDouble(self), kind, axis, keepDims)) }
        return foldImpl(kind, axis: axis, keepDims: keepDims)
    }

    func foldImpl(_ kind: Fold, axis: Int, keepDims: Bool) -> Tensor {
        switch kind {
        case .sum:
            let (_, n, _, s) = axisLayout("sum", axis, keepDims: keepDims)
            if n == 0 { return .zeros(s) }
            return foldAxis("sum", axis, keepDims: keepDims, AddF<Scalar>.self)
        case .max: return foldAxis("max", axis, keepDims: keepDims, MaxF<Scalar>.self)
        case .min: return foldAxis("min", axis, keepDims: keepDims, MinF<Scalar>.self)
        }
    }

    /// The mean of all elements (NaN for an empty tensor, as NumPy).
    public func mean() -> Scalar {
        guard count > 0 else { fatalError("mean: tensor of shape \(shape) is empty") }
        return sum() / Scalar(count)
    }
    /// The mean along `axis` (NumPy `a.mean(axis=k)`).
    ///
    /// - Parameters:
    ///   - axis: The axis to average over; negative counts from the end.
    ///   - keepDims: Keep it with length 1.
    /// - Returns: A tensor without that axis (or with it of length 1).
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let n = shape[normalizeAxis("mean", axis, rank: rank)]
        guard n > 0 else { fatalError("mean: axis \(axis) of shape \(shape) is empty") }
        return sum(axis: axis, keepDims: keepDims) / Scalar(n)
    }

    /// Largest element (NaN if any element is NaN, as NumPy).
    public func max() -> Scalar {
        guard count > 0 else { fatalError("max: tensor of shape \(shape) is empty") }
        return scalars.dropFirst().reduce(scalars[0]) { $0 > $1 || $0.isNaN ? $0 : $1 }
    }
    /// Smallest element (NaN if any element is NaN, as NumPy).
    public func min() -> Scalar {
        guard count > 0 else { fatalError("min: tensor of shape \(shape) is empty") }
        return scalars.dropFirst().reduce(scalars[0]) { $0 < $1 || $0.isNaN ? $0 : $1 }
    }
    /// The maximum along `axis` (NumPy `a.max(axis=k)`; NaN propagates).
    public func max(axis: Int, keepDims: Bool = false) -> Tensor { fold(.max, axis: axis, keepDims: keepDims) }
    /// The minimum along `axis` (NumPy `a.min(axis=k)`; NaN propagates).
    public func min(axis: Int, keepDims: Bool = false) -> Tensor { fold(.min, axis: axis, keepDims: keepDims) }

    /// Index of the first largest element along `axis` (NumPy `argmax`).
    public func argmax(axis: Int, keepDims: Bool = false) -> IntTensor { argBest("argmax", axis, keepDims, >) }
    /// Index of the first smallest element along `axis` (NumPy `argmin`).
    public func argmin(axis: Int, keepDims: Bool = false) -> IntTensor { argBest("argmin", axis, keepDims, <) }
    /// Flat index of the first largest element.
    public func argmax() -> Int { flattened().argBest("argmax", 0, false, >).scalars[0] }
    /// Flat index of the first smallest element.
    public func argmin() -> Int { flattened().argBest("argmin", 0, false, <).scalars[0] }

    func argBest(_ op: String, _ axis: Int, _ keepDims: Bool, _ better: (Scalar, Scalar) -> Bool) -> IntTensor {
        let (outer, n, inner, s) = axisLayout(op, axis, keepDims: keepDims)
        guard n > 0 else { fatalError("\(op): axis \(axis) of shape \(shape) is empty") }
        var out = [Int](repeating: 0, count: outer * inner)
        for i in 0..<outer {
            for j in 0..<inner {
                var best = scalars[i * n * inner + j], at = 0
                for k in 1..<n {
                    let x = scalars[(i * n + k) * inner + j]
                    if best.isNaN { break }  // NumPy: the first NaN wins
                    if better(x, best) || x.isNaN { best = x; at = k }
                }
                out[i * inner + j] = at
            }
        }
        return IntTensor(shape: s, scalars: out)
    }

    /// Variance with `ddof` delta degrees of freedom (NumPy `var`: ddof 0; sample variance: 1),
    /// computed two-pass (subtract the mean first) for accuracy.
    public func variance(ddof: Int = 0) -> Scalar {
        guard count > ddof else { fatalError("variance: \(count) elements, ddof \(ddof)") }
        let d = self - mean()
        return (d * d).sum() / Scalar(count - ddof)
    }
    /// The variance along `axis` with `ddof` delta degrees of freedom (NumPy `a.var(axis=k, ddof=…)`).
    public func variance(axis: Int, ddof: Int = 0, keepDims: Bool = false) -> Tensor {
        let n = shape[normalizeAxis("variance", axis, rank: rank)]
        guard n > ddof else { fatalError("variance: axis \(axis) of shape \(shape) has \(n) elements, ddof \(ddof)") }
        let d = self - mean(axis: axis, keepDims: true)
        return (d * d).sum(axis: axis, keepDims: keepDims) / Scalar(n - ddof)
    }
    /// The standard deviation of all elements, √variance (NumPy `std`: ddof 0).
    public func std(ddof: Int = 0) -> Scalar { variance(ddof: ddof).squareRoot() }
    /// The standard deviation along `axis` (NumPy `a.std(axis=k, ddof=…)`).
    public func std(axis: Int, ddof: Int = 0, keepDims: Bool = false) -> Tensor {
        sqrt(variance(axis: axis, ddof: ddof, keepDims: keepDims))
    }

    /// p-norm of all elements (Frobenius for matrices with p = 2); p = .infinity gives max |x|.
    public func norm(_ p: Scalar = 2) -> Scalar {
        if p == .infinity { return count == 0 ? 0 : abs(self).max() }
        if p == 2 {
            // Scaled so that squares neither overflow nor underflow.
            let m = count == 0 ? 0 : abs(self).max()
            if m == 0 || !m.isFinite { return m }
            let s = self / m
            return m * (s * s).sum().squareRoot()
        }
        if p == 1 { return abs(self).sum() }
        return Scalar.pow(pow(abs(self), p).sum(), 1 / p)
    }
    /// 2-norm along an axis.
    public func norm(axis: Int, keepDims: Bool = false) -> Tensor { sqrt((self * self).sum(axis: axis, keepDims: keepDims)) }

    /// log Σ exp(x) along `axis`, shifted by the maximum so it neither overflows nor underflows.
    public func logsumexp(axis: Int, keepDims: Bool = false) -> Tensor {
        let m = max(axis: axis, keepDims: true)
        let safeM = `where`(m .== Tensor(Scalar.infinity) || m .== Tensor(-Scalar.infinity), Tensor(0), m)
        let r = log(exp(self - safeM).sum(axis: axis, keepDims: true)) + safeM
        return keepDims ? r : r.squeezed(axis: axis)
    }
    /// log Σ exp(x) over all elements, without overflow (SciPy `logsumexp`).
    public func logsumexp() -> Scalar { flattened().logsumexp(axis: 0).scalar }

    /// exp(x) / Σ exp(x) along `axis` (default: last), computed shifted by the maximum.
    public func softmax(axis: Int = -1) -> Tensor {
        if Scalar.self == Float.self { return Tensor.asSelf(softmaxFloat(Tensor.asFloat(self), axis)) }
        if Scalar.self == Double.self { return Tensor.asSelf(softmaxDouble(Tensor.asDouble(self), axis)) }
        return softmaxImpl(axis: axis)
    }

    func softmaxImpl(axis: Int) -> Tensor {
        let (outer, n, inner, _) = axisLayout("softmax", axis, keepDims: true)
        if inner == 1 && n > 0 {
            // Rows are contiguous and independent: each row is shifted by its max,
            // exponentiated (vectorised) and scaled by 1 / its sum; rows are split across
            // threads, so the result does not depend on the thread count.
            var out = scalars
            out.withUnsafeMutableBufferPointer { o in
                let base = o.baseAddress!
                parallelChunks(outer, threshold: Swift.max(1, parallelThreshold / n)) { rows in
                    if softmaxRows(base + rows.lowerBound * n, rows.count, n) { return }
                    for i in rows {
                        let row = base + i * n
                        let m = rowMax(row, n)  // a NaN row comes out all NaN through exp and the sum
                        for k in 0..<n { row[k] -= m }
                        unaryKernel(row, row, n, ExpF<Scalar>.self)
                        let inv = 1 / rowSum(row, n)
                        for k in 0..<n { row[k] *= inv }
                    }
                }
            }
            return Tensor(shape: shape, scalars: out)
        }
        let e = exp(self - max(axis: axis, keepDims: true))
        return e / e.sum(axis: axis, keepDims: true)
    }
    /// log of softmax, computed as x − logsumexp(x).
    public func logSoftmax(axis: Int = -1) -> Tensor { self - logsumexp(axis: axis, keepDims: true) }

    /// Running sums along `axis` (NumPy `cumsum`).
    public func cumsum(axis: Int) -> Tensor {
        let (outer, n, inner, _) = axisLayout("cumsum", axis, keepDims: true)
        var out = scalars
        for i in 0..<outer {
            for k in 1..<Swift.max(n, 1) {
                let row = (i * n + k) * inner, prev = row - inner
                for j in 0..<inner { out[row + j] += out[prev + j] }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }
}

/// Largest of n contiguous values, eight lanes at a time (NaNs are skipped).
@inline(__always)
func rowMax<T: TensorScalar>(_ p: UnsafeMutablePointer<T>, _ n: Int) -> T {
    var m = p[0]
    var i = 0
    if n >= 8 {
        var acc = UnsafeRawPointer(p).loadUnaligned(as: SIMD8<T>.self)
        i = 8
        while i + 8 <= n {
            let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<T>.self)
            acc.replace(with: v, where: v .> acc)
            i += 8
        }
        m = acc[0]
        for j in 1..<8 where acc[j] > m { m = acc[j] }
    }
    while i < n { if p[i] > m { m = p[i] }; i += 1 }
    return m
}

/// Sum of n contiguous values with eight interleaved partial sums.
@inline(__always)
func rowSum<T: TensorScalar>(_ p: UnsafeMutablePointer<T>, _ n: Int) -> T {
    var acc = SIMD8<T>(repeating: 0)
    var i = 0
    while i + 8 <= n { acc += UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<T>.self); i += 8 }
    var s = acc.sum()
    while i < n { s += p[i]; i += 1 }
    return s
}

/// The axis reductions that share `foldAxis`, dispatched to specialised code.
enum Fold { case sum, max, min }

/// Sum of all elements (a free function for NumPy habits: `sum(x)`).
public func sum<T>(_ x: Tensor<T>) -> T { x.sum() }
