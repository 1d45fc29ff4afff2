/// Least squares, pseudo-inverse and numerical rank, all with an explicit cutoff on singular
/// values. Default (NumPy's `matrix_rank` rule): σ ≤ max(m, n) · ε · σ_max counts as zero.

/// Relative cutoff `rcond` such that singular values σ ≤ rcond · σ_max are dropped.
func defaultRcond<T: TensorScalar>(_ a: Tensor<T>) -> T { T(Double(max(a.shape[0], a.shape[1])) * T.epsilonDouble) }

/// Minimum-norm X minimising ‖A·X − B‖ (gelsd), and the effective rank of A.
/// Singular values σ ≤ rcond · σ_max are treated as zero; `rcond` defaults to max(m, n)·ε.
public func lstsq<T>(_ a: Tensor<T>, _ b: Tensor<T>, rcond: T? = nil) -> (solution: Tensor<T>, rank: Int) {
    requireMatrix("lstsq", a)
    let (m, n) = (a.shape[0], a.shape[1])
    guard (b.rank == 1 || b.rank == 2), b.shape[0] == m else {
        fatalError("lstsq: right-hand side of shape \(b.shape) does not match matrix of shape \(a.shape)")
    }
    let k = b.rank == 1 ? 1 : b.shape[1]
    // gelsd overwrites B (max(m, n) rows) with the solution in its first n rows.
    let rows = max(m, n)
    var bb = [T](repeating: 0, count: rows * k)
    for i in 0..<m { for j in 0..<k { bb[i * k + j] = b.scalars[i * k + j] } }
    var work = a.scalars, s = [T](repeating: 0, count: max(min(m, n), 1)), rank = 0
    if m > 0 && n > 0 && k > 0 {
        let info = T.gelsd(m, n, k, &work, &bb, k, &s, rcond ?? defaultRcond(a), &rank)
        check(info, "lstsq", a.shape, "the SVD did not converge")
    }
    let x = Array(bb[0..<(n * k)])
    return (Tensor(shape: b.rank == 1 ? [n] : [n, k], scalars: x), rank)
}

/// Moore–Penrose pseudo-inverse through the SVD: A⁺ = V · diag(1/σ) · Uᵀ over the singular
/// values σ > rcond · σ_max (the rest are treated as zero). `rcond` defaults to max(m, n)·ε.
public func pinv<T>(_ a: Tensor<T>, rcond: T? = nil) -> Tensor<T> {
    requireMatrix("pinv", a)
    let (m, n) = (a.shape[0], a.shape[1])
    if m == 0 || n == 0 { return .zeros([n, m]) }
    let (u, s, vt) = svd(a)
    let cutoff = (rcond ?? defaultRcond(a)) * s.scalars[0]
    let inv = Tensor(s.scalars.map { $0 > cutoff ? 1 / $0 : 0 })
    // V · diag(1/σ) · Uᵀ = (Vᵀ)ᵀ scaled by column, times Uᵀ.
    return matmul(vt.transposed() * inv, u.transposed())
}

/// Number of singular values above `tolerance` (default max(m, n) · ε · σ_max).
public func matrixRank<T>(_ a: Tensor<T>, tolerance: T? = nil) -> Int {
    requireMatrix("matrixRank", a)
    if a.count == 0 { return 0 }
    let s = singularValues(a)
    let tol = tolerance ?? defaultRcond(a) * s.scalars[0]
    return s.scalars.filter { $0 > tol }.count
}
