import Tensor

/// The gradient-descent update θ − η·g in one concrete pass (one new tensor instead of two),
/// rounding exactly as `θ - η * g` on tensors: η·g first, then the difference.
enum UpdateKernels {
    static func descend<T: TensorScalar>(_ theta: Tensor<T>, _ g: Tensor<T>, rate: T) -> Tensor<T> {
        if T.self == Float.self { return same(descendFloat(same(theta), same(g), same(rate))) }
        if T.self == Double.self { return same(descendDouble(same(theta), same(g), same(rate))) }
        return descendImpl(theta, g, rate)
    }
}

private func descendFloat(_ p: Tensor<Float>, _ g: Tensor<Float>, _ r: Float) -> Tensor<Float> { descendImpl(p, g, r) }
private func descendDouble(_ p: Tensor<Double>, _ g: Tensor<Double>, _ r: Double) -> Tensor<Double> { descendImpl(p, g, r) }

@inline(__always)
private func descendImpl<T: TensorScalar>(_ p: Tensor<T>, _ g: Tensor<T>, _ rate: T) -> Tensor<T> {
    let n = p.count
    let out: [T] = filledArray(n) { out in
        p.scalars.withUnsafeBufferPointer { pp in
            g.scalars.withUnsafeBufferPointer { pg in
                for i in 0..<n {
                    let step = rate * pg[i]
                    out[i] = pp[i] - step
                }
            }
        }
    }
    return Tensor(shape: p.shape, scalars: out)
}
