// Running a one-dimensional transform along one axis of a tensor of any rank: the tensor is a
// set of lines (outer × inner of them, `length` apart by `inner`), gathered a block at a time
// into split buffers, transformed and written back, cropped or zero-padded to the transform's
// length. A block of lines that are neighbours in memory is gathered together, so a transform
// along a leading axis reads whole cache lines instead of one element per line.

/// The lines of a tensor along one axis.
struct AxisLines {
    let outer: Int
    let length: Int
    let inner: Int

    init(_ shape: [Int], axis: Int) {
        outer = shape[..<axis].reduce(1, *)
        length = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
    }

    /// How many lines are gathered together: neighbours along the inner axis.
    var block: Int { Swift.min(inner, 16) }

    /// Calls `body(o, j0, lanes)` for every block of lines: outer index `o`, first inner index `j0`,
    /// `lanes` lines starting there.
    func forEachBlock(_ body: (Int, Int, Int) -> Void) {
        let b = block
        for o in 0..<outer {
            var j0 = 0
            while j0 < inner {
                let lanes = Swift.min(b, inner - j0)
                body(o, j0, lanes)
                j0 += lanes
            }
        }
    }
}

/// The axis of an FFT as NumPy counts it (negative from the end), checked.
func fftAxis(_ op: String, _ axis: Int, rank: Int) -> Int {
    precondition(rank > 0, "\(op): needs at least one axis, got a rank-0 tensor")
    return normalizeAxis(op, axis, rank: rank)
}

/// The transform length: `n` when given (positive), else the axis length.
func fftLength(_ op: String, _ n: Int?, default length: Int) -> Int {
    let n = n ?? length
    precondition(n > 0, "\(op): invalid number of data points \(n) (must be positive)")
    return n
}

