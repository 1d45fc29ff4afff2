/// Linear systems, inverse and determinants through LU factorisation (gesv, getrf).

/// X with A · X = B for square A; B is [n] or [n, k]. Throws `LinalgError` if A is singular.
public func solve<T>(_ a: Tensor<T>, _ b: Tensor<T>) throws -> Tensor<T> {
    requireMatrix("solve", a, square: true)
    let n = a.shape[0]
    guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
        fatalError("solve: right-hand side of shape \(b.shape) does not match matrix of shape \(a.shape)")
    }
    let k = b.rank == 1 ? 1 : b.shape[1]
    var lu = a.scalars, x = b.scalars
    if n > 0 && k > 0 {
        let info = T.gesv(n, k, &lu, &x)
        if info > 0 {
            throw LinalgError(operation: "solve", shape: a.shape, info: info, reason: "the matrix is singular (U[\(info - 1), \(info - 1)] = 0)")
        }
        check(info, "solve", a.shape, "")
    }
    return Tensor(shape: b.shape, scalars: x)
}

/// A⁻¹ for square A. Throws `LinalgError` if A is singular.
public func inv<T>(_ a: Tensor<T>) throws -> Tensor<T> {
    requireMatrix("inv", a, square: true)
    do { return try solve(a, .eye(a.shape[0])) } catch var e as LinalgError {
        e.operation = "inv"; throw e
    }
}

/// Sign and natural log of |det A| (NumPy `slogdet`): sign 0 and log −∞ for singular A.
public func slogdet<T>(_ a: Tensor<T>) -> (sign: T, logAbsDet: T) {
    requireMatrix("slogdet", a, square: true)
    let n = a.shape[0]
    if n == 0 { return (1, 0) }
    var lu = a.scalars, piv = [Int32](repeating: 0, count: n)
    let info = T.getrf(n, &lu, &piv)
    if info > 0 { return (0, -.infinity) }
    check(info, "slogdet", a.shape, "")
    var sign: T = 1, logAbs: T = 0
    for i in 0..<n {
        let d = lu[i * n + i]
        if d < 0 { sign = -sign }
        if Int(piv[i]) != i + 1 { sign = -sign }  // each row swap flips the sign
        logAbs += T.log(Swift.abs(d))
    }
    return (sign, logAbs)
}

/// det A via LU (may overflow for large matrices; prefer `slogdet`).
public func det<T>(_ a: Tensor<T>) -> T {
    let (s, l) = slogdet(a)
    return s == 0 ? 0 : s * T.exp(l)
}
