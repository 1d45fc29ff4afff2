import Tensor

extension Variable {
    /// exp(x) / Σ exp(x) along `axis`, shifted by the maximum so it never overflows.
    ///
    /// The VJP is y ⊙ (g − ⟨g, y⟩_axis): written with differentiable operations when the backward
    /// pass records (Hessians through attention), with concrete tensors otherwise.
    ///
    /// ```swift
    /// let p = scores.softmax(alongAxis: -1)   // each row sums to 1
    /// ```
    /// - Parameter axis: The axis normalised (negative counts from the end).
    /// - Returns: A variable of the same shape, positive, summing to 1 along `axis`.
    public func softmax(alongAxis axis: Int = -1) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        guard a >= 0, a < shape.count else { fatalError("softmax(alongAxis: \(axis)): no such axis in shape \(shape)") }
        let y = value.softmax(axis: a)
        return Variable(y, op: "softmax", parents: [self]) { [self] g in
            if GradMode.isRecording {
                let p = self.softmax(alongAxis: a)
                return [p * (g - (g * p).sum(alongAxis: a))]
            }
            let gy = g.value * y
            return [Variable(gy - y * gy.sum(axis: a, keepDims: true), requiresGrad: false)]
        }
    }

    /// log softmax along `axis`: x − log Σ exp(x), without overflow.
    ///
    /// - Parameter axis: The axis normalised.
    /// - Returns: A variable of the same shape whose exponentials sum to 1 along `axis`.
    public func logSoftmax(alongAxis axis: Int = -1) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        let shift = Variable.constant(value.max(axis: a, keepDims: true))
        let z = self - shift
        return z - log(exp(z).sum(alongAxis: a))
    }

    /// This variable where `mask` is false, `fill` where it is true (PyTorch's `masked_fill`):
    /// the cotangent passes where the mask is false and is zero where it is true.
    ///
    /// - Parameters:
    ///   - mask: Booleans broadcasting to this shape, as a tensor of 0 and 1 (1: replace).
    ///   - fill: The value put where the mask is 1 (−∞ hides a score from a softmax).
    /// - Returns: The masked variable.
    public func masked(where mask: Tensor<Scalar>, fill: Scalar) -> Variable {
        let keep = mask.broadcast(to: shape).map { $0 == 0 ? Scalar(1) : 0 }
        let filled = mask.broadcast(to: shape).map { $0 == 0 ? Scalar(0) : fill }
        let out = zip(value.scalars, zip(keep.scalars, filled.scalars)).map { x, kf in kf.0 == 1 ? x : kf.1 }
        return Variable(Tensor(shape: shape, scalars: out), op: "mask", parents: [self]) { g in
            [g * .constant(keep)]
        }
    }
}