enum FFTEngine<T: ComplexComponent> {
    /// The complex DFT (or inverse) of length `n` along `axis`, scaled as `norm` says.
    static func complex(_ x: ComplexTensor<T>, n: Int?, axis: Int, norm: FFTNorm, inverse: Bool, op: String) -> ComplexTensor<T> {
        let axis = fftAxis(op, axis, rank: x.rank)
        let lines = AxisLines(x.shape, axis: axis)
        let n = fftLength(op, n, default: lines.length)
        var shape = x.shape
        shape[axis] = n
        let plan = FFTPlans.plan(n, T.self)
        let scale: T = norm.scale(n, inverse: inverse)
        let b = lines.block, kept = Swift.min(n, lines.length)
        var out = [Complex<T>](repeating: Complex<T>(0, 0), count: shape.reduce(1, *))
        var buffer = [T](repeating: 0, count: 2 * b * n + 2 * plan.scratchCount)
        x.scalars.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: T.self) { src in
                out.withUnsafeMutableBufferPointer { o in
                    o.withMemoryRebound(to: T.self) { dst in
                        buffer.withUnsafeMutableBufferPointer { buf in
                            let re = buf.baseAddress!, im = re + b * n, scratch = im + b * n
                            let work = SplitPointer(re: scratch, im: scratch + plan.scratchCount)
                            lines.forEachBlock { outer, j0, lanes in
                                for t in 0..<n {
                                    for lane in 0..<lanes {
                                        let at = lane * n + t
                                        if t < kept {
                                            let e = 2 * ((outer * lines.length + t) * lines.inner + j0 + lane)
                                            re[at] = src[e]
                                            im[at] = src[e + 1]
                                        } else {
                                            re[at] = 0
                                            im[at] = 0
                                        }
                                    }
                                }
                                for lane in 0..<lanes {
                                    let line = SplitPointer(re: re + lane * n, im: im + lane * n)
                                    if inverse { plan.backward(line, scratch: work) } else { plan.forward(line, scratch: work) }
                                }
                                for t in 0..<n {
                                    for lane in 0..<lanes {
                                        let at = lane * n + t
                                        let e = 2 * ((outer * n + t) * lines.inner + j0 + lane)
                                        dst[e] = re[at] * scale
                                        dst[e + 1] = im[at] * scale
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return ComplexTensor<T>(shape: shape, scalars: out)
    }

    /// The DFT of real input along `axis`: the n/2 + 1 bins (`full` false, NumPy's rfft), or all
    /// n bins with the upper half conjugate-mirrored (`full` true, NumPy's fft of real input).
    static func real(_ x: Tensor<T>, n: Int?, axis: Int, norm: FFTNorm, full: Bool, op: String) -> ComplexTensor<T> {
        let axis = fftAxis(op, axis, rank: x.rank)
        let lines = AxisLines(x.shape, axis: axis)
        let n = fftLength(op, n, default: lines.length)
        let plan = RealFFTPlans.plan(n, T.self)
        let bins = plan.bins, width = full ? n : bins
        var shape = x.shape
        shape[axis] = width
        let scale: T = norm.scale(n, inverse: false)
        let kept = Swift.min(n, lines.length)
        var out = [Complex<T>](repeating: Complex<T>(0, 0), count: shape.reduce(1, *))
        var buffer = [T](repeating: 0, count: n + 2 * bins + 2 * plan.workCount)
        x.scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { o in
                o.withMemoryRebound(to: T.self) { dst in
                    buffer.withUnsafeMutableBufferPointer { buf in
                        let line = buf.baseAddress!, spectrum = SplitPointer(re: line + n, im: line + n + bins)
                        let work = SplitPointer(re: line + n + 2 * bins, im: line + n + 2 * bins + plan.workCount)
                        for outer in 0..<lines.outer {
                            for j in 0..<lines.inner {
                                for t in 0..<n { line[t] = t < kept ? src[(outer * lines.length + t) * lines.inner + j] : 0 }
                                plan.forward(line, into: spectrum, work: work)
                                for k in 0..<width {
                                    let e = 2 * ((outer * width + k) * lines.inner + j)
                                    if k < bins {
                                        dst[e] = spectrum.re[k] * scale
                                        dst[e + 1] = spectrum.im[k] * scale
                                    } else {
                                        dst[e] = spectrum.re[n - k] * scale
                                        dst[e + 1] = -spectrum.im[n - k] * scale
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return ComplexTensor<T>(shape: shape, scalars: out)
    }

    /// The inverse of `real`: n reals along `axis` from the n/2 + 1 Hermitian bins (NumPy's irfft).
    static func hermitian(_ x: ComplexTensor<T>, n: Int?, axis: Int, norm: FFTNorm, op: String) -> Tensor<T> {
        let axis = fftAxis(op, axis, rank: x.rank)
        let lines = AxisLines(x.shape, axis: axis)
        let n = fftLength(op, n, default: 2 * (lines.length - 1))
        let plan = RealFFTPlans.plan(n, T.self)
        let bins = plan.bins, kept = Swift.min(bins, lines.length)
        var shape = x.shape
        shape[axis] = n
        let scale: T = norm.scale(n, inverse: true)
        var out = [T](repeating: 0, count: shape.reduce(1, *))
        var buffer = [T](repeating: 0, count: n + 2 * bins + 2 * plan.workCount)
        x.scalars.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: T.self) { src in
                out.withUnsafeMutableBufferPointer { dst in
                    buffer.withUnsafeMutableBufferPointer { buf in
                        let line = buf.baseAddress!, spectrum = SplitPointer(re: line + n, im: line + n + bins)
                        let work = SplitPointer(re: line + n + 2 * bins, im: line + n + 2 * bins + plan.workCount)
                        for outer in 0..<lines.outer {
                            for j in 0..<lines.inner {
                                for k in 0..<bins {
                                    let e = 2 * ((outer * lines.length + k) * lines.inner + j)
                                    spectrum.re[k] = k < kept ? src[e] : 0
                                    spectrum.im[k] = k < kept ? src[e + 1] : 0
                                }
                                plan.backward(spectrum, into: line, work: work)
                                for t in 0..<n { dst[(outer * n + t) * lines.inner + j] = line[t] * scale }
                            }
                        }
                    }
                }
            }
        }
        return Tensor<T>(shape: shape, scalars: out)
    }
}
