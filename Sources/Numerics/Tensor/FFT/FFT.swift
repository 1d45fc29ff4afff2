// The discrete Fourier transform with NumPy's numpy.fft names, arguments and scaling:
// fft/ifft (complex), rfft/irfft (real input, Hermitian output), fft2/ifft2 and fftn/ifftn over
// several axes. Any length: mixed radix 2/3/4/5 (and direct passes for primes up to 47),
// Bluestein's algorithm above that (FFTPlan.swift).

extension ComplexTensor {
    /// The discrete Fourier transform along one axis (NumPy's `fft.fft`):
    /// `X[k] = Σ_j x[j]·exp(−2πi·jk/n)`, scaled as `norm` says.
    ///
    /// ```swift
    /// let x = ComplexTensor<Double>(real: [1, 2, 3, 4])
    /// x.fft()               // [10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j]
    /// x.fft().ifft()        // x again
    /// ```
    /// - Parameters:
    ///   - n: The transform length: the axis is cropped or zero-padded to it (default its length).
    ///   - axis: The axis to transform, negative from the end (default the last).
    ///   - norm: Which direction carries the 1/n (default `.backward`: none here).
    /// - Returns: A tensor of the same shape except `n` along `axis`.
    /// - Precondition: The axis exists and `n > 0`; otherwise it traps naming them.
    /// - Complexity: O(N log n) for N elements, for every n (Bluestein for large prime factors).
    public func fft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> ComplexTensor {
        complexTransform(n, axis, norm, inverse: false, "fft")
    }

    /// The inverse discrete Fourier transform along one axis (NumPy's `fft.ifft`):
    /// `x[j] = (1/n)·Σ_k X[k]·exp(2πi·jk/n)` with the default `norm`.
    ///
    /// - Parameters:
    ///   - n: The transform length (crop or zero-pad; default the axis length).
    ///   - axis: The axis to transform (default the last).
    ///   - norm: Which direction carries the 1/n (default `.backward`: this one).
    /// - Returns: A tensor of the same shape except `n` along `axis`.
    /// - Precondition: The axis exists and `n > 0`; otherwise it traps. O(N log n).
    public func ifft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> ComplexTensor {
        complexTransform(n, axis, norm, inverse: true, "ifft")
    }

    /// The inverse of ``Tensor/rfft(n:axis:norm:)``: `n` reals from the `n/2 + 1` non-negative
    /// frequency bins of a Hermitian spectrum (NumPy's `fft.irfft`).
    ///
    /// - Parameters:
    ///   - n: The output length (default `2·(m − 1)` for `m` bins, NumPy's choice: pass the
    ///     original length to recover an odd-length signal).
    ///   - axis: The axis holding the bins (default the last).
    ///   - norm: Which direction carries the 1/n (default `.backward`: this one).
    /// - Returns: A real tensor with `n` along `axis`. The imaginary parts of bin 0 and of bin
    ///   n/2 (even n) are ignored, as NumPy does.
    /// - Precondition: The axis exists and `n > 0`; otherwise it traps. O(N log n).
    public func irfft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> Tensor<Scalar> {
        if Scalar.self == Double.self {
            return unsafeBitCast(
                FFTEngine<Double>.hermitian(unsafeBitCast(self, to: ComplexTensor<Double>.self), n: n, axis: axis, norm: norm, op: "irfft"),
                to: Tensor<Scalar>.self)
        }
        return unsafeBitCast(
            FFTEngine<Float>.hermitian(unsafeBitCast(self, to: ComplexTensor<Float>.self), n: n, axis: axis, norm: norm, op: "irfft"),
            to: Tensor<Scalar>.self)
    }

    /// The n-dimensional DFT over `axes`, one axis after another (NumPy's `fft.fftn`).
    ///
    /// - Parameters:
    ///   - s: The transform length per axis (default the axis lengths).
    ///   - axes: The axes (default all).
    ///   - norm: The scaling, applied per axis.
    /// - Returns: The transformed tensor.
    /// - Precondition: `s` and `axes` have the same count when both are given.
    public func fftn(s: [Int]? = nil, axes: [Int]? = nil, norm: FFTNorm = .backward) -> ComplexTensor {
        overAxes(s, axes ?? Array(0..<rank), "fftn") { x, n, axis in x.fft(n: n, axis: axis, norm: norm) }
    }

    /// The inverse of ``fftn(s:axes:norm:)`` (NumPy's `fft.ifftn`).
    ///
    /// - Parameters:
    ///   - s: The transform length per axis (default the axis lengths).
    ///   - axes: The axes (default all).
    ///   - norm: The scaling, applied per axis.
    /// - Returns: The transformed tensor.
    public func ifftn(s: [Int]? = nil, axes: [Int]? = nil, norm: FFTNorm = .backward) -> ComplexTensor {
        overAxes(s, axes ?? Array(0..<rank), "ifftn") { x, n, axis in x.ifft(n: n, axis: axis, norm: norm) }
    }

    /// The 2-D DFT over the last two axes (NumPy's `fft.fft2`).
    ///
    /// ```swift
    /// let image = Tensor<Double>.zeros([512, 512]).complex()
    /// let spectrum = image.fft2()
    /// ```
    /// - Parameters:
    ///   - s: The transform lengths (default the axis lengths).
    ///   - axes: The two axes (default `[-2, -1]`).
    ///   - norm: The scaling.
    /// - Returns: The transformed tensor. O(N log N).
    public func fft2(s: [Int]? = nil, axes: [Int] = [-2, -1], norm: FFTNorm = .backward) -> ComplexTensor { fftn(s: s, axes: axes, norm: norm) }

