/// NumPy's `numpy.linalg` scalars of a matrix — eigenvalues only, norms by order, the condition
/// number — and the matrix builders `diag`, `trace` and `kron`, under NumPy's names.

/// The order of a matrix norm, NumPy's `ord` argument of `numpy.linalg.norm` for 2-D input.
public enum MatrixNorm: Sendable, Equatable {
    /// √(Σ aᵢⱼ²), NumPy's `'fro'` (the default).
    case frobenius
    /// The sum of the singular values, NumPy's `'nuc'`.
    case nuclear
    /// The largest singular value (the spectral norm), NumPy's `2`.
    case spectral
    /// The smallest singular value, NumPy's `-2` (not a norm, but NumPy offers it).
    case minSingular
    /// The largest absolute column sum, NumPy's `1`.
    case maxColumnSum
    /// The smallest absolute column sum, NumPy's `-1`.
    case minColumnSum
    /// The largest absolute row sum, NumPy's `inf`.
    case maxRowSum
    /// The smallest absolute row sum, NumPy's `-inf`.
    case minRowSum
}

/// The eigenvalues of a symmetric matrix, ascending (NumPy `eigvalsh`); only the lower triangle
/// is read, as in `eigh`.
///
/// ```swift
/// let w = eigvalsh(Tensor<Double>(rows: [[2, 1], [1, 2]]))   // [1, 3]
/// ```
/// - Complexity: O(n³); it runs the same LAPACK driver as `eigh` (`syevd`), which also forms the
///   eigenvectors, so it is at most about twice the cost of a values-only driver.
/// - Precondition: `a` is square (a trap names the shape otherwise).
public func eigvalsh<T>(_ a: Tensor<T>) -> Tensor<T> {
    requireMatrix("eigvalsh", a, square: true)
    return eigh(a).values
}

/// The norm of a matrix of the given order (NumPy `numpy.linalg.norm(a, ord)` for 2-D `a`).
///
/// ```swift
/// let a = Tensor<Double>(rows: [[1, -2], [3, 4]])
/// norm(a, .maxRowSum)   // 7: the row |3| + |4|
/// norm(a, .spectral)    // the largest singular value, 5.116…
/// ```
/// - Complexity: O(mn) for the Frobenius and sum norms; one SVD, O(mn·min(m, n)), for the
///   singular-value ones.
/// - Precondition: `a` is 2-D.
public func norm<T>(_ a: Tensor<T>, _ order: MatrixNorm = .frobenius) -> T {
    requireMatrix("norm", a)
    let (m, n) = (a.shape[0], a.shape[1])
    if m == 0 || n == 0 { return 0 }
    switch order {
    case .frobenius: return a.norm(2)
    case .nuclear: return singularValues(a).sum()
    case .spectral: return singularValues(a).max()
    case .minSingular: return singularValues(a).min()
    case .maxColumnSum: return abs(a).sum(axis: 0).max()
    case .minColumnSum: return abs(a).sum(axis: 0).min()
    case .maxRowSum: return abs(a).sum(axis: 1).max()
    case .minRowSum: return abs(a).sum(axis: 1).min()
    }
}

/// The 2-norm condition number σ_max / σ_min of a matrix (NumPy `cond`); infinite for a singular
/// matrix, as NumPy gives.
///
/// A condition number of 10ᵏ means a linear solve with this matrix may lose about k digits.
/// - Complexity: one SVD, O(mn·min(m, n)).
/// - Precondition: `a` is 2-D and not empty.
public func cond<T>(_ a: Tensor<T>) -> T {
    requireMatrix("cond", a)
    guard a.count > 0 else { fatalError("cond: needs a non-empty matrix, got shape \(a.shape)") }
    let s = singularValues(a)
    let smallest = s.min()
    return smallest == 0 ? .infinity : s.max() / smallest
}

/// The sum of the diagonal of a 2-D tensor (NumPy `trace`), offset `k` diagonals above the main
/// one (below for negative `k`).
/// - Precondition: `a` is 2-D.
public func trace<T>(_ a: Tensor<T>, offset k: Int = 0) -> T {
    diag(a, k).sum()
}

/// NumPy's `diag`: for a 1-D tensor, the square matrix with those values on diagonal `k`; for a
/// 2-D tensor, its diagonal `k` as a 1-D tensor (k > 0 above the main diagonal, k < 0 below).
///
/// ```swift
/// diag(Tensor<Double>([1, 2]))          // [[1, 0], [0, 2]]
/// diag(Tensor<Double>(rows: [[1, 2], [3, 4]]), 1)   // [2]
/// ```
/// - Precondition: `a` is 1-D or 2-D.
public func diag<T>(_ a: Tensor<T>, _ k: Int = 0) -> Tensor<T> {
    switch a.rank {
    case 1:
        let n = a.count + Swift.abs(k)
        var out = [T](repeating: 0, count: n * n)
        for (i, v) in a.scalars.enumerated() {
            let (r, c) = k >= 0 ? (i, i + k) : (i - k, i)
            out[r * n + c] = v
        }
        return Tensor(shape: [n, n], scalars: out)
    case 2:
        let (m, n) = (a.shape[0], a.shape[1])
        let (r0, c0) = k >= 0 ? (0, k) : (-k, 0)
        let length = Swift.max(0, Swift.min(m - r0, n - c0))
        return Tensor((0..<length).map { a.scalars[(r0 + $0) * n + c0 + $0] })
    default:
        fatalError("diag: needs a 1-D or 2-D tensor, got shape \(a.shape)")
    }
}

/// The Kronecker product of two tensors of equal rank (NumPy `kron`): block (i, j) of the result
/// is aᵢⱼ · b, so its shape is the elementwise product of the shapes.
///
/// ```swift
/// kron(Tensor<Double>.eye(2), Tensor<Double>(rows: [[1, 2], [3, 4]]))   // 4×4, block diagonal
/// ```
/// - Complexity: O(|a|·|b|).
/// - Precondition: both tensors have the same rank (reshape the smaller one first; NumPy
///   prepends ones).
public func kron<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    guard a.rank == b.rank else {
        fatalError("kron: needs tensors of equal rank, got shapes \(a.shape) and \(b.shape); reshape the smaller one")
    }
    // Interleave the axes: a's shape [m, n] and b's [p, q] meet as [m, 1, n, 1] · [1, p, 1, q],
    // which broadcasting multiplies into [m, p, n, q], read back as [m·p, n·q].
    let spreadA = a.shape.flatMap { [$0, 1] }, spreadB = b.shape.flatMap { [1, $0] }
    let product = a.reshaped(spreadA) * b.reshaped(spreadB)
    return product.reshaped(zip(a.shape, b.shape).map { $0 * $1 })
}
