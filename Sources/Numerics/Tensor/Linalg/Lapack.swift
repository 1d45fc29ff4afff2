internal import CLAPACKE
internal import CTensorKernels
internal import CBLAS

// LAPACKE routing for `TensorScalar` (declared there); every routine returns LAPACK's `info`
// (0 = success). Most take row-major storage, which LAPACKE transposes in and out. gesdd and
// syevd, the expensive ones, take column-major storage instead: a row-major matrix read as
// column-major is its transpose, which Decompositions.swift turns to its advantage, so no
// transposed copy is made (measured: 1 ms of a 512² eigh's 17, 2 of an SVD's 45).

private let rowMajor = LAPACK_ROW_MAJOR
private let columnMajor = LAPACK_COL_MAJOR
private func i32(_ x: Int) -> Int32 { Int32(x) }

/// Runs a LAPACK driver with OpenBLAS on one thread. Its products go to our gemm, on our
/// threads (BlasRouting.c); OpenBLAS's own threads, spinning beside ours on two cores, made a
/// 512² SVD 25 % slower. Saved and restored, so OpenBLAS keeps its threads for large cblas
/// products.
private func lapackAlone<R>(_ body: () -> R) -> R {
    _ = tensorThreads  // first use sets BlasRouting.c's thread count from the available cores
    let saved = openblas_get_num_threads()
    if saved > 1 { openblas_set_num_threads(1) }
    defer { if saved > 1 { openblas_set_num_threads(saved) } }
    return body()
}

// The conformances route each requirement to the C library of one precision; they are hidden
// from the reference (`@_documentation(visibility: internal)`), where the requirement documents
// them once: a notebook calls `svd`, `exp`, `matmul`, never `Float.gesdd`.
extension Float {
    @_documentation(visibility: internal)
    public static func gesdd(
        _ jobz: UInt8, _ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Float>, _ lda: Int,
        _ s: UnsafeMutablePointer<Float>, _ u: UnsafeMutablePointer<Float>?, _ ldu: Int,
        _ vt: UnsafeMutablePointer<Float>?, _ ldvt: Int
    ) -> Int {
        lapackAlone { Int(LAPACKE_sgesdd(columnMajor, CChar(bitPattern: jobz), i32(m), i32(n), a, i32(lda), s, u, i32(ldu), vt, i32(ldvt))) }
    }
    @_documentation(visibility: internal)
    public static func syevd(_ n: Int, _ a: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>) -> Int {
        lapackAlone { Int(LAPACKE_ssyevd(columnMajor, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), i32(n), a, i32(n), w)) }
    }
    @_documentation(visibility: internal)
    public static func gesv(_ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>) -> Int {
        var ipiv = [Int32](repeating: 0, count: max(n, 1))
        return Int(LAPACKE_sgesv(rowMajor, i32(n), i32(nrhs), a, i32(n), &ipiv, b, i32(nrhs)))
    }
    @_documentation(visibility: internal)
    public static func potrf(_ n: Int, _ a: UnsafeMutablePointer<Float>) -> Int {
        Int(LAPACKE_spotrf(rowMajor, CChar(UInt8(ascii: "L")), i32(n), a, i32(n)))
    }
    @_documentation(visibility: internal)
    public static func getrf(_ n: Int, _ a: UnsafeMutablePointer<Float>, _ ipiv: UnsafeMutablePointer<Int32>) -> Int {
        Int(LAPACKE_sgetrf(rowMajor, i32(n), i32(n), a, i32(n), ipiv))
    }
    @_documentation(visibility: internal)
    public static func geqrf(_ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Float>, _ tau: UnsafeMutablePointer<Float>) -> Int {
        Int(LAPACKE_sgeqrf(rowMajor, i32(m), i32(n), a, i32(n), tau))
    }
    @_documentation(visibility: internal)
    public static func orgqr(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafeMutablePointer<Float>, _ tau: UnsafePointer<Float>) -> Int {
        Int(LAPACKE_sorgqr(rowMajor, i32(m), i32(n), i32(k), a, i32(n), tau))
    }
    @_documentation(visibility: internal)
    public static func gelsd(
        _ m: Int, _ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>,
        _ ldb: Int, _ s: UnsafeMutablePointer<Float>, _ rcond: Float, _ rank: inout Int
    ) -> Int {
        var r: Int32 = 0
        let info = LAPACKE_sgelsd(rowMajor, i32(m), i32(n), i32(nrhs), a, i32(n), b, i32(ldb), s, rcond, &r)
        rank = Int(r)
        return Int(info)
    }
}