    /// The inverse of ``fft2(s:axes:norm:)`` (NumPy's `fft.ifft2`).
    ///
    /// - Parameters:
    ///   - s: The transform lengths (default the axis lengths).
    ///   - axes: The two axes (default `[-2, -1]`).
    ///   - norm: The scaling.
    /// - Returns: The transformed tensor. O(N log N).
    public func ifft2(s: [Int]? = nil, axes: [Int] = [-2, -1], norm: FFTNorm = .backward) -> ComplexTensor { ifftn(s: s, axes: axes, norm: norm) }

    /// Applies a 1-D transform over each axis, the last listed first (NumPy's order).
    func overAxes(_ s: [Int]?, _ axes: [Int], _ op: String, _ transform: (ComplexTensor, Int?, Int) -> ComplexTensor) -> ComplexTensor {
        precondition(s == nil || s!.count == axes.count, "\(op): s has \(s!.count) lengths for \(axes.count) axes")
        precondition(Set(axes.map { normalizeAxis(op, $0, rank: rank) }).count == axes.count, "\(op): repeated axis in \(axes)")
        var x = self
        for i in axes.indices.reversed() { x = transform(x, s?[i], axes[i]) }
        return x
    }

    private func complexTransform(_ n: Int?, _ axis: Int, _ norm: FFTNorm, inverse: Bool, _ op: String) -> ComplexTensor {
        if Scalar.self == Double.self {
            let x = unsafeBitCast(self, to: ComplexTensor<Double>.self)
            return unsafeBitCast(FFTEngine<Double>.complex(x, n: n, axis: axis, norm: norm, inverse: inverse, op: op), to: ComplexTensor.self)
        }
        let x = unsafeBitCast(self, to: ComplexTensor<Float>.self)
        return unsafeBitCast(FFTEngine<Float>.complex(x, n: n, axis: axis, norm: norm, inverse: inverse, op: op), to: ComplexTensor.self)
    }
}

extension Tensor where Scalar: ComplexComponent {
    /// The DFT of real input: the `n/2 + 1` non-negative frequency bins (NumPy's `fft.rfft`);
    /// the others are their conjugates. About half the work of ``fft(n:axis:norm:)``.
    ///
    /// ```swift
    /// let x: Tensor<Double> = [1, 2, 3, 4]
    /// x.rfft()              // [10.+0.j, -2.+2.j, -2.+0.j]
    /// x.rfft().irfft()      // [1., 2., 3., 4.]
    /// ```
    /// - Parameters:
    ///   - n: The transform length (crop or zero-pad; default the axis length).
    ///   - axis: The axis to transform (default the last).
    ///   - norm: Which direction carries the 1/n (default `.backward`: none here).
    /// - Returns: A complex tensor with `n/2 + 1` along `axis`.
    /// - Precondition: The axis exists and `n > 0`; otherwise it traps. O(N log n).
    public func rfft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> ComplexTensor<Scalar> {
        realTransform(n, axis, norm, full: false, "rfft")
    }

    /// The full DFT of real input, all `n` bins (NumPy's `fft.fft` of a real array).
    ///
    /// - Parameters:
    ///   - n: The transform length (crop or zero-pad; default the axis length).
    ///   - axis: The axis to transform (default the last).
    ///   - norm: Which direction carries the 1/n.
    /// - Returns: A complex tensor with `n` along `axis`. O(N log n).
    public func fft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> ComplexTensor<Scalar> {
        realTransform(n, axis, norm, full: true, "fft")
    }

    /// The 2-D DFT of real input over two axes (NumPy's `fft.fft2` of a real array).
    ///
    /// - Parameters:
    ///   - s: The transform lengths (default the axis lengths).
    ///   - axes: The two axes (default `[-2, -1]`).
    ///   - norm: The scaling.
    /// - Returns: The complex spectrum. O(N log N).
    public func fft2(s: [Int]? = nil, axes: [Int] = [-2, -1], norm: FFTNorm = .backward) -> ComplexTensor<Scalar> {
        precondition(axes.count == 2 && (s == nil || s!.count == 2), "fft2: needs two axes (and two lengths)")
        return fft(n: s?[1], axis: axes[1], norm: norm).fft(n: s?[0], axis: axes[0], norm: norm)
    }

    private func realTransform(_ n: Int?, _ axis: Int, _ norm: FFTNorm, full: Bool, _ op: String) -> ComplexTensor<Scalar> {
        if Scalar.self == Double.self {
            let x = unsafeBitCast(self, to: Tensor<Double>.self)
            return unsafeBitCast(FFTEngine<Double>.real(x, n: n, axis: axis, norm: norm, full: full, op: op), to: ComplexTensor<Scalar>.self)
        }
        let x = unsafeBitCast(self, to: Tensor<Float>.self)
        return unsafeBitCast(FFTEngine<Float>.real(x, n: n, axis: axis, norm: norm, full: full, op: op), to: ComplexTensor<Scalar>.self)
    }
}
