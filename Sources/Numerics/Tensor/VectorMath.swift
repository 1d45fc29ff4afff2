internal import CTensorKernels

/// Elementwise math through glibc's libmvec (AVX2 / AVX-512, chosen at run time by
/// CTensorKernels): 5–25× the per-element C library calls and the SSE2 polynomials of
/// `FastMath` that the baseline Swift build is limited to.
///
/// Each element's value depends only on its input (not on chunking), so splitting across
/// threads gives the same bits as one thread. Where the machine has no vector path for a
/// function, `vectorMath` declines and the caller uses the Swift kernels.
@inline(__always)
func libmvecFunction(_ op: UnaryOp) -> FolioVFunction? {
    switch op {
    case .exp: return FolioVExp
    case .expm1: return FolioVExpm1
    case .log: return FolioVLog
    case .log1p: return FolioVLog1p
    case .tanh: return FolioVTanh
    case .sin: return FolioVSin
    case .cos: return FolioVCos
    case .erf: return FolioVErf
    case .sigmoid: return FolioVSigmoid
    case .softplus, .relu, .abs, .sqrt, .square, .sign: return nil
    }
}

/// y[i] = op(x[i]) for i < n through libmvec, split across threads for large n; false (nothing
/// written) when this machine or precision has no vector path for `op`.
func vectorMath<T: TensorScalar>(_ op: UnaryOp, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ n: Int) -> Bool {
    guard let f = libmvecFunction(op) else { return false }
    let run: (Int, Int) -> Int32
    if T.self == Float.self {
        let xf = UnsafeRawPointer(x).assumingMemoryBound(to: Float.self)
        let yf = UnsafeMutableRawPointer(y).assumingMemoryBound(to: Float.self)
        run = { lo, count in folio_vmath_f32(f, xf + lo, yf + lo, count) }
    } else if T.self == Double.self {
        let xd = UnsafeRawPointer(x).assumingMemoryBound(to: Double.self)
        let yd = UnsafeMutableRawPointer(y).assumingMemoryBound(to: Double.self)
        run = { lo, count in folio_vmath_f64(f, xd + lo, yd + lo, count) }
    } else {
        return false
    }
    guard run(0, 0) != 0 else { return false }  // probes for a vector path; computes nothing
    // Chunks of whole 16-element groups, so only the very end is ever a partial vector.
    let groups = (n + 15) / 16
    parallelChunks(groups, threshold: parallelThreshold / 16) { r in
        let lo = r.lowerBound * 16, hi = Swift.min(n, r.upperBound * 16)
        _ = run(lo, hi - lo)
    }
    return true
}

/// Softmax of `rows` contiguous rows of n values in place (max, exp, 1/sum per row) in
/// CTensorKernels; false (nothing written) without a vector path.
func softmaxRows<T: TensorScalar>(_ x: UnsafeMutablePointer<T>, _ rows: Int, _ n: Int) -> Bool {
    if T.self == Float.self {
        return folio_softmax_rows_f32(UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), rows, n) != 0
    }
    if T.self == Double.self {
        return folio_softmax_rows_f64(UnsafeMutableRawPointer(x).assumingMemoryBound(to: Double.self), rows, n) != 0
    }
    return false
}
