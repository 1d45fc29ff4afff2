internal import CComplexLAPACK
internal import CLAPACKE

// Linear algebra whose answers are complex: eigenvalues and eigenvectors of a general (non-
// symmetric) matrix through LAPACK's geev, and the SVD of a complex matrix through gesdd.

/// Checks a complex matrix operand, naming the operation.
func requireComplexMatrix<T: ComplexComponent>(_ op: String, _ a: ComplexTensor<T>, square: Bool = false) {
    precondition(a.rank == 2, "\(op): needs a 2-D matrix, got shape \(a.shape)")
    precondition(!square || a.shape[0] == a.shape[1], "\(op): needs a square matrix, got shape \(a.shape)")
    precondition(a.scalars.allSatisfy { $0.real.isFinite && $0.imaginary.isFinite }, "\(op): matrix of shape \(a.shape) contains NaN or infinity")
}

/// The eigenvalues and right eigenvectors of a general real square matrix (LAPACK's dgeev/sgeev,
/// NumPy's `linalg.eig`): `a·v[:, j] = w[j]·v[:, j]`, each vector of unit length. Eigenvalues of a
/// real matrix come in conjugate pairs, so both are complex.
///
/// ```swift
/// let rotation = Tensor<Double>(rows: [[0, -1], [1, 0]])
/// let (w, v) = eig(rotation)       // w = [0.+1.j, 0.-1.j]
/// ```
/// - Parameter a: A square matrix of finite values.
/// - Returns: The n eigenvalues in LAPACK's order (NumPy's) and the eigenvectors as columns.
/// - Precondition: `a` is square and finite; a LAPACK failure traps with its `LinalgError`. O(n³).
public func eig<T: ComplexComponent>(_ a: Tensor<T>) -> (values: ComplexTensor<T>, vectors: ComplexTensor<T>) {
    requireMatrix("eig", a, square: true)
    let n = a.shape[0]
    var work = a.scalars, wr = [T](repeating: 0, count: n), wi = [T](repeating: 0, count: n), vr = [T](repeating: 0, count: n * n)
    var dummy: [T] = [0]
    let info: Int32
    if n == 0 {
        info = 0
    } else if T.self == Double.self {
        info = work.withUnsafeMutableBufferPointer { pa in
            wr.withUnsafeMutableBufferPointer { pr in
                wi.withUnsafeMutableBufferPointer { pi in
                    vr.withUnsafeMutableBufferPointer { pv in
                        dummy.withUnsafeMutableBufferPointer { pd in
                            LAPACKE_dgeev(
                                LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "V")), Int32(n),
                                UnsafeMutableRawPointer(pa.baseAddress!).assumingMemoryBound(to: Double.self), Int32(n),
                                UnsafeMutableRawPointer(pr.baseAddress!).assumingMemoryBound(to: Double.self),
                                UnsafeMutableRawPointer(pi.baseAddress!).assumingMemoryBound(to: Double.self),
                                UnsafeMutableRawPointer(pd.baseAddress!).assumingMemoryBound(to: Double.self), Int32(n),
                                UnsafeMutableRawPointer(pv.baseAddress!).assumingMemoryBound(to: Double.self), Int32(n))
                        }
                    }
                }
            }
        }
    } else {
        info = work.withUnsafeMutableBufferPointer { pa in
            wr.withUnsafeMutableBufferPointer { pr in
                wi.withUnsafeMutableBufferPointer { pi in
                    vr.withUnsafeMutableBufferPointer { pv in
                        dummy.withUnsafeMutableBufferPointer { pd in
                            LAPACKE_sgeev(
                                LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "V")), Int32(n),
                                UnsafeMutableRawPointer(pa.baseAddress!).assumingMemoryBound(to: Float.self), Int32(n),
                                UnsafeMutableRawPointer(pr.baseAddress!).assumingMemoryBound(to: Float.self),
                                UnsafeMutableRawPointer(pi.baseAddress!).assumingMemoryBound(to: Float.self),
                                UnsafeMutableRawPointer(pd.baseAddress!).assumingMemoryBound(to: Float.self), Int32(n),
                                UnsafeMutableRawPointer(pv.baseAddress!).assumingMemoryBound(to: Float.self), Int32(n))
                        }
                    }
                }
            }
        }
    }
    check(Int(info), "eig", a.shape, "the QR algorithm did not converge")
    // geev stores a conjugate pair's vectors as two real columns: re in column j, im in j + 1.
    var vectors = [Complex<T>](repeating: .zero, count: n * n)
    var j = 0
    while j < n {
        if wi[j] != 0 && j + 1 < n {
            for row in 0..<n {
                let re = vr[row * n + j], im = vr[row * n + j + 1]
                vectors[row * n + j] = Complex(re, im)
                vectors[row * n + j + 1] = Complex(re, -im)
            }
            j += 2
        } else {
            for row in 0..<n { vectors[row * n + j] = Complex(vr[row * n + j], 0) }
            j += 1
        }
    }
    return (ComplexTensor(shape: [n], scalars: zip(wr, wi).map { Complex($0, $1) }), ComplexTensor(shape: [n, n], scalars: vectors))
}

