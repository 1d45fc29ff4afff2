// The distinct values of a tensor with their counts and inverse indices (NumPy's unique).

extension Tensor {
    /// The sorted distinct values, with how often each occurs and, for each element, the index of
    /// its value among them (NumPy's `unique(return_inverse=True, return_counts=True)`). NaNs are
    /// one value, sorted last, as NumPy ≥ 1.21 does.
    ///
    /// ```swift
    /// let (values, inverse, counts) = Tensor<Double>([3, 1, 3, 2]).unique()
    /// // values [1, 2, 3], inverse [2, 0, 2, 1], counts [1, 1, 2]
    /// ```
    /// - Returns: The distinct values (1-D), the inverse indices (this shape), the counts.
    ///   O(count·log count).
    public func unique() -> (values: Tensor, inverse: IntTensor, counts: IntTensor) {
        let order = scalars.indices.sorted { a, b in
            let (x, y) = (scalars[a], scalars[b])
            if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN || (x.isNaN && y.isNaN && a < b) }
            return x < y || (x == y && a < b)
        }
        var values: [Scalar] = [], counts: [Int] = [], inverse = [Int](repeating: 0, count: count)
        for i in order {
            let x = scalars[i]
            if let last = values.last, last == x || (last.isNaN && x.isNaN) {
                counts[counts.count - 1] += 1
            } else {
                values.append(x)
                counts.append(1)
            }
            inverse[i] = values.count - 1
        }
        return (Tensor(values), IntTensor(shape: shape, scalars: inverse), IntTensor(counts))
    }
}
