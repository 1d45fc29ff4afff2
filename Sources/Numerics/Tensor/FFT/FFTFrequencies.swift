// The sample frequencies that go with a discrete Fourier transform, as NumPy's
// numpy.fft.fftfreq and rfftfreq define them: bin k of an n-point transform of
// samples spaced `spacing` apart is the frequency k / (n · spacing), and the upper
// half of a full transform holds the negative frequencies.

extension Tensor {
    /// The frequencies of the bins of an `n`-point FFT, in cycles per unit of `spacing` (NumPy's `fftfreq`).
    ///
    /// Bins `0 ..< (n + 1) / 2` hold `0, 1, …` and the rest the negative frequencies `…, -2, -1`, each divided by `n · spacing`.
    ///
    /// ```swift
    /// Tensor<Double>.fftfreq(4)        // [0, 0.25, -0.5, -0.25]
    /// ```
    /// - Parameters:
    ///   - n: The transform length; must be positive.
    ///   - spacing: The sample spacing (NumPy's `d`); must be non-zero.
    /// - Returns: A rank-1 tensor of `n` frequencies.
    /// - Precondition: `n > 0` and `spacing != 0`; otherwise it traps. O(n).
    public static func fftfreq(_ n: Int, spacing: Scalar = 1) -> Tensor<Scalar> {
        precondition(n > 0, "fftfreq: the length must be positive, got \(n)")
        precondition(spacing != 0, "fftfreq: the spacing must be non-zero")
        let scale = 1 / (Scalar(n) * spacing)
        let positiveCount = (n + 1) / 2
        let bins = (0..<n).map { k in k < positiveCount ? k : k - n }
        return Tensor<Scalar>(shape: [n], scalars: bins.map { Scalar($0) * scale })
    }

    /// The non-negative frequencies of the bins of an `n`-point real FFT (NumPy's `rfftfreq`).
    ///
    /// ```swift
    /// Tensor<Double>.rfftfreq(4)       // [0, 0.25, 0.5]
    /// ```
    /// - Parameters:
    ///   - n: The length of the real input; must be positive.
    ///   - spacing: The sample spacing (NumPy's `d`); must be non-zero.
    /// - Returns: A rank-1 tensor of `n / 2 + 1` frequencies `k / (n · spacing)`.
    /// - Precondition: `n > 0` and `spacing != 0`; otherwise it traps. O(n).
    public static func rfftfreq(_ n: Int, spacing: Scalar = 1) -> Tensor<Scalar> {
        precondition(n > 0, "rfftfreq: the length must be positive, got \(n)")
        precondition(spacing != 0, "rfftfreq: the spacing must be non-zero")
        let scale = 1 / (Scalar(n) * spacing)
        return Tensor<Scalar>(shape: [n / 2 + 1], scalars: (0...(n / 2)).map { Scalar($0) * scale })
    }
}