/// The eigenvalues and right eigenvectors of a general complex square matrix (LAPACK's
/// zgeev/cgeev, NumPy's `linalg.eig`): `a·v[:, j] = w[j]·v[:, j]`, each vector of unit length.
///
/// - Parameter a: A square complex matrix of finite values.
/// - Returns: The n eigenvalues in LAPACK's order and the eigenvectors as columns.
/// - Precondition: `a` is square and finite; a LAPACK failure traps with its `LinalgError`. O(n³).
public func eig<T: ComplexComponent>(_ a: ComplexTensor<T>) -> (values: ComplexTensor<T>, vectors: ComplexTensor<T>) {
    requireComplexMatrix("eig", a, square: true)
    let n = a.shape[0]
    var work = a.scalars, w = [Complex<T>](repeating: .zero, count: n), v = [Complex<T>](repeating: .zero, count: n * n)
    let info: Int32 =
        n == 0
        ? 0
        : work.withUnsafeMutableBytes { pa in
            w.withUnsafeMutableBytes { pw in
                v.withUnsafeMutableBytes { pv in
                    T.self == Double.self
                        ? folio_zgeev(
                            Int32(n), pa.baseAddress!.assumingMemoryBound(to: Double.self), pw.baseAddress!.assumingMemoryBound(to: Double.self),
                            pv.baseAddress!.assumingMemoryBound(to: Double.self))
                        : folio_cgeev(
                            Int32(n), pa.baseAddress!.assumingMemoryBound(to: Float.self), pw.baseAddress!.assumingMemoryBound(to: Float.self),
                            pv.baseAddress!.assumingMemoryBound(to: Float.self))
                }
            }
        }
    check(Int(info), "eig", a.shape, "the QR algorithm did not converge")
    return (ComplexTensor(shape: [n], scalars: w), ComplexTensor(shape: [n, n], scalars: v))
}

/// The thin singular value decomposition of a complex matrix, `a = u·diag(s)·vh` (LAPACK's
/// zgesdd/cgesdd, NumPy's `linalg.svd(a, full_matrices=False)`): `u` is m×k and `vh` k×n with
/// orthonormal rows and columns in the Hermitian sense, k = min(m, n), `s` real and descending.
///
/// ```swift
/// let (u, s, vh) = svd(z)          // matmul(u * s, vh) ≈ z
/// ```
/// - Parameter a: A complex matrix of finite values.
/// - Returns: The factors u, s, vh.
/// - Precondition: `a` is a finite matrix; a LAPACK failure traps with its `LinalgError`.
///   O(m·n·min(m, n)).
public func svd<T: ComplexComponent>(_ a: ComplexTensor<T>) -> (u: ComplexTensor<T>, s: Tensor<T>, vh: ComplexTensor<T>) {
    requireComplexMatrix("svd", a)
    let (m, n) = (a.shape[0], a.shape[1]), k = min(m, n)
    var work = a.scalars, s = [T](repeating: 0, count: k)
    var u = [Complex<T>](repeating: .zero, count: m * k), vh = [Complex<T>](repeating: .zero, count: k * n)
    let info: Int32 =
        k == 0
        ? 0
        : work.withUnsafeMutableBytes { pa in
            s.withUnsafeMutableBytes { ps in
                u.withUnsafeMutableBytes { pu in
                    vh.withUnsafeMutableBytes { pv in
                        T.self == Double.self
                            ? folio_zgesdd(
                                Int32(m), Int32(n), pa.baseAddress!.assumingMemoryBound(to: Double.self), ps.baseAddress!.assumingMemoryBound(to: Double.self),
                                pu.baseAddress!.assumingMemoryBound(to: Double.self), pv.baseAddress!.assumingMemoryBound(to: Double.self))
                            : folio_cgesdd(
                                Int32(m), Int32(n), pa.baseAddress!.assumingMemoryBound(to: Float.self), ps.baseAddress!.assumingMemoryBound(to: Float.self),
                                pu.baseAddress!.assumingMemoryBound(to: Float.self), pv.baseAddress!.assumingMemoryBound(to: Float.self))
                    }
                }
            }
        }
    check(Int(info), "svd", a.shape, "the divide-and-conquer SVD did not converge")
    return (ComplexTensor(shape: [m, k], scalars: u), Tensor(s), ComplexTensor(shape: [k, n], scalars: vh))
}
