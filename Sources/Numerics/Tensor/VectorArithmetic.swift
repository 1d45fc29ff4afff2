internal import CTensorKernels

/// + − × ÷ on contiguous operands through CTensorKernels, compiled for AVX2/AVX-512 (the Swift
/// loops are SSE2). Each result is one IEEE operation, so the values equal the Swift loops'.
enum VectorArithmetic {
    static func kernelOp(_ op: BinaryOp) -> FolioArith? {
        switch op {
        case .add: return FolioAdd
        case .subtract: return FolioSub
        case .multiply: return FolioMul
        case .divide: return FolioDiv
        case .pow, .minimum, .maximum: return nil
        }
    }

    /// Whether this machine and precision have the vector path (a zero-length call computes nothing).
    static func available<T: TensorScalar>(_: T.Type) -> Bool {
        if T.self == Float.self { return folio_arith_f32(FolioAdd, 0, nil, nil, nil, 0) != 0 }
        if T.self == Double.self { return folio_arith_f64(FolioAdd, 0, nil, nil, nil, 0) != 0 }
        return false
    }

    /// z[i] = x[i] op y[i] (mode 0), x[i] op y[0] (mode 1) or y[0] op x[i] (mode 2) for i < n,
    /// split across threads for large n. Call only when `available`.
    static func run<T: TensorScalar>(
        _ op: FolioArith, mode: Int32, _ x: UnsafePointer<T>, _ y: UnsafePointer<T>,
        _ z: UnsafeMutablePointer<T>, _ n: Int
    ) {
        let step = mode == 0 ? 1 : 0
        parallelChunks(n) { r in
            let lo = r.lowerBound, yy = y + lo * step
            if T.self == Float.self {
                _ = folio_arith_f32(op, mode, f32(x + lo), f32(yy), f32m(z + lo), r.count)
            } else {
                _ = folio_arith_f64(op, mode, f64(x + lo), f64(yy), f64m(z + lo), r.count)
            }
        }
    }

    @inline(__always) static func f32<T>(_ p: UnsafePointer<T>) -> UnsafePointer<Float> { UnsafeRawPointer(p).assumingMemoryBound(to: Float.self) }
    @inline(__always) static func f64<T>(_ p: UnsafePointer<T>) -> UnsafePointer<Double> { UnsafeRawPointer(p).assumingMemoryBound(to: Double.self) }
    @inline(__always) static func f32m<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self)
    }
    @inline(__always) static func f64m<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Double> {
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: Double.self)
    }
}

/// A new array of `count` elements, all of which `fill` initialises. Arrays of 4 MB and more
/// are backed by huge pages, as NumPy's are: a fresh 40 MB array otherwise costs ten thousand
/// page faults, as long as computing it.
@inline(__always)
func uninitializedArray<T>(_ count: Int, _ fill: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if let p = buffer.baseAddress, count > 0 {
            folio_advise_huge_pages(p, count * MemoryLayout<T>.stride)
            fill(p)
        }
        initialized = count
    }
}
