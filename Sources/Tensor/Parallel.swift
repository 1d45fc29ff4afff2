import Dispatch
internal import CTensorKernels

/// Elementwise work is split across two threads above this many elements; below it the
/// thread hand-off costs more than it saves.
public nonisolated(unsafe) var parallelThreshold = 1 << 15

/// Number of threads used by large elementwise kernels and by random sampling. Results never
/// depend on it: each element is computed by the same code whichever thread runs it.
public nonisolated(unsafe) var tensorThreads = 2 {
    didSet { folio_set_blas_threads(Int32(clamping: tensorThreads)) }   // LAPACK's products too (BlasRouting.c)
}

/// Runs `body` over `0..<count` in contiguous chunks, on `tensorThreads` threads when
/// `count >= threshold`. Chunks are disjoint, so writes to distinct elements need no locks.
/// The threads are CTensorKernels' pool (Pool.c), whose workers spin between jobs: handing a
/// chunk to a Dispatch thread meant waking it through the kernel on every operation.
@inline(__always)
func parallelChunks(_ count: Int, threshold: Int = parallelThreshold, _ body: (Range<Int>) -> Void) {
    let threads = tensorThreads
    if threads <= 1 || count < threshold {
        if count > 0 { body(0..<count) }
        return
    }
    let chunk = (count + threads - 1) / threads
    withoutActuallyEscaping(body) { body in
        var job = ChunkJob(body: body, count: count, chunk: chunk)
        withUnsafeMutablePointer(to: &job) { folio_parallel(threads, Int32(threads), runChunk, $0) }
    }
}

/// What a pool task needs to run one chunk of a `parallelChunks` call.
private struct ChunkJob {
    let body: (Range<Int>) -> Void
    let count: Int
    let chunk: Int
}

private let runChunk: @convention(c) (UnsafeMutableRawPointer?, Int) -> Void = { context, task in
    let job = context!.assumingMemoryBound(to: ChunkJob.self)
    let lo = task * job.pointee.chunk, hi = min(job.pointee.count, lo + job.pointee.chunk)
    if lo < hi { job.pointee.body(lo..<hi) }
}
