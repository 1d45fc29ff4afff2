/// Matrix product of two 2-D tensors through OpenBLAS gemm.
public func matmul<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    guard a.rank == 2, b.rank == 2, a.shape[1] == b.shape[0] else {
        fatalError("matmul: shapes \(a.shape) and \(b.shape) are not aligned (need [m, k] · [k, n])")
    }
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
    var c = [T](repeating: 0, count: m * n)
    if m > 0 && n > 0 && k > 0 {
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    T.gemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1,
                           a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                           beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }
    return Tensor(shape: [m, n], scalars: c)
}

infix operator • : MultiplicationPrecedence

extension Tensor {
    /// `a • b` is `matmul(a, b)`.
    public static func • (a: Tensor, b: Tensor) -> Tensor { matmul(a, b) }
}
