/// Gathers a strided view into contiguous storage: the data movement behind transpose,
/// permute, slice and broadcast. It moves elements as raw 4- or 8-byte words, so it runs at
/// full speed even when called from unspecialised generic code (Float is 4 bytes, Double 8).
///
/// Element i of `shape` (row-major) is read from `src + base + Σ index[k]·strides[k]`.
func stridedCopy<S: TensorScalar>(_ src: [S], base: Int, strides: [Int], shape: [Int]) -> [S] {
    let n = shape.reduce(1, *)
    var out: [S] = filled(0, count: n)
    src.withUnsafeBytes { s in
        out.withUnsafeMutableBytes { d in
            guard let sp = s.baseAddress, let dp = d.baseAddress else { return }
            switch MemoryLayout<S>.stride {
            case 4: copyWords(sp.assumingMemoryBound(to: UInt32.self) + base, dp.assumingMemoryBound(to: UInt32.self), strides, shape)
            case 8: copyWords(sp.assumingMemoryBound(to: UInt64.self) + base, dp.assumingMemoryBound(to: UInt64.self), strides, shape)
            default: fatalError("stridedCopy: unsupported element size \(MemoryLayout<S>.stride)")
            }
        }
    }
    return out
}

private func copyWords<W: FixedWidthInteger>(_ src: UnsafePointer<W>, _ dst: UnsafeMutablePointer<W>, _ strides: [Int], _ shape: [Int]) {
    forEachOffset(shape, strides, strides, strides) { i, o, _, _ in dst[i] = src[o] }
}
