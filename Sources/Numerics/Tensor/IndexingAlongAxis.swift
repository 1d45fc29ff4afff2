// NumPy's take_along_axis and put_along_axis, and the scatter-add that is take_along_axis's
// gradient: an index tensor of the same rank picks, along one axis, which element each output
// position reads (or which position each value goes to); on the other axes the indices and the
// tensor broadcast against each other.

/// The shape an along-axis index broadcasts with, and the offsets it implies.
struct AlongAxis {
    let shape: [Int]
    let axis: Int
    let length: Int
    /// For each element of `shape` (row-major), the source offset without the axis' contribution.
    let bases: [Int]
    /// The stride of the axis in the source.
    let stride: Int

    init(_ op: String, source: [Int], indices: [Int], axis: Int) {
        let a = normalizeAxis(op, axis, rank: source.count)
        precondition(indices.count == source.count, "\(op): indices of rank \(indices.count) for a tensor of rank \(source.count) (they must match)")
        var shape = indices
        for d in source.indices where d != a {
            let (s, i) = (source[d], indices[d])
            precondition(s == i || s == 1 || i == 1, "\(op): index shape \(indices) does not broadcast with \(source) on axis \(d)")
            shape[d] = Swift.max(s, i)
        }
        let strides = contiguousStrides(source)
        var bases = [Int](repeating: 0, count: shape.reduce(1, *))
        var index = [Int](repeating: 0, count: shape.count)
        for flat in bases.indices {
            var o = 0
            for d in shape.indices where d != a { o += (source[d] == 1 ? 0 : index[d]) * strides[d] }
            bases[flat] = o
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        (self.shape, self.axis, self.length, self.bases, self.stride) = (shape, a, source[a], bases, strides[a])
    }

    /// The broadcast index of output element `flat`, checked and made non-negative.
    func index(_ op: String, _ indices: IntTensor, _ flat: Int) -> Int {
        let i = indices.scalars[broadcastFlat(flat, from: shape, to: indices.shape)]
        let k = i < 0 ? i + length : i
        precondition(k >= 0 && k < length, "\(op): index \(i) out of range 0..<\(length) on axis \(axis)")
        return k
    }
}

/// The row-major offset in a tensor of shape `small` (each axis equal or 1) of element `flat` of `big`.
func broadcastFlat(_ flat: Int, from big: [Int], to small: [Int]) -> Int {
    if big == small { return flat }
    var rest = flat, offset = 0, stride = 1
    for d in big.indices.reversed() {
        let i = rest % big[d]
        rest /= big[d]
        offset += (small[d] == 1 ? 0 : i) * stride
        stride *= small[d]
    }
    return offset
}

extension Tensor {
    /// The elements at `indices` along `axis`, matching index positions to element positions on
    /// the other axes (NumPy's `take_along_axis`): `out[i, j] = self[indices[i, j], j]` on axis 0.
    ///
    /// ```swift
    /// let x = Tensor<Double>(rows: [[10, 30, 20], [60, 40, 50]])
    /// x.takeAlongAxis(x.argsort(axis: 1), axis: 1)     // each row sorted
    /// ```
    /// - Parameters:
    ///   - indices: Indices of the same rank, broadcasting with this tensor on the other axes;
    ///     negative ones count from the end.
    ///   - axis: The axis the indices select along.
    /// - Returns: A tensor of the broadcast index shape. O(count of the result).
    /// - Precondition: Ranks match, shapes broadcast and indices are in range; otherwise it traps.
    public func takeAlongAxis(_ indices: IntTensor, axis: Int) -> Tensor {
        let plan = AlongAxis("takeAlongAxis", source: shape, indices: indices.shape, axis: axis)
        let values = plan.bases.indices.map { scalars[plan.bases[$0] + plan.index("takeAlongAxis", indices, $0) * plan.stride] }
        return Tensor(shape: plan.shape, scalars: values)
    }

    /// Writes `values` at `indices` along `axis` (NumPy's `put_along_axis`); where two positions
    /// name the same element, the later one in row-major order wins, as in NumPy.
    ///
    /// - Parameters:
    ///   - indices: Indices of the same rank, broadcasting with this tensor on the other axes.
    ///   - values: Values broadcasting to the index shape (a one-element tensor fills all).
    ///   - axis: The axis the indices select along.
    /// - Precondition: As ``takeAlongAxis(_:axis:)``, and `values` broadcasts; otherwise it traps.
    public mutating func putAlongAxis(_ indices: IntTensor, _ values: Tensor, axis: Int) {
        let plan = AlongAxis("putAlongAxis", source: shape, indices: indices.shape, axis: axis)
        let spread = values.broadcast(to: plan.shape)
        for flat in plan.bases.indices { scalars[plan.bases[flat] + plan.index("putAlongAxis", indices, flat) * plan.stride] = spread.scalars[flat] }
    }

    /// Adds `values` at `indices` along `axis`, accumulating repeats (PyTorch's `scatter_add`;
    /// the gradient of ``takeAlongAxis(_:axis:)``).
    ///
    /// - Parameters:
    ///   - indices: Indices of the same rank, broadcasting with this tensor on the other axes.
    ///   - values: Values broadcasting to the index shape.
    ///   - axis: The axis the indices select along.
    /// - Returns: A copy of this tensor with the values added. Sums run in row-major order, so the
    ///   result is deterministic.
    public func scatterAdd(_ indices: IntTensor, _ values: Tensor, axis: Int) -> Tensor {
        let plan = AlongAxis("scatterAdd", source: shape, indices: indices.shape, axis: axis)
        let spread = values.broadcast(to: plan.shape)
        var out = scalars
        for flat in plan.bases.indices { out[plan.bases[flat] + plan.index("scatterAdd", indices, flat) * plan.stride] += spread.scalars[flat] }
        return Tensor(shape: shape, scalars: out)
    }

    /// The elements where `mask` is true (NumPy's `a[mask]`), or, assigned, writes there (NumPy's
    /// `a[mask] = values`): one value fills every selected element; otherwise one value per true.
    ///
    /// ```swift
    /// var x: Tensor<Double> = [1, -2, 3, -4]
    /// x[x .< 0] = Tensor(0)          // [1, 0, 3, 0]
    /// ```
    /// - Parameter mask: A mask of this tensor's shape.
    /// - Precondition: The shapes match and the value count is 1 or the mask's true count;
    ///   otherwise it traps naming them.
    public subscript(mask: BoolTensor) -> Tensor {
        get { masked(mask) }
        set {
            precondition(mask.shape == shape, "masked assignment: mask shape \(mask.shape) differs from tensor shape \(shape)")
            let selected = mask.trueCount
            precondition(
                newValue.count == 1 || newValue.count == selected,
                "masked assignment: \(newValue.count) values for \(selected) selected elements (give 1 or \(selected))")
            var next = 0
            for i in scalars.indices where mask.scalars[i] {
                scalars[i] = newValue.count == 1 ? newValue.scalars[0] : newValue.scalars[next]
                next += 1
            }
        }
    }
}
