internal import Foundation

// Plans for the discrete Fourier transform of one length: its factors and every pass's
// twiddles (FFTPasses.swift), or, when the length has a large prime factor, Bluestein's chirp
// and the transformed filter. Plans are built once per length and precision and cached.
//
// Why Folio has its own FFT: FFTW (Debian's libfftw3) is the fastest and best-known library,
// but it is GPL, and Folio's runtime is linked into every notebook program a user builds and
// shares, which would put each report's program under the GPL; pocketfft, NumPy's, is not
// packaged. So this is written here, checked against NumPy's values and Parseval's identity.

/// How a transform is scaled, as NumPy's `norm=`: which direction carries the 1/n.
public enum FFTNorm: Sendable {
    /// Forward unscaled, inverse scaled by 1/n (NumPy's default).
    case backward
    /// Both directions scaled by 1/√n: the transform is unitary.
    case ortho
    /// Forward scaled by 1/n, inverse unscaled.
    case forward

    /// The factor applied to a transform of length `n` in the given direction.
    func scale<T: TensorScalar>(_ n: Int, inverse: Bool) -> T {
        switch (self, inverse) {
        case (.ortho, _): return 1 / T(n).squareRoot()
        case (.backward, true), (.forward, false): return 1 / T(n)
        default: return 1
        }
    }
}

/// cos and sin of 2π·k/n in Double, folded into the first octant by symmetry so that the
/// roots on the axes and diagonals are exact (sin π is 0, not 1.2e-16) and the others carry
/// the error of an argument of at most π/4.
func unitRoot(_ k: Int, _ n: Int) -> (cos: Double, sin: Double) {
    let r = ((k % n) + n) % n
    if 2 * r > n {
        let (c, s) = unitRoot(n - r, n)
        return (c, -s)
    }
    if 4 * r > n {
        // x in (1/4, 1/2]: cos(2πx) = −cos(2π(1/2 − x)), sin(2πx) = sin(2π(1/2 − x)).
        let (c, s) = firstQuadrant(0.5 - Double(r) / Double(n), 2 * r == n)
        return (-c, s)
    }
    return firstQuadrant(Double(r) / Double(n), r == 0)
}

/// cos and sin of 2πx for x in [0, 1/4].
private func firstQuadrant(_ x: Double, _ zero: Bool) -> (cos: Double, sin: Double) {
    if zero || x == 0 { return (1, 0) }
    if x == 0.25 { return (0, 1) }
    if x > 0.125 {
        let y = 2 * Double.pi * (0.25 - x)
        return (Foundation.sin(y), Foundation.cos(y))
    }
    let y = 2 * Double.pi * x
    return (Foundation.cos(y), Foundation.sin(y))
}

/// The forward DFT of one length n: X[k] = Σ_j x[j]·exp(−2πi·jk/n).
final class FFTPlan<T: TensorScalar>: @unchecked Sendable {
    let n: Int
    private let factors: [Int]
    private let twiddles: [PassTwiddles<T>]
    private let roots: [PassTwiddles<T>]
    private let bluestein: Bluestein<T>?

    /// Prime factors above this go through Bluestein's algorithm instead of a direct p-point pass.
    static var largestDirectPrime: Int { 47 }

    init(_ n: Int) {
        precondition(n > 0, "FFT: the length must be positive, got \(n)")
        self.n = n
        let factors = FFTPlan.factorize(n)
        if let p = factors.max(), p > FFTPlan.largestDirectPrime {
            (self.factors, twiddles, roots) = ([], [], [])
            bluestein = Bluestein(n)
            return
        }
        bluestein = nil
        self.factors = factors
        var l1 = 1
        var twiddles: [PassTwiddles<T>] = [], roots: [PassTwiddles<T>] = []
        for p in factors {
            let ido = n / (l1 * p)
            var w = PassTwiddles<T>(re: [], im: [])
            w.re.reserveCapacity((p - 1) * max(ido - 1, 0))
            w.im.reserveCapacity((p - 1) * max(ido - 1, 0))
            for q in 1..<p {
                for i in 1..<max(ido, 1) {
                    let (c, s) = unitRoot(q * l1 * i, n)
                    w.re.append(T(c))
                    w.im.append(T(-s))
                }
            }
            twiddles.append(w)
            let root = (0..<p).map { unitRoot($0, p) }
            roots.append(PassTwiddles(re: root.map { T($0.cos) }, im: root.map { T(-$0.sin) }))
            l1 *= p
        }
        (self.twiddles, self.roots) = (twiddles, roots)
    }

    /// The radices, 4s first, then 2, 3, 5 and the remaining primes in increasing order.
    static func factorize(_ n: Int) -> [Int] {
        var rest = n, factors: [Int] = []
        while rest % 4 == 0 { factors.append(4); rest /= 4 }
        var p = 2
        while rest > 1 {
            if p * p > rest { factors.append(rest); break }
            while rest % p == 0 { factors.append(p); rest /= p }
            p += p == 2 ? 1 : 2
        }
        return factors
    }

    /// Scratch elements (real and imaginary parts each) one `forward` call needs.
    var scratchCount: Int { bluestein.map { 2 * $0.m } ?? n }

