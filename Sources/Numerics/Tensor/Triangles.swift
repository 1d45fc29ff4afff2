// The lower and upper triangles of matrices (NumPy's tril and triu), on the last two axes of
// a stack.

extension Tensor {
    /// Keeps element (i, j) of each matrix where `keep(j − i)`, zeroing the rest.
    private func triangle(_ op: String, _ keep: (Int) -> Bool) -> Tensor {
        precondition(rank >= 2, "\(op): needs at least 2 axes, got shape \(shape)")
        let (m, n) = (shape[rank - 2], shape[rank - 1])
        var out = scalars
        for flat in out.indices {
            let j = flat % n, i = (flat / n) % Swift.max(m, 1)
            if !keep(j - i) { out[flat] = 0 }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// The lower triangle: elements on and below the `k`-th diagonal, the rest zero (NumPy's `tril`).
    ///
    /// ```swift
    /// Tensor<Double>.ones([3, 3]).tril()       // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    /// ```
    /// - Parameter k: The diagonal (0 the main one, positive above it, negative below).
    /// - Returns: A tensor of the same shape. O(count).
    /// - Precondition: At least 2 axes (the last two are the matrix); otherwise it traps.
    public func tril(_ k: Int = 0) -> Tensor { triangle("tril") { $0 <= k } }

    /// The upper triangle: elements on and above the `k`-th diagonal, the rest zero (NumPy's `triu`).
    ///
    /// - Parameter k: The diagonal (0 the main one, positive above it, negative below).
    /// - Returns: A tensor of the same shape. O(count).
    /// - Precondition: At least 2 axes; otherwise it traps.
    public func triu(_ k: Int = 0) -> Tensor { triangle("triu") { $0 >= k } }
}
