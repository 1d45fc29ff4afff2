// im2col and its adjoint col2im: one sample's input unrolled into a matrix with one row per
// (input channel, kernel tap) and one column per output position, so that the convolution of a
// group is one gemm with its weights. Written by hand: no library in our mirror or in Debian
// offers a CPU im2col for row-major Float and Double, and the loop is short.

/// ⌈a / b⌉ for b > 0 and any sign of a.
@inline(__always) func ceilDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? (a + b - 1) / b : -((-a) / b) }

/// The output columns `lo..<hi` whose input column ow·stride + offset lies inside 0..<width.
@inline(__always) func validColumns(offset: Int, stride: Int, width: Int, outWidth: Int) -> (lo: Int, hi: Int) {
    let lo = min(outWidth, max(0, ceilDivide(-offset, stride)))
    let hi = max(lo, min(outWidth, ceilDivide(width - offset, stride)))
    return (lo, hi)
}

/// Writes one sample's column matrix [C·kH·kW, outH·outW] (zeros where the window is in the padding).
@inline(__always)
func im2col<T: TensorScalar>(_ x: UnsafePointer<T>, _ columns: UnsafeMutablePointer<T>, _ g: ConvolutionGeometry) {
    let plane = g.outPlane
    var row = 0
    for c in 0..<g.inChannels {
        let channel = x + c * g.inPlane
        for i in 0..<g.kernelHeight {
            for j in 0..<g.kernelWidth {
                let offset = j * g.dilationWidth - g.padLeft
                let (lo, hi) = validColumns(offset: offset, stride: g.strideWidth, width: g.inWidth, outWidth: g.outWidth)
                let rowStart = columns + row * plane
                for oh in 0..<g.outHeight {
                    let d = rowStart + oh * g.outWidth
                    let ih = oh * g.strideHeight - g.padTop + i * g.dilationHeight
                    if ih < 0 || ih >= g.inHeight {
                        d.update(repeating: 0, count: g.outWidth)
                        continue
                    }
                    let source = channel + ih * g.inWidth + offset
                    if lo > 0 { d.update(repeating: 0, count: lo) }
                    if g.strideWidth == 1 {
                        (d + lo).update(from: source + lo, count: hi - lo)
                    } else {
                        for ow in lo..<hi { d[ow] = source[ow * g.strideWidth] }
                    }
                    if hi < g.outWidth { (d + hi).update(repeating: 0, count: g.outWidth - hi) }
                }
                row += 1
            }
        }
    }
}

/// Adds one sample's column matrix back into its input positions (the adjoint of ``im2col``);
/// `x` must hold the values to add to (zeros for a fresh gradient).
@inline(__always)
func col2imAdd<T: TensorScalar>(_ columns: UnsafePointer<T>, _ x: UnsafeMutablePointer<T>, _ g: ConvolutionGeometry) {
    let plane = g.outPlane
    var row = 0
    for c in 0..<g.inChannels {
        let channel = x + c * g.inPlane
        for i in 0..<g.kernelHeight {
            for j in 0..<g.kernelWidth {
                let offset = j * g.dilationWidth - g.padLeft
                let (lo, hi) = validColumns(offset: offset, stride: g.strideWidth, width: g.inWidth, outWidth: g.outWidth)
                let rowStart = columns + row * plane
                for oh in 0..<g.outHeight {
                    let ih = oh * g.strideHeight - g.padTop + i * g.dilationHeight
                    if ih < 0 || ih >= g.inHeight { continue }
                    let s = rowStart + oh * g.outWidth
                    let target = channel + ih * g.inWidth + offset
                    if g.strideWidth == 1 {
                        for ow in lo..<hi { target[ow] += s[ow] }
                    } else {
                        for ow in lo..<hi { target[ow * g.strideWidth] += s[ow] }
                    }
                }
                row += 1
            }
        }
    }
}
