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
    static func exp(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self

    /// Machine epsilon as a Double (for tolerances computed in Double).
    static var epsilonDouble: Double { get }
    /// The `.npy` type descriptor of this precision ("<f4", "<f8").
    static var npyDescr: String { get }

    // LAPACK through LAPACKE, defined in Linalg/Lapack.swift. Each returns LAPACK's `info`.
    // gesdd and syevd take column-major storage (syevd: the upper triangle); the rest row-major.
    static func gesdd(
        _ jobz: UInt8, _ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Self>, _ lda: Int,
        _ s: UnsafeMutablePointer<Self>, _ u: UnsafeMutablePointer<Self>?, _ ldu: Int,
        _ vt: UnsafeMutablePointer<Self>?, _ ldvt: Int
    ) -> Int
    static func syevd(_ n: Int, _ a: UnsafeMutablePointer<Self>, _ w: UnsafeMutablePointer<Self>) -> Int
    static func gesv(_ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Self>, _ b: UnsafeMutablePointer<Self>) -> Int
    static func potrf(_ n: Int, _ a: UnsafeMutablePointer<Self>) -> Int
    static func getrf(_ n: Int, _ a: UnsafeMutablePointer<Self>, _ ipiv: UnsafeMutablePointer<Int32>) -> Int
    static func geqrf(_ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Self>, _ tau: UnsafeMutablePointer<Self>) -> Int
    static func orgqr(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafeMutablePointer<Self>, _ tau: UnsafePointer<Self>) -> Int
    static func gelsd(
        _ m: Int, _ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Self>, _ b: UnsafeMutablePointer<Self>,
        _ ldb: Int, _ s: UnsafeMutablePointer<Self>, _ rcond: Self, _ rank: inout Int
    ) -> Int
}

@inline(__always) private func op(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Float: TensorScalar {
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if folio_gemm_f32(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Int32(tensorThreads)) != 0 { return }
        cblas_sgemm(
            CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
    @inline(__always) public static func expm1(_ x: Float) -> Float { expm1f(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) public static func sin(_ x: Float) -> Float { sinf(x) }
    @inline(__always) public static func cos(_ x: Float) -> Float { cosf(x) }
    @inline(__always) public static func erf(_ x: Float) -> Float { erff(x) }
    @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    public static var epsilonDouble: Double { Double(Float.ulpOfOne) }
    public static var npyDescr: String { "<f4" }
}

extension Double: TensorScalar {
    public static func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        if folio_gemm_f64(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Int32(tensorThreads)) != 0 { return }
        cblas_dgemm(
            CblasRowMajor, op(transA), op(transB), Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    #if canImport(Glibc)
    @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) public static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) public static func erf(_ x: Double) -> Double { Glibc.erf(x) }
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    #else
    @inline(__always) public static func exp(_ x: Double) -> Double { Darwin.exp(x) }
    @inline(__always) public static func expm1(_ x: Double) -> Double { Darwin.expm1(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Darwin.log1p(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Darwin.tanh(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { Darwin.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Darwin.cos(x) }
    @inline(__always) public static func erf(_ x: Double) -> Double { Darwin.erf(x) }
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Darwin.pow(x, y) }
    #endif
    public static var epsilonDouble: Double { Double.ulpOfOne }
    public static var npyDescr: String { "<f8" }
}
