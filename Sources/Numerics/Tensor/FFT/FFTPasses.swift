// The butterflies of the mixed-radix FFT: one self-sorting (Stockham) pass per factor of the
// length, on split storage (real parts and imaginary parts in separate arrays).
//
// A pass of radix p reads `input` as [l1][p][ido] and writes `output` as [p][l1][ido]: the
// p-point DFT of the p entries q = 0..<p, then the twiddle factor ω_n^(q·l1·i) on output q at
// position i (decimation in frequency). After the last pass the spectrum is in natural order,
// so no bit reversal is needed. Split storage keeps every inner loop over i a plain
// contiguous vector loop; the inverse transform is the forward one with the real and
// imaginary arrays swapped (DFT(conj-free) identity: swap∘DFT∘swap = n·IDFT), so only forward
// butterflies exist.

/// Split complex storage: `re[k] + i·im[k]`.
struct SplitPointer<T: TensorScalar> {
    var re: UnsafeMutablePointer<T>
    var im: UnsafeMutablePointer<T>

    /// The same numbers with real and imaginary parts exchanged (i·conj(z)).
    var swapped: SplitPointer { SplitPointer(re: im, im: re) }
    func advanced(by k: Int) -> SplitPointer { SplitPointer(re: re + k, im: im + k) }
}

/// The twiddles of one pass: `w[(q - 1)·(ido − 1) + i − 1] = ω_n^(q·l1·i)` for q in 1..<p, i in 1..<ido.
struct PassTwiddles<T: TensorScalar> {
    var re: [T]
    var im: [T]
}

