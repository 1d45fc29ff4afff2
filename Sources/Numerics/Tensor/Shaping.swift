/// Reshape, transpose/permute, slicing, squeeze. Storage is contiguous, so every result
/// here is a new contiguous tensor (a reshape reuses the storage: copy-on-write).
extension Tensor {
    /// The same elements with a new shape; one dimension may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var s = newShape
        let known = s.filter { $0 != -1 }.reduce(1, *)
        let holes = s.indices.filter { s[$0] == -1 }
        guard holes.count <= 1, s.allSatisfy({ $0 >= -1 }) else {
            fatalError("reshaped: shape \(newShape) may contain at most one -1 and no other negative size")
        }
        if let h = holes.first {
            guard known > 0, count % known == 0 else { fatalError("reshaped: cannot reshape \(shape) (\(count) elements) to \(newShape)") }
            s[h] = count / known
        }
        guard s.reduce(1, *) == count else { fatalError("reshaped: cannot reshape \(shape) (\(count) elements) to \(newShape)") }
        return Tensor(shape: s, scalars: scalars)
    }
    /// `reshaped([…])` with the lengths as arguments: `x.reshaped(2, -1)`.
    public func reshaped(_ newShape: Int...) -> Tensor { reshaped(newShape) }

    /// All elements as a 1-D tensor.
    public func flattened() -> Tensor { Tensor(shape: [count], scalars: scalars) }

    /// Storage is always contiguous; kept so NumPy/PyTorch habits compile.
    public func contiguous() -> Tensor { self }

    /// Axes reordered: result axis i is this tensor's axis `axes[i]` (NumPy `transpose(axes)`).
    public func permuted(_ axes: [Int]) -> Tensor {
        let ax = axes.map { normalizeAxis("permuted", $0, rank: rank) }
        guard ax.count == rank, Set(ax).count == rank else {
            fatalError("permuted: \(axes) is not a permutation of the \(rank) axes of shape \(shape)")
        }
        let own = strides
        return Tensor(shape: ax.map { shape[$0] }, scalars: stridedCopy(scalars, base: 0, strides: ax.map { own[$0] }, shape: ax.map { shape[$0] }))
    }
    /// `permuted([…])` with the axes as arguments: `x.permuted(1, 0)` is the transpose.
    public func permuted(_ axes: Int...) -> Tensor { permuted(axes) }

    /// The transpose of a 2-D tensor; for higher ranks, the last two axes swapped.
    public func transposed() -> Tensor {
        guard rank >= 2 else { fatalError("transposed(): needs at least 2 axes, got shape \(shape)") }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }
    /// Shorthand for `transposed()`.
    public var T: Tensor { transposed() }

    /// Size-1 axes removed (all of them, or the one given).
    public func squeezed(axis: Int? = nil) -> Tensor {
        if let axis {
            let a = normalizeAxis("squeezed", axis, rank: rank)
            guard shape[a] == 1 else { fatalError("squeezed: axis \(axis) of shape \(shape) has size \(shape[a]), not 1") }
            var s = shape; s.remove(at: a)
            return Tensor(shape: s, scalars: scalars)
        }
        return Tensor(shape: shape.filter { $0 != 1 }, scalars: scalars)
    }

    /// A size-1 axis inserted at `axis` (NumPy `expand_dims`; -1 appends).
    public func expandingDims(at axis: Int) -> Tensor {
        let a = normalizeAxis("expandingDims", axis, rank: rank + 1)
        var s = shape; s.insert(1, at: a)
        return Tensor(shape: s, scalars: scalars)
    }

    /// The sub-tensor at index `i` of `axis`, with that axis removed (NumPy `a[i]` for axis 0).
    public func select(_ i: Int, axis: Int = 0) -> Tensor {
        let a = normalizeAxis("select", axis, rank: rank)
        let n = shape[a]
        let k = i < 0 ? i + n : i
        guard k >= 0 && k < n else { fatalError("select: index \(i) out of range 0..<\(n) on axis \(a) of shape \(shape)") }
        var ranges = shape.map { 0..<$0 }
        ranges[a] = k..<(k + 1)
        return slice(ranges).squeezed(axis: a)
    }

    /// The block given by one half-open range per leading axis; axes not named are kept whole.
    public func slice(_ ranges: [Range<Int>]) -> Tensor {
        guard ranges.count <= rank else { fatalError("slice: \(ranges.count) ranges for a tensor of shape \(shape)") }
        var r = shape.map { 0..<$0 }
        for (i, range) in ranges.enumerated() {
            guard range.lowerBound >= 0 && range.upperBound <= shape[i] else {
                fatalError("slice: range \(range) out of bounds 0..<\(shape[i]) on axis \(i) of shape \(shape)")
            }
            r[i] = range
        }
        let newShape = r.map(\.count)
        let st = strides
        let base = zip(r, st).reduce(0) { $0 + $1.0.lowerBound * $1.1 }
        return Tensor(shape: newShape, scalars: stridedCopy(scalars, base: base, strides: st, shape: newShape))
    }

    /// `t[0..<2, 1...]`: slicing with any integer ranges (`..<3`, `2...`, `1...4`) per leading axis.
    public subscript(_ ranges: any RangeExpression<Int>...) -> Tensor {
        slice(
            ranges.enumerated().map { i, r in
                guard i < rank else { fatalError("slice: \(ranges.count) ranges for a tensor of shape \(shape)") }
                return r.relative(to: 0..<shape[i])
            })
    }
}
