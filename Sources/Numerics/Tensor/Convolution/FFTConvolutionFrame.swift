// The periodic grid an FFT convolution computes on: real planes of height × width are turned
// into half spectra (rfft along rows, then a complex FFT down each of the width/2 + 1 columns)
// and back. A spectrum plane is stored column by column ([bins][height]), so the column
// transforms run on contiguous lines; the pointwise products that mix channels do not care
// about the order. Rows the caller leaves empty are not transformed (their bins are zeros).

/// The smallest m ≥ n whose prime factors are 2, 3 and 5: the lengths the FFT plans run as
/// pure radix-2/3/4/5 passes.
func smoothLength(atLeast n: Int) -> Int {
    var m = max(n, 1)
    while true {
        var rest = m
        for p in [2, 3, 5] { while rest % p == 0 { rest /= p } }
        if rest == 1 { return m }
        m += 1
    }
}

/// The 2-D real FFT of one frame size and its inverse, plane by plane.
struct FFTConvolutionFrame<T: TensorScalar> {
    let height: Int
    let width: Int
    /// Non-negative frequencies along a row: width/2 + 1.
    let bins: Int
    private let rows: RealFFTPlan<T>
    /// The column transform; nil for a frame of one row (1-D convolutions).
    private let columns: FFTPlan<T>?

    init(height: Int, width: Int) {
        (self.height, self.width) = (height, width)
        rows = RealFFTPlans.plan(width, T.self)
        bins = rows.bins
        columns = height > 1 ? FFTPlans.plan(height, T.self) : nil
    }

    /// Complex entries of one spectrum plane.
    var planeCount: Int { height * bins }

    /// Reals (both parts together) one thread needs for `transform` and `inverse`.
    var workCount: Int { width + 2 * bins + 2 * rows.workCount + 2 * (columns?.scratchCount ?? 0) }

    /// The spectrum of one real plane into `spectrum` (`planeCount` entries per part). `fill(r, line)`
    /// writes row r (width reals, zeroed before the call) and returns false when the row is all zeros.
    func transform(
        into spectrum: SplitPointer<T>, work: UnsafeMutablePointer<T>, fill: (Int, UnsafeMutablePointer<T>) -> Bool
    ) {
        let (line, row, realWork, columnWork) = split(work)
        for r in 0..<height {
            line.update(repeating: 0, count: width)
            if fill(r, line) {
                rows.forward(line, into: row, work: realWork)
                for k in 0..<bins {
                    spectrum.re[k * height + r] = row.re[k]
                    spectrum.im[k * height + r] = row.im[k]
                }
            } else {
                for k in 0..<bins {
                    spectrum.re[k * height + r] = 0
                    spectrum.im[k * height + r] = 0
                }
            }
        }
        if let columns {
            for k in 0..<bins { columns.forward(spectrum.advanced(by: k * height), scratch: columnWork) }
        }
    }

    /// The real plane of `spectrum` (overwritten), times `scale`, handed row by row to `take(r, line)`
    /// for the rows `wanted` lists (ascending); the others are not computed.
    func inverse(
        _ spectrum: SplitPointer<T>, scale: T, rows wanted: StrideTo<Int>, work: UnsafeMutablePointer<T>,
        take: (Int, UnsafePointer<T>) -> Void
    ) {
        let (line, row, realWork, columnWork) = split(work)
        if let columns {
            for k in 0..<bins { columns.backward(spectrum.advanced(by: k * height), scratch: columnWork) }
        }
        for r in wanted {
            for k in 0..<bins {
                row.re[k] = spectrum.re[k * height + r]
                row.im[k] = spectrum.im[k * height + r]
            }
            rows.backward(row, into: line, work: realWork)
            for t in 0..<width { line[t] *= scale }
            take(r, UnsafePointer(line))
        }
    }

    private func split(_ work: UnsafeMutablePointer<T>) -> (UnsafeMutablePointer<T>, SplitPointer<T>, SplitPointer<T>, SplitPointer<T>) {
        let line = work, row = SplitPointer(re: work + width, im: work + width + bins)
        let real = work + width + 2 * bins
        let realWork = SplitPointer(re: real, im: real + rows.workCount)
        let column = real + 2 * rows.workCount
        let columnCount = columns?.scratchCount ?? 0
        return (line, row, realWork, SplitPointer(re: column, im: column + columnCount))
    }
}

/// Spectra of a set of planes, each `planeCount` real parts followed by as many imaginary parts.
struct PlaneSpectra<T: TensorScalar> {
    let planeCount: Int
    var storage: [T]

    /// The split pointer of plane `p` inside `base` (this set's storage).
    func plane(_ p: Int, in base: UnsafeMutablePointer<T>) -> SplitPointer<T> {
        SplitPointer(re: base + 2 * p * planeCount, im: base + (2 * p + 1) * planeCount)
    }
}

extension FFTConvolutionFrame {
    /// The spectra of `planes` real planes, spread over the pool's threads (each plane is written by
    /// one task only, so the values do not depend on the thread count).
    func spectra(planes: Int, fill: (Int, Int, UnsafeMutablePointer<T>) -> Bool) -> PlaneSpectra<T> {
        var storage: [T] = filled(0, count: 2 * planes * planeCount)
        let count = planeCount
        storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            forEachPlaneRange(planes) { range in
                var work = [T](repeating: 0, count: workCount)
                work.withUnsafeMutableBufferPointer { w in
                    for p in range {
                        let plane = SplitPointer(re: base + 2 * p * count, im: base + (2 * p + 1) * count)
                        transform(into: plane, work: w.baseAddress!) { r, line in fill(p, r, line) }
                    }
                }
            }
        }
        return PlaneSpectra(planeCount: count, storage: storage)
    }
}

/// Calls `body` with contiguous ranges of `0..<count`, one range per thread task.
func forEachPlaneRange(_ count: Int, _ body: (Range<Int>) -> Void) {
    let tasks = max(1, min(count, tensorThreads))
    let chunk = (count + tasks - 1) / tasks
    parallelTasks(tasks) { t in
        let lo = t * chunk
        if lo < count { body(lo..<min(count, lo + chunk)) }
    }
}
