// The three faces of a convolution (ConvolutionKernels.swift) computed by FFT on one periodic
// frame. All three are stride-1 correlations or convolutions of zero-padded planes: the forward
// map correlates the padded input with the dilated kernel and keeps every stride-th value; the
// input gradient convolves the stride-upsampled output gradient with the dilated kernel; the
// weight gradient correlates the padded input with the upsampled output gradient and keeps every
// dilation-th lag. A frame at least as large as the part of the padded input the windows read,
// readHeight × readWidth, holds each of them without wrap-around, because every index they need
// stays inside it. The sum over channels (or over the batch, for the weight gradient) is taken per
// frequency, in a fixed order, and every output plane is written by one task: results do not
// depend on the thread count.

extension ConvolutionGeometry {
    /// Rows of the zero-padded input that the output's windows read: (outH − 1)·stride + span.
    var readHeight: Int { (outHeight - 1) * strideHeight + dilationHeight * (kernelHeight - 1) + 1 }
    /// Columns of the zero-padded input that the output's windows read.
    var readWidth: Int { (outWidth - 1) * strideWidth + dilationWidth * (kernelWidth - 1) + 1 }

    /// The FFT frame: the smallest 2·3·5-smooth sizes that hold the part of the input that is read.
    ///
    /// - Returns: (height, width) of the periodic grid the FFT path computes on.
    public var fftFrame: (height: Int, width: Int) { (smoothLength(atLeast: readHeight), smoothLength(atLeast: readWidth)) }

    private func frame<T: TensorScalar>(_: T.Type) -> FFTConvolutionFrame<T> {
        let size = fftFrame
        return FFTConvolutionFrame<T>(height: size.height, width: size.width)
    }

    /// The padded input plane p (sample, channel) restricted to the rows and columns that are read.
    private func inputSpectra<T: TensorScalar>(_ x: [T], _ frame: FFTConvolutionFrame<T>) -> PlaneSpectra<T> {
        let (top, left, rows, columns) = (padTop, padLeft, readHeight, readWidth)
        let (height, width, plane) = (inHeight, inWidth, inPlane)
        let end = min(columns, left + width)
        return x.withUnsafeBufferPointer { px in
            frame.spectra(planes: batch * inChannels) { p, r, line in
                let ih = r - top
                guard r < rows, ih >= 0, ih < height, end > left else { return false }
                (line + left).update(from: px.baseAddress! + p * plane + ih * width, count: end - left)
                return true
            }
        }
    }

    /// The kernel plane p (output channel, input channel of its group) with its taps dilated.
    private func kernelSpectra<T: TensorScalar>(_ w: [T], _ frame: FFTConvolutionFrame<T>) -> PlaneSpectra<T> {
        let (kh, kw, dh, dw, area) = (kernelHeight, kernelWidth, dilationHeight, dilationWidth, kernelArea)
        return w.withUnsafeBufferPointer { pw in
            frame.spectra(planes: outChannels * groupInChannels) { p, r, line in
                guard r % dh == 0, r / dh < kh else { return false }
                let source = pw.baseAddress! + p * area + (r / dh) * kw
                for b in 0..<kw { line[b * dw] = source[b] }
                return true
            }
        }
    }

    /// The output-gradient plane p (sample, output channel) upsampled by the stride.
    private func gradientSpectra<T: TensorScalar>(_ g: [T], _ frame: FFTConvolutionFrame<T>) -> PlaneSpectra<T> {
        let (oh, ow, sh, sw, plane) = (outHeight, outWidth, strideHeight, strideWidth, outPlane)
        return g.withUnsafeBufferPointer { pg in
            frame.spectra(planes: batch * outChannels) { p, r, line in
                guard r % sh == 0, r / sh < oh else { return false }
                let source = pg.baseAddress! + p * plane + (r / sh) * ow
                for j in 0..<ow { line[j * sw] = source[j] }
                return true
            }
        }
    }

