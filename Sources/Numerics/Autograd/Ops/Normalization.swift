import Tensor

// Statistics over axes, composed from differentiable sums so their gradients (and the gradients
// of those) follow from the rules of Arithmetic.swift and Reductions.swift. Normalisation layers
// (BatchNorm, LayerNorm) and the batchnorm notebook's gradient identity are built on these.

extension Variable {
    /// The mean over `axes`, each kept with length 1 so the result broadcasts back.
    ///
    /// - Parameter axes: Distinct axes of this variable.
    /// - Returns: A variable of this rank, 1 on `axes`.
    public func mean(alongAxes axes: [Int]) -> Variable {
        var s = self
        var n = 1
        for a in axes {
            s = s.sum(alongAxis: a)
            n *= shape[a]
        }
        return s / Scalar(max(n, 1))
    }

    /// The biased variance (divided by the count, as PyTorch normalises in training) over `axes`,
    /// kept with length 1 on those axes.
    ///
    /// - Parameter axes: Distinct axes of this variable.
    /// - Returns: (1/m) Σ (x − x̄)², of this rank, 1 on `axes`.
    public func variance(alongAxes axes: [Int]) -> Variable {
        let centred = self - mean(alongAxes: axes)
        return (centred * centred).mean(alongAxes: axes)
    }

    /// (x − mean) / √(variance + eps) over `axes`: every slice across the other axes has mean 0
    /// and variance v/(v + eps).
    ///
    /// ```swift
    /// let bHat = b.standardized(alongAxes: [0], eps: 0)   // the book's B̂ for a batch vector
    /// ```
    /// - Parameters:
    ///   - axes: The axes the statistics are taken over.
    ///   - eps: Added to the variance before the square root (PyTorch's default is 1e-5).
    /// - Returns: The standardized variable, of this shape.
    public func standardized(alongAxes axes: [Int], eps: Scalar) -> Variable {
        let centred = self - mean(alongAxes: axes)
        let variance = (centred * centred).mean(alongAxes: axes)
        return centred / sqrt(variance + eps)
    }
}