    /// The forward DFT of `x` (n entries), in place; `scratch` has `scratchCount` entries.
    func forward(_ x: SplitPointer<T>, scratch: SplitPointer<T>) {
        if let bluestein { bluestein.forward(x, scratch: scratch); return }
        if n == 1 { return }
        var (from, to) = (x, scratch)
        var l1 = 1
        for (stage, p) in factors.enumerated() {
            from.pass(radix: p, ido: n / (l1 * p), l1: l1, twiddles: twiddles[stage], roots: roots[stage], into: to)
            swap(&from, &to)
            l1 *= p
        }
        if from.re != x.re {
            x.re.update(from: from.re, count: n)
            x.im.update(from: from.im, count: n)
        }
    }

    /// The inverse DFT without the 1/n: swapping real and imaginary parts turns the forward
    /// transform into the inverse one.
    func backward(_ x: SplitPointer<T>, scratch: SplitPointer<T>) { forward(x.swapped, scratch: scratch.swapped) }
}

/// Bluestein's algorithm: a DFT of any length n as a convolution of length m ≥ 2n − 1 (a product
/// of 2, 3 and 5, so its own plan is mixed radix), with the chirp exp(−πi·k²/n).
final class Bluestein<T: TensorScalar>: @unchecked Sendable {
    let n: Int
    let m: Int
    private let chirp: PassTwiddles<T>
    /// The transformed filter conj(chirp), wrapped around, scaled by 1/m for the inverse.
    private let filter: PassTwiddles<T>
    private let inner: FFTPlan<T>

    init(_ n: Int) {
        self.n = n
        var m = 2 * n - 1
        while FFTPlan<T>.factorize(m).contains(where: { $0 > 5 }) { m += 1 }
        self.m = m
        let inner = FFTPlans.plan(m, T.self)
        self.inner = inner
        // k² mod 2n keeps the angle exact for large k.
        let angles = (0..<n).map { unitRoot(($0 * $0) % (2 * n), 2 * n) }
        chirp = PassTwiddles(re: angles.map { T($0.cos) }, im: angles.map { T(-$0.sin) })
        var fr = [T](repeating: 0, count: m), fi = [T](repeating: 0, count: m)
        for k in 0..<n {
            fr[k] = T(angles[k].cos); fi[k] = T(angles[k].sin)
            if k > 0 { fr[m - k] = fr[k]; fi[m - k] = fi[k] }
        }
        var scratch = [T](repeating: 0, count: 2 * m)
        fr.withUnsafeMutableBufferPointer { r in
            fi.withUnsafeMutableBufferPointer { i in
                scratch.withUnsafeMutableBufferPointer { s in
                    inner.forward(
                        SplitPointer(re: r.baseAddress!, im: i.baseAddress!),
                        scratch: SplitPointer(re: s.baseAddress!, im: s.baseAddress! + m))
                }
            }
        }
        let scale = 1 / T(m)
        filter = PassTwiddles(re: fr.map { $0 * scale }, im: fi.map { $0 * scale })
    }

    /// The forward DFT of `x` in place; `scratch` has 2m entries per part.
    func forward(_ x: SplitPointer<T>, scratch: SplitPointer<T>) {
        let a = scratch, work = scratch.advanced(by: m)
        for k in 0..<n {
            let xr = x.re[k], xi = x.im[k], c = chirp.re[k], s = chirp.im[k]
            a.re[k] = xr * c - xi * s
            a.im[k] = xr * s + xi * c
        }
        (a.re + n).initialize(repeating: 0, count: m - n)
        (a.im + n).initialize(repeating: 0, count: m - n)
        inner.forward(a, scratch: work)
        for k in 0..<m {
            let ar = a.re[k], ai = a.im[k], fr = filter.re[k], fi = filter.im[k]
            a.re[k] = ar * fr - ai * fi
            a.im[k] = ar * fi + ai * fr
        }
        inner.backward(a, scratch: work)
        for k in 0..<n {
            let ar = a.re[k], ai = a.im[k], c = chirp.re[k], s = chirp.im[k]
            x.re[k] = ar * c - ai * s
            x.im[k] = ar * s + ai * c
        }
    }
}

/// The plans built so far, per length and precision (a plan is immutable once built).
enum FFTPlans {
    private nonisolated(unsafe) static var double: [Int: FFTPlan<Double>] = [:]
    private nonisolated(unsafe) static var float: [Int: FFTPlan<Float>] = [:]
    private static let lock = NSLock()

    static func plan<T: TensorScalar>(_ n: Int, _: T.Type) -> FFTPlan<T> {
        lock.lock()
        if T.self == Double.self, let p = double[n] { lock.unlock(); return unsafeBitCast(p, to: FFTPlan<T>.self) }
        if T.self == Float.self, let p = float[n] { lock.unlock(); return unsafeBitCast(p, to: FFTPlan<T>.self) }
        lock.unlock()
        // Built outside the lock: Bluestein's plan asks for its inner plan.
        let plan = FFTPlan<T>(n)
        lock.lock()
        defer { lock.unlock() }
        if T.self == Double.self { double[n] = unsafeDowncast(plan, to: FFTPlan<Double>.self) }
        if T.self == Float.self { float[n] = unsafeDowncast(plan, to: FFTPlan<Float>.self) }
        return plan
    }
}
