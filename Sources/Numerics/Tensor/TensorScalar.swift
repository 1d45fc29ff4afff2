internal import CBLAS
internal import CTensorKernels
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The floating-point element types a `Tensor` computes with (`Float`, `Double`). Each
/// conformance routes the BLAS/LAPACK entry points and the C math library of its precision,
/// so generic code calls one name (`gemm`, `exp`) and gets `sgemm`/`expf` or `dgemm`/`exp`.
public protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {
    /// C = alpha · op(A) · op(B) + beta · C, row-major: through CTensorKernels' AVX2/AVX-512
    /// kernel where it beats OpenBLAS's forced Haswell kernels (see SmallGemm.c), else OpenBLAS.
    static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    // The C math library at this precision.
    /// eˣ at this precision (`expf`, `exp`).
    static func exp(_ x: Self) -> Self
    /// eˣ − 1 at this precision.
    static func expm1(_ x: Self) -> Self
    /// The natural logarithm at this precision.
    static func log(_ x: Self) -> Self
    /// log(1 + x) at this precision.
    static func log1p(_ x: Self) -> Self
    /// tanh at this precision.
    static func tanh(_ x: Self) -> Self
    /// sin at this precision.
    static func sin(_ x: Self) -> Self
    /// cos at this precision.
    static func cos(_ x: Self) -> Self
    /// The error function at this precision.
    static func erf(_ x: Self) -> Self
    /// xʸ at this precision.
    static func pow(_ x: Self, _ y: Self) -> Self

    /// Machine epsilon as a Double (for tolerances computed in Double).
    static var epsilonDouble: Double { get }
    /// The `.npy` type descriptor of this precision ("<f4", "<f8").
    static var npyDescr: String { get }

    // LAPACK through LAPACKE, defined in Linalg/Lapack.swift. Each returns LAPACK's `info`.
    // gesdd and syevd take column-major storage (syevd: the upper triangle); the rest row-major.
    /// LAPACK `?gesdd`, the divide-and-conquer SVD (column-major; used by ``svd(_:full:)``).
    static func gesdd(
        _ jobz: UInt8, _ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Self>, _ lda: Int,
        _ s: UnsafeMutablePointer<Self>, _ u: UnsafeMutablePointer<Self>?, _ ldu: Int,
        _ vt: UnsafeMutablePointer<Self>?, _ ldvt: Int
    ) -> Int
    /// LAPACK `?syevd`, the symmetric eigensolver with vectors (column-major, upper triangle; used by ``eigh(_:)``).
    static func syevd(_ n: Int, _ a: UnsafeMutablePointer<Self>, _ w: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?gesv`, LU with partial pivoting and solve (used by ``solve(_:_:)``).
    static func gesv(_ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Self>, _ b: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?potrf`, the Cholesky factorisation (lower triangle; used by ``cholesky(_:)``).
    static func potrf(_ n: Int, _ a: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?getrf`, LU with partial pivoting (used by ``det(_:)`` and ``slogdet(_:)``).
    static func getrf(_ n: Int, _ a: UnsafeMutablePointer<Self>, _ ipiv: UnsafeMutablePointer<Int32>) -> Int
    /// LAPACK `?geqrf`, the Householder QR factorisation (used by ``qr(_:)``).
    static func geqrf(_ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Self>, _ tau: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?orgqr`, forming Q from the reflectors of ``geqrf(_:_:_:_:)``.
    static func orgqr(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafeMutablePointer<Self>, _ tau: UnsafePointer<Self>) -> Int
    /// LAPACK `?gelsd`, least squares through the SVD (used by ``lstsq(_:_:rcond:)``).
    static func gelsd(
        _ m: Int, _ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Self>, _ b: UnsafeMutablePointer<Self>,
        _ ldb: Int, _ s: UnsafeMutablePointer<Self>, _ rcond: Self, _ rank: inout Int
    ) -> Int
}

@inline(__always) private func op(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

// The conformances route each requirement to the C library of one precision; they are hidden
// from the reference (`@_documentation(visibility: internal)`), where the requirement documents
// them once: a notebook calls `svd`, `exp`, `matmul`, never `Float.gesdd`.
extension Float: TensorScalar {
    @_documentation(visibility: internal)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if folio_gemm_f32(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Int32(tensorThreads)) != 0 { return }
        // Declined (AVX2 machine, a dimension above 96): OpenBLAS in data-sized blocks (BlockedBLAS.swift).
        blockedBLASGemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc) { m, n, a, b, c in
            cblas_sgemm(
                CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k),
                alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }
    }
    @_documentation(visibility: internal)
    @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func expm1(_ x: Float) -> Float { expm1f(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func tanh(_ x: Float) -> Float { tanhf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func sin(_ x: Float) -> Float { sinf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func cos(_ x: Float) -> Float { cosf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func erf(_ x: Float) -> Float { erff(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    @_documentation(visibility: internal)
    public static var epsilonDouble: Double { Double(Float.ulpOfOne) }
    @_documentation(visibility: internal)
    public static var npyDescr: String { "<f4" }
}

extension Double: TensorScalar {
    @_documentation(visibility: internal)
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        if folio_gemm_f64(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Int32(tensorThreads)) != 0 { return }
        // Declined (AVX2 machine, a dimension above 96): OpenBLAS in data-sized blocks (BlockedBLAS.swift).
        blockedBLASGemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc) { m, n, a, b, c in
            cblas_dgemm(
                CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k),
                alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }
    }
    #if canImport(Glibc)
    @_documentation(visibility: internal)
    @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func erf(_ x: Double) -> Double { Glibc.erf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    #else
    @_documentation(visibility: internal)
    @inline(__always) public static func exp(_ x: Double) -> Double { Darwin.exp(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func expm1(_ x: Double) -> Double { Darwin.expm1(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log(_ x: Double) -> Double { Darwin.log(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func log1p(_ x: Double) -> Double { Darwin.log1p(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func tanh(_ x: Double) -> Double { Darwin.tanh(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func sin(_ x: Double) -> Double { Darwin.sin(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func cos(_ x: Double) -> Double { Darwin.cos(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func erf(_ x: Double) -> Double { Darwin.erf(x) }
    @_documentation(visibility: internal)
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Darwin.pow(x, y) }
    #endif
    @_documentation(visibility: internal)
    public static var epsilonDouble: Double { Double.ulpOfOne }
    @_documentation(visibility: internal)
    public static var npyDescr: String { "<f8" }
}
