import Glibc

/// How the notebook process asks glibc to manage memory.
///
/// Why: notebooks hold a few large tensors and replace them every step (a gradient-descent step on
/// a 6.26 M-parameter network allocates and frees several 50 MB buffers). glibc serves blocks
/// above its mmap threshold (at most 32 MB by default) with a fresh mmap, which the kernel
/// zero-fills page by page on first touch and unmaps again on free. For the lazy-training notebook
/// that was 24 s of kernel time against 16 s of computation. Raising the mmap and trim thresholds
/// keeps freed blocks in the heap for the next allocation of the same size.
///
/// `mallopt` lives in <malloc.h>, which Swift's Glibc module does not import, so it is looked up
/// by name; its parameter numbers are glibc's stable ABI (malloc.h: M_TRIM_THRESHOLD −1,
/// M_MMAP_THRESHOLD −3).
enum MemoryPolicy {
    static let applied: Bool = {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, oneGiB: Int32 = 1 << 30
        return mallopt(mmapThreshold, oneGiB) == 1 && mallopt(trimThreshold, oneGiB) == 1
    }()
}
