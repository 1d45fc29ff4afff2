internal import CBLAS

// Complex matrix products through OpenBLAS's zgemm and cgemm, which read the interleaved
// (real, imaginary) storage directly.

extension ComplexTensor {
    /// C = op(A)·op(B) for row-major operands; op transposes, and conjugates when `conjugate*`.
    static func gemm(
        _ a: ComplexTensor, _ b: ComplexTensor, transA: Bool, conjugateA: Bool, transB: Bool, conjugateB: Bool, m: Int, n: Int, k: Int
    ) -> [Complex<Scalar>] {
        var c = [Complex<Scalar>](repeating: .zero, count: m * n)
        if m == 0 || n == 0 || k == 0 { return c }
        func op(_ t: Bool, _ h: Bool) -> CBLAS_TRANSPOSE { h ? CblasConjTrans : t ? CblasTrans : CblasNoTrans }
        let lda = transA || conjugateA ? m : k, ldb = transB || conjugateB ? k : n
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    // alpha = 1, beta = 0 as (real, imaginary) pairs of the concrete scalar: `&` to a
                    // generic Complex<Scalar> makes the compiler warn that it may hold a reference.
                    if Scalar.self == Double.self {
                        var one = (1.0, 0.0), zero = (0.0, 0.0)
                        cblas_zgemm(
                            CblasRowMajor, op(transA, conjugateA), op(transB, conjugateB), Int32(m), Int32(n), Int32(k), &one,
                            pa.baseAddress, Int32(lda), pb.baseAddress, Int32(ldb), &zero, pc.baseAddress, Int32(n))
                    } else {
                        var one: (Float, Float) = (1, 0), zero: (Float, Float) = (0, 0)
                        cblas_cgemm(
                            CblasRowMajor, op(transA, conjugateA), op(transB, conjugateB), Int32(m), Int32(n), Int32(k), &one,
                            pa.baseAddress, Int32(lda), pb.baseAddress, Int32(ldb), &zero, pc.baseAddress, Int32(n))
                    }
                }
            }
        }
        return c
    }
}

/// The matrix product of two complex matrices (zgemm/cgemm), or of stacks of them with equal
/// leading axes, as NumPy's `a @ b`.
///
/// ```swift
/// let a = ComplexTensor<Double>(real: Tensor(rows: [[1, 2], [3, 4]]), imaginary: Tensor(rows: [[0, 1], [1, 0]]))
/// let p = matmul(a, a.H)      // a·aᴴ, Hermitian
/// ```
/// - Parameters:
///   - a: A matrix m×k (or a stack `[..., m, k]`).
///   - b: A matrix k×n (or a stack with the same leading axes).
/// - Returns: The m×n product (or the stack of products).
/// - Precondition: The inner dimensions agree and the leading axes are equal; otherwise it traps
///   naming the shapes. O(m·n·k) per matrix.
public func matmul<T: ComplexComponent>(_ a: ComplexTensor<T>, _ b: ComplexTensor<T>) -> ComplexTensor<T> {
    precondition(a.rank >= 2 && b.rank >= 2, "matmul: needs matrices, got shapes \(a.shape) and \(b.shape)")
    let (m, k) = (a.shape[a.rank - 2], a.shape[a.rank - 1]), (k2, n) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
    let lead = Array(a.shape.dropLast(2))
    precondition(k == k2 && lead == Array(b.shape.dropLast(2)), "matmul: shapes \(a.shape) and \(b.shape) are not aligned")
    if lead.isEmpty {
        return ComplexTensor(
            shape: [m, n], scalars: ComplexTensor.gemm(a, b, transA: false, conjugateA: false, transB: false, conjugateB: false, m: m, n: n, k: k))
    }
    var out: [Complex<T>] = []
    out.reserveCapacity(lead.reduce(1, *) * m * n)
    for i in 0..<lead.reduce(1, *) {
        let ai = ComplexTensor(shape: [m, k], scalars: Array(a.scalars[(i * m * k)..<((i + 1) * m * k)]))
        let bi = ComplexTensor(shape: [k, n], scalars: Array(b.scalars[(i * k * n)..<((i + 1) * k * n)]))
        out += ComplexTensor.gemm(ai, bi, transA: false, conjugateA: false, transB: false, conjugateB: false, m: m, n: n, k: k)
    }
    return ComplexTensor(shape: lead + [m, n], scalars: out)
}

extension ComplexTensor {
    /// The matrix product (see `matmul(_:_:)` for complex tensors).
    public static func • (a: ComplexTensor, b: ComplexTensor) -> ComplexTensor { matmul(a, b) }
}
