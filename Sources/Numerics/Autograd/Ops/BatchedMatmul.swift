import Tensor

/// op(A)·op(B) for each of a batch of matrices: A is [n, m, k] (or [n, k, m] transposed), B is
/// [n, k, p] (or [n, p, k]), the result [n, m, p]. Each product is one gemm with its transpose
/// flags, so no transposed copy is made; the cotangents are batched products again, so the rule
/// differentiates to any order (attention's scores and weighted values).
///
/// - Parameters:
///   - a: The left matrices, rank 3.
///   - b: The right matrices, rank 3, as many as `a`.
///   - tA: Whether each left matrix is transposed.
///   - tB: Whether each right matrix is transposed.
/// - Returns: The n products.
/// - Precondition: Rank-3 operands with equal batch and aligned inner sizes; otherwise the cell
///   stops with both shapes.
public func batchedMatmul<T>(_ a: Variable<T>, _ b: Variable<T>, transposingA tA: Bool = false, transposingB tB: Bool = false)
    -> Variable<T>
{
    let value = batchedProduct(a.value, b.value, tA, tB)
    return Variable(value, op: "batchedMatmul", parents: [a, b]) { g in
        let (da, db) = (a.requiresGrad, b.requiresGrad)
        switch (tA, tB) {
        case (false, false):
            return [da ? batchedMatmul(g, b, transposingB: true) : nil, db ? batchedMatmul(a, g, transposingA: true) : nil]
        case (false, true):
            return [da ? batchedMatmul(g, b) : nil, db ? batchedMatmul(g, a, transposingA: true) : nil]
        case (true, false):
            return [da ? batchedMatmul(b, g, transposingB: true) : nil, db ? batchedMatmul(a, g) : nil]
        case (true, true):
            return [
                da ? batchedMatmul(b, g, transposingA: true, transposingB: true) : nil,
                db ? batchedMatmul(g, a, transposingA: true, transposingB: true) : nil,
            ]
        }
    }
}

/// The batch of gemms behind ``batchedMatmul(_:_:transposingA:transposingB:)``.
private func batchedProduct<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, _ tA: Bool, _ tB: Bool) -> Tensor<T> {
    guard a.shape.count == 3, b.shape.count == 3, a.shape[0] == b.shape[0] else {
        fatalError("batchedMatmul: needs rank-3 operands with one batch size, got shapes \(a.shape) and \(b.shape)")
    }
    let n = a.shape[0]
    let (m, k) = tA ? (a.shape[2], a.shape[1]) : (a.shape[1], a.shape[2])
    let (k2, p) = tB ? (b.shape[2], b.shape[1]) : (b.shape[1], b.shape[2])
    guard k == k2 else {
        fatalError("batchedMatmul: op(\(a.shape)) and op(\(b.shape)) are not aligned (\(k) vs \(k2))")
    }
    guard n > 0, m > 0, p > 0, k > 0 else {
        return Tensor(shape: [n, m, p], repeating: 0)
    }
    let out = [T](unsafeUninitializedCapacity: n * m * p) { c, initialized in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                for i in 0..<n {
                    T.gemm(
                        transA: tA, transB: tB, m: m, n: p, k: k, alpha: 1,
                        a: pa.baseAddress! + i * m * k, lda: a.shape[2], b: pb.baseAddress! + i * k * p, ldb: b.shape[2],
                        beta: 0, c: c.baseAddress! + i * m * p, ldc: p)
                }
            }
        }
        initialized = n * m * p
    }
    return Tensor(shape: [n, m, p], scalars: out)
}
