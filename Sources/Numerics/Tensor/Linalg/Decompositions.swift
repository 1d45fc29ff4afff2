/// SVD, symmetric eigendecomposition, QR and Cholesky through LAPACK (gesdd, syevd,
/// geqrf/orgqr, potrf), in the precision of the tensor.

/// Singular value decomposition A = U · diag(S) · Vᵀ, singular values descending.
/// Thin (`full: false`): U is m×k, Vᵀ is k×n with k = min(m, n). Full: U is m×m, Vᵀ n×n.
public func svd<T>(_ a: Tensor<T>, full: Bool = false) -> (u: Tensor<T>, s: Tensor<T>, vt: Tensor<T>) {
    requireMatrix("svd", a)
    let (m, n) = (a.shape[0], a.shape[1]), k = min(m, n)
    let (ur, vr) = full ? (m, n) : (k, k)
    var work = a.scalars, s: [T] = filled(0, count: k)
    var u: [T] = filled(0, count: m * ur), vt: [T] = filled(0, count: vr * n)
    if k > 0 {
        // LAPACK reads the row-major m×n buffer as the column-major n×m matrix Aᵀ = V·S·Uᵀ. So
        // its left factor (V, column-major, leading dimension n) is our row-major Vᵀ, and its right
        // one (Uᵀ, column-major, leading dimension ur) is our row-major U: nothing is transposed.
        let info = T.gesdd(UInt8(ascii: full ? "A" : "S"), n, m, &work, n, &s, &vt, n, &u, ur)
        check(info, "svd", a.shape, "the divide-and-conquer SVD did not converge")
    }
    return (Tensor(shape: [m, ur], scalars: u), Tensor(s), Tensor(shape: [vr, n], scalars: vt))
}

/// Singular values only, descending.
public func singularValues<T>(_ a: Tensor<T>) -> Tensor<T> {
    requireMatrix("singularValues", a)
    let (m, n) = (a.shape[0], a.shape[1]), k = min(m, n)
    var work = a.scalars, s: [T] = filled(0, count: k)
    if k > 0 {
        let info = T.gesdd(UInt8(ascii: "N"), n, m, &work, n, &s, nil, 1, nil, 1)  // Aᵀ, as in svd
        check(info, "singularValues", a.shape, "the divide-and-conquer SVD did not converge")
    }
    return Tensor(s)
}

/// Eigendecomposition of a symmetric matrix (only its lower triangle is read):
/// eigenvalues ascending, eigenvectors as the columns of `vectors`, A = V · diag(w) · Vᵀ.
public func eigh<T>(_ a: Tensor<T>) -> (values: Tensor<T>, vectors: Tensor<T>) {
    requireMatrix("eigh", a, square: true)
    let n = a.shape[0]
    var v = a.scalars, w: [T] = filled(0, count: n)
    if n > 0 {
        // Our lower triangle is the column-major upper triangle LAPACK reads. Its eigenvectors
        // come back as column-major columns, that is as our rows: one in-place transpose.
        let info = T.syevd(n, &v, &w)
        check(info, "eigh", a.shape, "the eigenvalue algorithm did not converge")
        transposeSquare(&v, n)
    }
    return (Tensor(w), Tensor(shape: [n, n], scalars: v))
}

/// Reduced QR decomposition A = Q · R of an m×n matrix: Q is m×k with orthonormal columns,
/// R is k×n upper triangular, k = min(m, n).
public func qr<T>(_ a: Tensor<T>) -> (q: Tensor<T>, r: Tensor<T>) {
    requireMatrix("qr", a)
    let (m, n) = (a.shape[0], a.shape[1]), k = min(m, n)
    if k == 0 { return (.zeros([m, k]), .zeros([k, n])) }
    var f = a.scalars, tau: [T] = filled(0, count: k)
    check(T.geqrf(m, n, &f, &tau), "qr", a.shape, "Householder factorisation failed")
    var r: [T] = filled(0, count: k * n)
    for i in 0..<k { for j in i..<n { r[i * n + j] = f[i * n + j] } }
    // Q: the first k columns of the m×n factor, expanded in place by orgqr.
    var q: [T] = filled(0, count: m * k)
    for i in 0..<m { for j in 0..<k { q[i * k + j] = f[i * n + j] } }
    check(T.orgqr(m, k, k, &q, tau), "qr", a.shape, "forming Q failed")
    return (Tensor(shape: [m, k], scalars: q), Tensor(shape: [k, n], scalars: r))
}

/// Lower-triangular L with A = L · Lᵀ, for a symmetric positive-definite A (lower triangle
/// read). Throws `LinalgError` if A is not positive definite (recoverable: add jitter, retry).
public func cholesky<T>(_ a: Tensor<T>) throws -> Tensor<T> {
    requireMatrix("cholesky", a, square: true)
    let n = a.shape[0]
    var l = a.scalars
    let info = n == 0 ? 0 : T.potrf(n, &l)
    if info > 0 {
        throw LinalgError(
            operation: "cholesky", shape: a.shape, info: info,
            reason: "the leading minor of order \(info) is not positive definite")
    }
    check(info, "cholesky", a.shape, "")
    for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { l[i * n + j] = 0 } }
    return Tensor(shape: [n, n], scalars: l)
}
