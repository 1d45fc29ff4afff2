import Cores
internal import Dispatch
internal import CTensorKernels

/// Elementwise work is split across `tensorThreads` threads above this many elements; below it
/// the thread hand-off costs more than it saves.
public nonisolated(unsafe) var parallelThreshold = 1 << 15

/// Number of threads used by gemm, large elementwise kernels, random sampling, LAPACK's products
/// and the theory probes: the machine's available cores (affinity and cgroup quota) or
/// `FOLIO_THREADS` (Cores). Results never depend on it: each element is computed by the same
/// code whichever thread runs it, and sums are split at places fixed by the data, not the count.
public nonisolated(unsafe) var tensorThreads: Int = {
    let n = Cores.resolved()
    folio_set_blas_threads(Int32(n))
    return n
}()
{
    didSet { folio_set_blas_threads(Int32(clamping: tensorThreads)) }  // LAPACK's products too (BlasRouting.c)
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
    parallelTasks(threads, threads: threads) { t in
        let lo = t * chunk, hi = min(count, lo + chunk)
        if lo < hi { body(lo..<hi) }
    }
}

/// Runs `body(t)` for t in 0..<tasks on up to `threads` threads of Tensor's pool, the caller's
/// among them, and returns when all are done. Work started inside `body` (a matmul, an
/// elementwise operation) finds the pool busy and runs on its own thread, so nested parallel
/// code never puts more spinning threads than cores to work.
public func parallelTasks(_ tasks: Int, threads: Int = tensorThreads, _ body: (Int) -> Void) {
    if tasks <= 0 { return }
    if threads <= 1 || tasks == 1 {
        for t in 0..<tasks { body(t) }
        return
    }
    withoutActuallyEscaping(body) { body in
        var job = TaskJob(body: body)
        withUnsafeMutablePointer(to: &job) { folio_parallel(tasks, Int32(threads), runTask, $0) }
    }
}

/// What a pool task needs: the closure, behind a pointer the C pool can carry.
private struct TaskJob { let body: (Int) -> Void }

private let runTask: @convention(c) (UnsafeMutableRawPointer?, Int) -> Void = { context, task in
    context!.assumingMemoryBound(to: TaskJob.self).pointee.body(task)
}