    /// For every output plane q (in parallel): the sum over `terms(q)` of products of two spectra,
    /// `a·conj(b)` or `a·b`, brought back to the plane domain and handed to `write`.
    private func mix<T: TensorScalar>(
        _ frame: FFTConvolutionFrame<T>, planes: Int, _ a: PlaneSpectra<T>, _ b: PlaneSpectra<T>, conjugate: Bool,
        terms: (Int) -> [(Int, Int)], rows: StrideTo<Int>, write: (Int, Int, UnsafePointer<T>) -> Void
    ) {
        let count = frame.planeCount
        let scale = 1 / T(frame.height * frame.width)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                forEachPlaneRange(planes) { range in
                    var buffer = [T](repeating: 0, count: 2 * count + frame.workCount)
                    buffer.withUnsafeMutableBufferPointer { buf in
                        let accRe = buf.baseAddress!, accIm = accRe + count, work = accIm + count
                        for q in range {
                            accRe.update(repeating: 0, count: 2 * count)
                            for (i, j) in terms(q) {
                                let ar = pa.baseAddress! + 2 * i * count, ai = ar + count
                                let br = pb.baseAddress! + 2 * j * count, bi = br + count
                                if conjugate {
                                    for f in 0..<count {
                                        accRe[f] += ar[f] * br[f] + ai[f] * bi[f]
                                        accIm[f] += ai[f] * br[f] - ar[f] * bi[f]
                                    }
                                } else {
                                    for f in 0..<count {
                                        accRe[f] += ar[f] * br[f] - ai[f] * bi[f]
                                        accIm[f] += ar[f] * bi[f] + ai[f] * br[f]
                                    }
                                }
                            }
                            frame.inverse(SplitPointer(re: accRe, im: accIm), scale: scale, rows: rows, work: work) { r, line in
                                write(q, r, line)
                            }
                        }
                    }
                }
            }
        }
    }

    func fftForwardImpl<T: TensorScalar>(_ x: Tensor<T>, _ weight: Tensor<T>, _ bias: Tensor<T>?) -> Tensor<T> {
        let frame = frame(T.self)
        let xs = inputSpectra(x.scalars, frame), ws = kernelSpectra(weight.scalars, frame)
        let (channels, cg, gout, out) = (inChannels, groupInChannels, groupOutChannels, outChannels)
        let (sh, sw, ow, plane) = (strideHeight, strideWidth, outWidth, outPlane)
        let biases = bias?.scalars
        var y: [T] = filled(0, count: batch * outChannels * outPlane)
        y.withUnsafeMutableBufferPointer { py in
            let base = py.baseAddress!
            mix(
                frame, planes: batch * outChannels, xs, ws, conjugate: true,
                terms: { q in
                    let (n, o) = (q / out, q % out), first = (o / gout) * cg
                    return (0..<cg).map { c in (n * channels + first + c, o * cg + c) }
                }, rows: stride(from: 0, to: outHeight * sh, by: sh),
                write: { q, r, line in
                    let b = biases?[q % out] ?? 0, row = base + q * plane + (r / sh) * ow
                    for j in 0..<ow { row[j] = line[j * sw] + b }
                })
        }
        return Tensor(shape: outputShape, scalars: y)
    }

    func fftInputGradientImpl<T: TensorScalar>(_ gy: Tensor<T>, _ weight: Tensor<T>) -> Tensor<T> {
        let frame = frame(T.self)
        let gs = gradientSpectra(gy.scalars, frame), ws = kernelSpectra(weight.scalars, frame)
        let (channels, cg, gout, out) = (inChannels, groupInChannels, groupOutChannels, outChannels)
        let (top, left, width, plane) = (padTop, padLeft, inWidth, inPlane)
        let kept = max(0, min(width, readWidth - left))
        var dx: [T] = filled(0, count: batch * inChannels * inPlane)
        dx.withUnsafeMutableBufferPointer { pdx in
            let base = pdx.baseAddress!
            mix(
                frame, planes: batch * inChannels, gs, ws, conjugate: false,
                terms: { q in
                    let (n, c) = (q / channels, q % channels), first = (c / cg) * gout
                    return (0..<gout).map { o in (n * out + first + o, (first + o) * cg + c % cg) }
                }, rows: stride(from: top, to: min(readHeight, top + inHeight), by: 1),
                write: { q, r, line in
                    let row = base + q * plane + (r - top) * width
                    for iw in 0..<kept { row[iw] = line[iw + left] }
                })
        }
        return Tensor(shape: inputShape, scalars: dx)
    }

    func fftWeightGradientImpl<T: TensorScalar>(_ x: Tensor<T>, _ gy: Tensor<T>) -> Tensor<T> {
        let frame = frame(T.self)
        let xs = inputSpectra(x.scalars, frame), gs = gradientSpectra(gy.scalars, frame)
        let (channels, cg, gout, out, samples) = (inChannels, groupInChannels, groupOutChannels, outChannels, batch)
        let (dh, dw, kw, area) = (dilationHeight, dilationWidth, kernelWidth, kernelArea)
        var dwt: [T] = filled(0, count: outChannels * groupInChannels * kernelArea)
        dwt.withUnsafeMutableBufferPointer { pdw in
            let base = pdw.baseAddress!
            mix(
                frame, planes: outChannels * groupInChannels, xs, gs, conjugate: true,
                terms: { q in
                    let (o, c) = (q / cg, q % cg), first = (o / gout) * cg
                    return (0..<samples).map { n in (n * channels + first + c, n * out + o) }
                }, rows: stride(from: 0, to: kernelHeight * dh, by: dh),
                write: { q, r, line in
                    let row = base + q * area + (r / dh) * kw
                    for b in 0..<kw { row[b] = line[b * dw] }
                })
        }
        return Tensor(shape: weightShape, scalars: dwt)
    }
}
