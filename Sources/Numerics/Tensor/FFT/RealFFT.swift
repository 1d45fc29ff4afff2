internal import Foundation

// The DFT of real input: n reals → the n/2 + 1 non-negative-frequency bins (the rest are their
// conjugates). An even length packs the samples as n/2 complex numbers z[k] = x[2k] + i·x[2k+1],
// transforms those at half the length, and untangles the spectra of the even and odd samples
// with one twiddle per bin: half the work of a complex transform. An odd length runs the full
// complex transform.

/// The real-input DFT of one length n and its inverse (Hermitian input → n reals).
final class RealFFTPlan<T: TensorScalar>: @unchecked Sendable {
    let n: Int
    /// The complex plan: of length n/2 when n is even, n when odd.
    private let complex: FFTPlan<T>
    /// exp(−2πi·k/n) for k in 0...n/2 (even n only).
    private let twiddles: PassTwiddles<T>

    init(_ n: Int) {
        precondition(n > 0, "rfft: the length must be positive, got \(n)")
        self.n = n
        complex = FFTPlans.plan(n % 2 == 0 ? n / 2 : n, T.self)
        let roots = n % 2 == 0 ? (0...n / 2).map { unitRoot($0, n) } : []
        twiddles = PassTwiddles(re: roots.map { T($0.cos) }, im: roots.map { T(-$0.sin) })
    }

    /// The number of bins, n/2 + 1.
    var bins: Int { n / 2 + 1 }
    /// Work entries (per part) the transforms need besides their input and output.
    var workCount: Int { n + complex.scratchCount }

    /// The bins of the DFT of the n reals at `x`, into `out` (`bins` entries).
    func forward(_ x: UnsafePointer<T>, into out: SplitPointer<T>, work: SplitPointer<T>) {
        let scratch = work.advanced(by: n)
        guard n % 2 == 0 else {
            work.re.update(from: x, count: n)
            work.im.initialize(repeating: 0, count: n)
            complex.forward(work, scratch: scratch)
            out.re.update(from: work.re, count: bins)
            out.im.update(from: work.im, count: bins)
            return
        }
        let h = n / 2
        for k in 0..<h {
            out.re[k] = x[2 * k]
            out.im[k] = x[2 * k + 1]
        }
        complex.forward(out, scratch: scratch)
        let half = T(0.5)
        for k in 0...(h / 2) {
            let j = h - k
            let ar = out.re[k % h], ai = out.im[k % h], br = out.re[j % h], bi = out.im[j % h]
            // X[k] = (A + B̄)/2 + w^k·(A − B̄)/(2i), and the same with A and B exchanged for X[h − k].
            let xk = untangle(ar, ai, br, bi, k, half)
            let xj = untangle(br, bi, ar, ai, j, half)
            out.re[k] = xk.0; out.im[k] = xk.1
            out.re[j] = xj.0; out.im[j] = xj.1
        }
    }

    @inline(__always)
    private func untangle(_ ar: T, _ ai: T, _ br: T, _ bi: T, _ k: Int, _ half: T) -> (T, T) {
        let er = (ar + br) * half, ei = (ai - bi) * half
        // (A − B̄)/(2i) = (d_im, −d_re)/2.
        let or = (ai + bi) * half, oi = -(ar - br) * half
        let c = twiddles.re[k], s = twiddles.im[k]
        return (er + or * c - oi * s, ei + or * s + oi * c)
    }

    /// n reals from the `bins` Hermitian bins at `spectrum` (overwritten), without the 1/n. The
    /// imaginary parts of bin 0 and, for even n, bin n/2 are ignored, as NumPy does.
    func backward(_ spectrum: SplitPointer<T>, into x: UnsafeMutablePointer<T>, work: SplitPointer<T>) {
        let scratch = work.advanced(by: n)
        spectrum.im[0] = 0
        guard n % 2 == 0 else {
            for k in 0..<bins {
                work.re[k] = spectrum.re[k]; work.im[k] = spectrum.im[k]
                if k > 0 { work.re[n - k] = spectrum.re[k]; work.im[n - k] = -spectrum.im[k] }
            }
            complex.backward(work, scratch: scratch)
            x.update(from: work.re, count: n)
            return
        }
        let h = n / 2
        spectrum.im[h] = 0
        for k in 0...(h / 2) {
            let j = h - k
            let ar = spectrum.re[k], ai = spectrum.im[k], br = spectrum.re[j], bi = spectrum.im[j]
            let zk = tangle(ar, ai, br, bi, k), zj = tangle(br, bi, ar, ai, j)
            if k < h { spectrum.re[k] = zk.0; spectrum.im[k] = zk.1 }
            if k > 0 { spectrum.re[j] = zj.0; spectrum.im[j] = zj.1 }
        }
        complex.backward(spectrum, scratch: scratch)
        for k in 0..<h {
            x[2 * k] = spectrum.re[k]
            x[2 * k + 1] = spectrum.im[k]
        }
    }

    /// Z[k] = (A + B̄) + i·w̄^k·(A − B̄): the even samples' spectrum plus i times the odd ones'.
    @inline(__always)
    private func tangle(_ ar: T, _ ai: T, _ br: T, _ bi: T, _ k: Int) -> (T, T) {
        let er = ar + br, ei = ai - bi
        let dr = ar - br, di = ai + bi
        let c = twiddles.re[k], s = -twiddles.im[k]
        // i·(c + i s)·(dr + i di) = i·(c dr − s di) − (c di + s dr).
        let pr = c * dr - s * di, pi = c * di + s * dr
        return (er - pi, ei + pr)
    }
}

/// Real-input plans built so far, per length and precision.
enum RealFFTPlans {
    private nonisolated(unsafe) static var double: [Int: RealFFTPlan<Double>] = [:]
    private nonisolated(unsafe) static var float: [Int: RealFFTPlan<Float>] = [:]
    private static let lock = NSLock()

    static func plan<T: TensorScalar>(_ n: Int, _: T.Type) -> RealFFTPlan<T> {
        lock.lock()
        if T.self == Double.self, let p = double[n] { lock.unlock(); return unsafeBitCast(p, to: RealFFTPlan<T>.self) }
        if T.self == Float.self, let p = float[n] { lock.unlock(); return unsafeBitCast(p, to: RealFFTPlan<T>.self) }
        lock.unlock()
        let plan = RealFFTPlan<T>(n)
        lock.lock()
        defer { lock.unlock() }
        if T.self == Double.self { double[n] = unsafeDowncast(plan, to: RealFFTPlan<Double>.self) }
        if T.self == Float.self { float[n] = unsafeDowncast(plan, to: RealFFTPlan<Float>.self) }
        return plan
    }
}