extension Double {
    @_documentation(visibility: internal)
    public static func gesdd(
        _ jobz: UInt8, _ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int,
        _ s: UnsafeMutablePointer<Double>, _ u: UnsafeMutablePointer<Double>?, _ ldu: Int,
        _ vt: UnsafeMutablePointer<Double>?, _ ldvt: Int
    ) -> Int {
        lapackAlone { Int(LAPACKE_dgesdd(columnMajor, CChar(bitPattern: jobz), i32(m), i32(n), a, i32(lda), s, u, i32(ldu), vt, i32(ldvt))) }
    }
    @_documentation(visibility: internal)
    public static func syevd(_ n: Int, _ a: UnsafeMutablePointer<Double>, _ w: UnsafeMutablePointer<Double>) -> Int {
        lapackAlone { Int(LAPACKE_dsyevd(columnMajor, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), i32(n), a, i32(n), w)) }
    }
    @_documentation(visibility: internal)
    public static func gesv(_ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>) -> Int {
        var ipiv = [Int32](repeating: 0, count: max(n, 1))
        return Int(LAPACKE_dgesv(rowMajor, i32(n), i32(nrhs), a, i32(n), &ipiv, b, i32(nrhs)))
    }
    @_documentation(visibility: internal)
    public static func potrf(_ n: Int, _ a: UnsafeMutablePointer<Double>) -> Int {
        Int(LAPACKE_dpotrf(rowMajor, CChar(UInt8(ascii: "L")), i32(n), a, i32(n)))
    }
    @_documentation(visibility: internal)
    public static func getrf(_ n: Int, _ a: UnsafeMutablePointer<Double>, _ ipiv: UnsafeMutablePointer<Int32>) -> Int {
        Int(LAPACKE_dgetrf(rowMajor, i32(n), i32(n), a, i32(n), ipiv))
    }
    @_documentation(visibility: internal)
    public static func geqrf(_ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Double>, _ tau: UnsafeMutablePointer<Double>) -> Int {
        Int(LAPACKE_dgeqrf(rowMajor, i32(m), i32(n), a, i32(n), tau))
    }
    @_documentation(visibility: internal)
    public static func orgqr(_ m: Int, _ n: Int, _ k: Int, _ a: UnsafeMutablePointer<Double>, _ tau: UnsafePointer<Double>) -> Int {
        Int(LAPACKE_dorgqr(rowMajor, i32(m), i32(n), i32(k), a, i32(n), tau))
    }
    @_documentation(visibility: internal)
    public static func gelsd(
        _ m: Int, _ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>,
        _ ldb: Int, _ s: UnsafeMutablePointer<Double>, _ rcond: Double, _ rank: inout Int
    ) -> Int {
        var r: Int32 = 0
        let info = LAPACKE_dgelsd(rowMajor, i32(m), i32(n), i32(nrhs), a, i32(n), b, i32(ldb), s, rcond, &r)
        rank = Int(r)
        return Int(info)
    }
}

/// How many of LAPACK's matrix products our gemm has taken so far (BlasRouting.c): zero would
/// mean OpenBLAS's own sgemm_/dgemm_ won the symbol lookup, for tests and diagnostics.
func lapackProductsRouted() -> Int { folio_blas_routed_calls() }

/// Whether CTensorKernels' gemm takes an m×k by k×n product on this machine (its AVX-512
/// path takes every size; AVX2 every dimension ≤ 96; none without AVX2).
func gemmKernelTakes(_ m: Int, _ n: Int, _ k: Int) -> Bool { folio_gemm_accepts(m, n, k) != 0 }
