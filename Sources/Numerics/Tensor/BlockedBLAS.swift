internal import CBLAS

// The products Gemm.c declines (no AVX-512, some dimension above 96) go to OpenBLAS. Threaded,
// OpenBLAS splits a product by the thread count, and its partial sums then differ in the last
// bits (measured on a 300×300 dgemm: 1881, 1802 and 2832 of 90000 values differ at 2, 3 and 4
// threads from 1). So OpenBLAS runs on one thread (`openBLASAlone`, once) and Tensor's pool
// runs the product as blocks of rows (or of columns, for a short wide C) whose size depends on
// the shape only: each block is the same single-threaded call whichever thread takes it, so
// the bits are the same for every `FOLIO_THREADS`.

/// Rows (or columns) of C per block: enough work per OpenBLAS call to amortise its setup.
let blasBlockLength = 64

/// Products below this many multiply–adds run as one OpenBLAS call (a hand-off costs more).
let blasBlockMinimumWork = 64 * 64 * 64

/// Puts OpenBLAS on one thread, once per process (Tensor's pool does the threading).
let openBLASAlone: Void = openblas_set_num_threads(1)

/// C = alpha·op(A)·op(B) + beta·C through OpenBLAS, split into data-sized blocks on Tensor's
/// pool; `call` multiplies one block (its own m, n and offset operands). Row-major, with the
/// same arguments as `TensorScalar.gemm`.
@inline(__always)
func blockedBLASGemm<T>(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<T>, lda: Int, b: UnsafePointer<T>, ldb: Int,
    c: UnsafeMutablePointer<T>, ldc: Int,
    _ call: (_ m: Int, _ n: Int, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>) -> Void
) {
    _ = openBLASAlone
    let byRows = m >= n
    let length = byRows ? m : n
    let blocks = m * n * k < blasBlockMinimumWork ? 1 : (length + blasBlockLength - 1) / blasBlockLength
    parallelTasks(blocks) { t in
        let lo = t * (length / blocks) + min(t, length % blocks)
        let count = length / blocks + (t < length % blocks ? 1 : 0)
        if byRows {
            // Rows lo..<lo+count of op(A): row offsets of A, or column offsets when transposed.
            call(count, n, transA ? a + lo : a + lo * lda, b, c + lo * ldc)
        } else {
            call(m, count, a, transB ? b + lo * ldb : b + lo, c + lo)
        }
    }
}
