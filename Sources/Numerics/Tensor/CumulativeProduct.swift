// Running products along an axis (NumPy's cumprod), beside Reductions.swift's cumsum.

extension Tensor {
    /// Running products along `axis` (NumPy's `cumprod`).
    ///
    /// - Parameter axis: The axis.
    /// - Returns: A tensor of the same shape: element k is the product of elements 0...k. O(count).
    public func cumprod(axis: Int) -> Tensor {
        let lines = AxisLines(shape, axis: normalizeAxis("cumprod", axis, rank: rank))
        var out = scalars
        for o in 0..<lines.outer {
            for k in 1..<Swift.max(lines.length, 1) {
                let row = (o * lines.length + k) * lines.inner, previous = row - lines.inner
                for j in 0..<lines.inner { out[row + j] *= out[previous + j] }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }
}
