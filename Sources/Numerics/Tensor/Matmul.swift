/// Matrix products through OpenBLAS gemm: 2-D, batched (leading axes broadcast, as NumPy's
/// `matmul`), matrix–vector, and outer products.
public func matmul<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    if a.rank == 2 && b.rank == 2 { return matmul2D(a, b) }
    guard a.rank >= 1, b.rank >= 1 else { fatalError("matmul: operands of shapes \(a.shape) and \(b.shape) must have rank ≥ 1") }
    // NumPy rules: a 1-D left operand is a row, a 1-D right operand a column; both removed after.
    let a2 = a.rank == 1 ? a.reshaped([1, a.count]) : a
    let b2 = b.rank == 1 ? b.reshaped([b.count, 1]) : b
    let (m, k) = (a2.shape[a2.rank - 2], a2.shape[a2.rank - 1])
    let (k2, n) = (b2.shape[b2.rank - 2], b2.shape[b2.rank - 1])
    guard k == k2 else { fatalError("matmul: shapes \(a.shape) and \(b.shape) are not aligned (\(k) vs \(k2))") }
    let batch = broadcastShapes("matmul", Array(a2.shape.dropLast(2)), Array(b2.shape.dropLast(2)))
    let A = a2.broadcast(to: batch + [m, k]), B = b2.broadcast(to: batch + [k, n])
    let count = batch.reduce(1, *)
    var c: [T] = filled(0, count: count * m * n)
    if m > 0 && n > 0 && k > 0 {
        A.scalars.withUnsafeBufferPointer { pa in
            B.scalars.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<count {
                        T.gemm(
                            transA: false, transB: false, m: m, n: n, k: k, alpha: 1,
                            a: pa.baseAddress! + i * m * k, lda: k, b: pb.baseAddress! + i * k * n, ldb: n,
                            beta: 0, c: pc.baseAddress! + i * m * n, ldc: n)
                    }
                }
            }
        }
    }
    var shape = batch + [m, n]
    if b.rank == 1 { shape.removeLast() }
    if a.rank == 1 { shape.remove(at: shape.count - (b.rank == 1 ? 1 : 2)) }
    return Tensor(shape: shape, scalars: c)
}

/// op(A) · op(B) for 2-D tensors, where op transposes when asked — through gemm's own transpose
/// flags, so no transposed copy is made (a layer's x·Wᵀ costs no copy of W).
public func matmul<T>(_ a: Tensor<T>, _ b: Tensor<T>, transposingA: Bool = false, transposingB: Bool = false) -> Tensor<T> {
    if !transposingA && !transposingB { return matmul(a, b) }
    guard a.rank == 2, b.rank == 2 else {
        fatalError("matmul(transposing:): needs 2-D operands, got shapes \(a.shape) and \(b.shape)")
    }
    let (m, k) = transposingA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (k2, n) = transposingB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    guard k == k2 else {
        fatalError("matmul: op(\(a.shape)) and op(\(b.shape)) are not aligned (\(k) vs \(k2); transposing A: \(transposingA), B: \(transposingB))")
    }
    return Tensor(shape: [m, n], scalars: product(a, b, transA: transposingA, transB: transposingB, m: m, n: n, k: k))
}

/// Matrix product of two 2-D tensors.
func matmul2D<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    guard a.shape[1] == b.shape[0] else {
        fatalError("matmul: shapes \(a.shape) and \(b.shape) are not aligned (need [m, k] · [k, n])")
    }
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
    return Tensor(shape: [m, n], scalars: product(a, b, transA: false, transB: false, m: m, n: n, k: k))
}

/// op(A)·op(B) of stored 2-D operands into a new m×n array. gemm with beta = 0 writes every
/// element (without reading C), so the array is not zero-filled first.
func product<T>(_ a: Tensor<T>, _ b: Tensor<T>, transA: Bool, transB: Bool, m: Int, n: Int, k: Int) -> [T] {
    guard m > 0 && n > 0 && k > 0 else { return filled(0, count: m * n) }  // an empty inner dimension gives zeros
    return uninitializedArray(m * n) { pc in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                T.gemm(
                    transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: a.shape[1],
                    b: pb.baseAddress!, ldb: b.shape[1], beta: 0, c: pc, ldc: n)
            }
        }
    }
}

/// Outer product of two 1-D tensors: [m] ⊗ [n] → [m, n].
public func outer<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    guard a.rank == 1, b.rank == 1 else { fatalError("outer: needs 1-D tensors, got shapes \(a.shape) and \(b.shape)") }
    return a.reshaped([a.count, 1]) * b.reshaped([1, b.count])
}

/// Inner product of two 1-D tensors of equal length.
public func dot<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> T {
    guard a.rank == 1, b.rank == 1, a.count == b.count else { fatalError("dot: needs 1-D tensors of equal length, got shapes \(a.shape) and \(b.shape)") }
    return (a * b).sum()
}

infix operator • : MultiplicationPrecedence

extension Tensor {
    /// `a • b` is `matmul(a, b)`.
    public static func • (a: Tensor, b: Tensor) -> Tensor { matmul(a, b) }
}
