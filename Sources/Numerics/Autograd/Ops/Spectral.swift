import Tensor

// Differentiable Fourier transforms. A Variable holds reals, so a complex signal is its real
// view (ComplexTensor.realView): a trailing axis of 2 holding real and imaginary parts, and the
// axis of a transform counts the complex axes. Each transform is linear, so its vector–Jacobian
// product is its adjoint, itself a transform: the adjoint of the DFT is the unscaled inverse DFT
// (scaled alike), and the adjoint of rfft is irfft of the cotangent with the Hermitian weights
// divided out (and back). Each VJP is built from these same operations, so second derivatives
// (Hessian-vector products through a spectrum) work too.

/// Which direction carries a transform's 1/n, as a plain factor.
private func factor<T: TensorScalar>(_ norm: FFTNorm, _ n: Int, inverse: Bool) -> T {
    switch (norm, inverse) {
    case (.ortho, _): return 1 / T(n).squareRoot()
    case (.backward, true), (.forward, false): return 1 / T(n)
    default: return 1
    }
}

/// The complex axis of a real view, checked, as a non-negative index.
private func complexAxis(_ op: String, _ axis: Int, realViewShape shape: [Int]) -> Int {
    precondition(shape.count >= 2 && shape.last == 2, "\(op): needs a real view (a trailing axis of 2), got shape \(shape)")
    let rank = shape.count - 1
    let a = axis < 0 ? axis + rank : axis
    precondition(a >= 0 && a < rank, "\(op): axis \(axis) out of range for \(rank) complex axes")
    return a
}

/// The DFT (or inverse) of a real view times `scale`, differentiable: its VJP is the opposite
/// direction with the same scale.
private func scaledDFT<T: ComplexComponent>(_ z: Variable<T>, axis: Int, inverse: Bool, scale: T) -> Variable<T> {
    let complex = ComplexTensor<T>(realView: z.value)
    let transformed = inverse ? complex.ifft(axis: axis, norm: .forward) : complex.fft(axis: axis)
    return Variable(transformed.realView * scale, op: inverse ? "ifft" : "fft", parents: [z]) { g in
        [scaledDFT(g, axis: axis, inverse: !inverse, scale: scale)]
    }
}

/// The Hermitian weights of an n-point rfft's bins, shaped to broadcast over a real view whose
/// complex axis `axis` holds the bins: 1 for bin 0 (and n/2 when n is even), 2 for the others,
/// which irfft counts twice.
private func hermitianWeights<T: TensorScalar>(_ n: Int, bins: Int, axis: Int, rank: Int) -> Tensor<T> {
    let weights = (0..<bins).map { k -> T in k == 0 || (n % 2 == 0 && k == n / 2) ? 1 : 2 }
    var shape = [Int](repeating: 1, count: rank + 1)
    shape[axis] = bins
    return Tensor(shape: shape, scalars: weights)
}

/// rfft along `axis` of real `x` times `scale`, as a real view.
private func scaledRFFT<T: ComplexComponent>(_ x: Variable<T>, axis: Int, scale: T) -> Variable<T> {
    let a = axis < 0 ? axis + x.shape.count : axis
    let n = x.shape[a]
    let spectrum = x.value.rfft(axis: a).realView * scale
    return Variable(spectrum, op: "rfft", parents: [x]) { g in
        let w = Variable<T>.constant(hermitianWeights(n, bins: n / 2 + 1, axis: a, rank: x.shape.count))
        return [scaledIRFFT(g / w, n: n, axis: a, scale: scale)]
    }
}

/// The unscaled irfft (Σ over the full Hermitian spectrum) of real view `y` times `scale`.
private func scaledIRFFT<T: ComplexComponent>(_ y: Variable<T>, n: Int, axis: Int, scale: T) -> Variable<T> {
    let signal = ComplexTensor<T>(realView: y.value).irfft(n: n, axis: axis, norm: .forward) * scale
    let bins = y.shape[axis]
    return Variable(signal, op: "irfft", parents: [y]) { g in
        let w = Variable<T>.constant(hermitianWeights(n, bins: bins, axis: axis, rank: y.shape.count - 1))
        return [scaledRFFT(g, axis: axis, scale: scale) * w]
    }
}

extension Variable where Scalar: ComplexComponent {
    /// The differentiable DFT of a complex signal held as its real view (NumPy's `fft.fft`).
    ///
    /// ```swift
    /// let z = Variable(ComplexTensor<Double>(real: x).realView)
    /// let power = sum(z.fft() * z.fft())        // Σ |Z_k|², a real loss
    /// ```
    /// - Parameters:
    ///   - axis: The complex axis to transform (default the last one before the parts).
    ///   - norm: Which direction carries the 1/n.
    /// - Returns: The spectrum's real view, of the same shape. Its VJP is the adjoint transform.
    /// - Precondition: The last axis has length 2 and `axis` exists; otherwise it traps.
    public func fft(axis: Int = -1, norm: FFTNorm = .backward) -> Variable {
        let a = complexAxis("fft", axis, realViewShape: shape)
        return scaledDFT(self, axis: a, inverse: false, scale: factor(norm, shape[a], inverse: false))
    }

    /// The differentiable inverse DFT of a complex real view (NumPy's `fft.ifft`).
    ///
    /// - Parameters:
    ///   - axis: The complex axis to transform.
    ///   - norm: Which direction carries the 1/n.
    /// - Returns: The signal's real view.
    public func ifft(axis: Int = -1, norm: FFTNorm = .backward) -> Variable {
        let a = complexAxis("ifft", axis, realViewShape: shape)
        return scaledDFT(self, axis: a, inverse: true, scale: factor(norm, shape[a], inverse: true))
    }

    /// The differentiable DFT of real input, its n/2 + 1 bins as a real view (NumPy's `fft.rfft`).
    ///
    /// - Parameters:
    ///   - axis: The axis of the real signal to transform.
    ///   - norm: Which direction carries the 1/n.
    /// - Returns: A real view with `n/2 + 1` along `axis` and a trailing axis of 2.
    public func rfft(axis: Int = -1, norm: FFTNorm = .backward) -> Variable {
        let a = normalizedAxis(axis)
        return scaledRFFT(self, axis: a, scale: factor(norm, shape[a], inverse: false))
    }

    /// The differentiable inverse of ``rfft(axis:norm:)``: `n` reals from the bins held as a real
    /// view (NumPy's `fft.irfft`); the imaginary parts of bin 0 and n/2 get zero gradient, as they
    /// do not reach the output.
    ///
    /// - Parameters:
    ///   - n: The output length (default `2·(bins − 1)`).
    ///   - axis: The complex axis holding the bins.
    ///   - norm: Which direction carries the 1/n.
    /// - Returns: The real signal.
    /// - Precondition: `n/2 + 1` equals the number of bins (no cropping or padding here).
    public func irfft(n: Int? = nil, axis: Int = -1, norm: FFTNorm = .backward) -> Variable {
        let a = complexAxis("irfft", axis, realViewShape: shape)
        let length = n ?? 2 * (shape[a] - 1)
        precondition(length / 2 + 1 == shape[a], "irfft: \(shape[a]) bins do not make \(length) points (differentiable irfft neither crops nor pads)")
        return scaledIRFFT(self, n: length, axis: a, scale: factor(norm, length, inverse: true))
    }

    private func normalizedAxis(_ axis: Int) -> Int {
        let a = axis < 0 ? axis + shape.count : axis
        precondition(a >= 0 && a < shape.count, "rfft: axis \(axis) out of range for shape \(shape)")
        return a
    }
}