extension SplitPointer {
    /// One radix-p pass (see the file comment) with p in {2, 3, 4, 5} unrolled, any other p direct.
    @inline(__always)
    func pass(radix p: Int, ido: Int, l1: Int, twiddles: PassTwiddles<T>, roots: PassTwiddles<T>, into out: SplitPointer) {
        twiddles.re.withUnsafeBufferPointer { wr in
            twiddles.im.withUnsafeBufferPointer { wi in
                let w = (wr.baseAddress ?? UnsafePointer(bitPattern: 8)!, wi.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                switch p {
                case 2: pass2(ido: ido, l1: l1, w: w, into: out)
                case 3: pass3(ido: ido, l1: l1, w: w, into: out)
                case 4: pass4(ido: ido, l1: l1, w: w, into: out)
                case 5: pass5(ido: ido, l1: l1, w: w, into: out)
                default: passGeneric(p, ido: ido, l1: l1, w: w, roots: roots, into: out)
                }
            }
        }
    }

    /// Multiplies output q at position i by its twiddle (i ≥ 1) and stores it.
    @inline(__always)
    private func store(_ out: SplitPointer, _ at: Int, _ yr: T, _ yi: T, _ w: (UnsafePointer<T>, UnsafePointer<T>), _ wk: Int) {
        let c = w.0[wk], s = w.1[wk]
        out.re[at] = yr * c - yi * s
        out.im[at] = yr * s + yi * c
    }

    private func pass2(ido: Int, l1: Int, w: (UnsafePointer<T>, UnsafePointer<T>), into out: SplitPointer) {
        for k in 0..<l1 {
            let a = k * 2 * ido, b = a + ido, y0 = k * ido, y1 = (k + l1) * ido
            for i in 0..<ido {
                let ar = re[a + i], ai = im[a + i], br = re[b + i], bi = im[b + i]
                out.re[y0 + i] = ar + br
                out.im[y0 + i] = ai + bi
                if i == 0 {
                    out.re[y1] = ar - br
                    out.im[y1] = ai - bi
                } else {
                    store(out, y1 + i, ar - br, ai - bi, w, i - 1)
                }
            }
        }
    }

    private func pass3(ido: Int, l1: Int, w: (UnsafePointer<T>, UnsafePointer<T>), into out: SplitPointer) {
        let half = T(0.5), h = T(0.866_025_403_784_438_646_763_723_170_753)  // √3 / 2
        let t = ido - 1
        for k in 0..<l1 {
            let c0 = k * 3 * ido, c1 = c0 + ido, c2 = c1 + ido
            let y0 = k * ido, y1 = (k + l1) * ido, y2 = (k + 2 * l1) * ido
            for i in 0..<ido {
                let sr = re[c1 + i] + re[c2 + i], si = im[c1 + i] + im[c2 + i]
                let dr = re[c1 + i] - re[c2 + i], di = im[c1 + i] - im[c2 + i]
                let x0r = re[c0 + i], x0i = im[c0 + i]
                out.re[y0 + i] = x0r + sr
                out.im[y0 + i] = x0i + si
                let mr = x0r - half * sr, mi = x0i - half * si
                // −i·(√3/2)·d: the odd part of ω = −1/2 − i·√3/2.
                let qr = h * di, qi = -h * dr
                if i == 0 {
                    out.re[y1] = mr + qr; out.im[y1] = mi + qi
                    out.re[y2] = mr - qr; out.im[y2] = mi - qi
                } else {
                    store(out, y1 + i, mr + qr, mi + qi, w, i - 1)
                    store(out, y2 + i, mr - qr, mi - qi, w, t + i - 1)
                }
            }
        }
    }

    private func pass4(ido: Int, l1: Int, w: (UnsafePointer<T>, UnsafePointer<T>), into out: SplitPointer) {
        let t = ido - 1
        for k in 0..<l1 {
            let c0 = k * 4 * ido, c1 = c0 + ido, c2 = c1 + ido, c3 = c2 + ido
            let y0 = k * ido, y1 = (k + l1) * ido, y2 = (k + 2 * l1) * ido, y3 = (k + 3 * l1) * ido
            for i in 0..<ido {
                let t1r = re[c0 + i] + re[c2 + i], t1i = im[c0 + i] + im[c2 + i]
                let t2r = re[c0 + i] - re[c2 + i], t2i = im[c0 + i] - im[c2 + i]
                let t3r = re[c1 + i] + re[c3 + i], t3i = im[c1 + i] + im[c3 + i]
                let t4r = re[c1 + i] - re[c3 + i], t4i = im[c1 + i] - im[c3 + i]
                out.re[y0 + i] = t1r + t3r
                out.im[y0 + i] = t1i + t3i
                // y1 = t2 − i·t4, y3 = t2 + i·t4 (forward sign).
                if i == 0 {
                    out.re[y1] = t2r + t4i; out.im[y1] = t2i - t4r
                    out.re[y2] = t1r - t3r; out.im[y2] = t1i - t3i
                    out.re[y3] = t2r - t4i; out.im[y3] = t2i + t4r
                } else {
                    store(out, y1 + i, t2r + t4i, t2i - t4r, w, i - 1)
                    store(out, y2 + i, t1r - t3r, t1i - t3i, w, t + i - 1)
                    store(out, y3 + i, t2r - t4i, t2i + t4r, w, 2 * t + i - 1)
                }
            }
        }
    }

    private func pass5(ido: Int, l1: Int, w: (UnsafePointer<T>, UnsafePointer<T>), into out: SplitPointer) {
        // cos and −sin of 2π/5 and 4π/5.
        let a1 = T(0.309_016_994_374_947_424_102_293_417_183), b1 = T(-0.951_056_516_295_153_572_116_439_333_379)
        let a2 = T(-0.809_016_994_374_947_424_102_293_417_183), b2 = T(-0.587_785_252_292_473_129_168_705_954_639)
        let t = ido - 1
        for k in 0..<l1 {
            let c0 = k * 5 * ido, c1 = c0 + ido, c2 = c1 + ido, c3 = c2 + ido, c4 = c3 + ido
            let y0 = k * ido, y1 = (k + l1) * ido, y2 = (k + 2 * l1) * ido, y3 = (k + 3 * l1) * ido, y4 = (k + 4 * l1) * ido
            for i in 0..<ido {
                let x0r = re[c0 + i], x0i = im[c0 + i]
                let s1r = re[c1 + i] + re[c4 + i], s1i = im[c1 + i] + im[c4 + i]
                let d1r = re[c1 + i] - re[c4 + i], d1i = im[c1 + i] - im[c4 + i]
                let s2r = re[c2 + i] + re[c3 + i], s2i = im[c2 + i] + im[c3 + i]
                let d2r = re[c2 + i] - re[c3 + i], d2i = im[c2 + i] - im[c3 + i]
                out.re[y0 + i] = x0r + s1r + s2r
                out.im[y0 + i] = x0i + s1i + s2i
                let e1r = x0r + a1 * s1r + a2 * s2r, e1i = x0i + a1 * s1i + a2 * s2i
                let e2r = x0r + a2 * s1r + a1 * s2r, e2i = x0i + a2 * s1i + a1 * s2i
                // i·(b1·d1 + b2·d2) and i·(b2·d1 − b1·d2).
                let o1r = -(b1 * d1i + b2 * d2i), o1i = b1 * d1r + b2 * d2r
                let o2r = -(b2 * d1i - b1 * d2i), o2i = b2 * d1r - b1 * d2r
                if i == 0 {
                    out.re[y1] = e1r + o1r; out.im[y1] = e1i + o1i
                    out.re[y4] = e1r - o1r; out.im[y4] = e1i - o1i
                    out.re[y2] = e2r + o2r; out.im[y2] = e2i + o2i
                    out.re[y3] = e2r - o2r; out.im[y3] = e2i - o2i
                } else {
                    store(out, y1 + i, e1r + o1r, e1i + o1i, w, i - 1)
                    store(out, y2 + i, e2r + o2r, e2i + o2i, w, t + i - 1)
                    store(out, y3 + i, e2r - o2r, e2i - o2i, w, 2 * t + i - 1)
                    store(out, y4 + i, e1r - o1r, e1i - o1i, w, 3 * t + i - 1)
                }
            }
        }
    }

    /// Any radix, as a direct p-point DFT (O(p²) per butterfly): used for small primes above 5,
    /// where Bluestein would cost more. `roots` holds ω_p^m for m in 0..<p.
    private func passGeneric(
        _ p: Int, ido: Int, l1: Int, w: (UnsafePointer<T>, UnsafePointer<T>), roots: PassTwiddles<T>, into out: SplitPointer
    ) {
        let t = ido - 1
        var accR = [T](repeating: 0, count: p), accI = [T](repeating: 0, count: p)
        for k in 0..<l1 {
            for i in 0..<ido {
                for q in 0..<p {
                    var sr: T = 0, si: T = 0
                    for j in 0..<p {
                        let at = (k * p + j) * ido + i, m = (q * j) % p
                        let xr = re[at], xi = im[at], c = roots.re[m], s = roots.im[m]
                        sr += xr * c - xi * s
                        si += xr * s + xi * c
                    }
                    accR[q] = sr
                    accI[q] = si
                }
                for q in 0..<p {
                    let at = (k + q * l1) * ido + i
                    if q == 0 || i == 0 {
                        out.re[at] = accR[q]; out.im[at] = accI[q]
                    } else {
                        store(out, at, accR[q], accI[q], w, (q - 1) * t + i - 1)
                    }
                }
            }
        }
    }
}
