import Tensor

/// The loops of the fused losses (Loss.swift), dispatched to concrete Float/Double code
/// (see Specialised.swift).
enum LossKernels {
    /// Mean over rows of log Σⱼ e^{zᵢⱼ} − z_{i,yᵢ}, with each row shifted by its maximum so exp
    /// cannot overflow; also the softmax probabilities, which the gradient needs.
    static func softmaxCrossEntropy<T: TensorScalar>(_ logits: Tensor<T>, _ labels: [Int]) -> (loss: T, probabilities: Tensor<T>) {
        if T.self == Float.self { let r = crossEntropyFloat(same(logits), labels); return (same(r.0), same(r.1)) }
        if T.self == Double.self { let r = crossEntropyDouble(same(logits), labels); return (same(r.0), same(r.1)) }
        return crossEntropyImpl(logits, labels)
    }

    /// s·(p − onehot(y)): the logits' cotangent for an output cotangent g, s = g / n.
    static func crossEntropyGradient<T: TensorScalar>(_ p: Tensor<T>, _ labels: [Int], scale: T) -> Tensor<T> {
        if T.self == Float.self { return same(crossEntropyGradientFloat(same(p), labels, same(scale))) }
        if T.self == Double.self { return same(crossEntropyGradientDouble(same(p), labels, same(scale))) }
        return crossEntropyGradientImpl(p, labels, scale)
    }

    /// mean((a − b)²) over all elements.
    static func meanSquaredError<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>) -> T {
        if T.self == Float.self { return same(mseFloat(same(a), same(b))) }
        if T.self == Double.self { return same(mseDouble(same(a), same(b))) }
        return mseImpl(a, b)
    }

    /// Σ a·(b − c) over all elements (Σ a·b without c).
    static func dot<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, minus c: Tensor<T>?) -> T {
        if T.self == Float.self { return same(dotFloat(same(a), same(b), c.map { same($0) })) }
        if T.self == Double.self { return same(dotDouble(same(a), same(b), c.map { same($0) })) }
        return dotImpl(a, b, c)
    }

    /// s·(a − b) elementwise.
    static func scaledDifference<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, scale: T) -> Tensor<T> {
        if T.self == Float.self { return same(differenceFloat(same(a), same(b), same(scale))) }
        if T.self == Double.self { return same(differenceDouble(same(a), same(b), same(scale))) }
        return differenceImpl(a, b, scale)
    }
}

private func crossEntropyFloat(_ z: Tensor<Float>, _ y: [Int]) -> (Float, Tensor<Float>) { crossEntropyImpl(z, y) }
private func crossEntropyDouble(_ z: Tensor<Double>, _ y: [Int]) -> (Double, Tensor<Double>) { crossEntropyImpl(z, y) }
private func crossEntropyGradientFloat(_ p: Tensor<Float>, _ y: [Int], _ s: Float) -> Tensor<Float> { crossEntropyGradientImpl(p, y, s) }
private func crossEntropyGradientDouble(_ p: Tensor<Double>, _ y: [Int], _ s: Double) -> Tensor<Double> { crossEntropyGradientImpl(p, y, s) }
private func mseFloat(_ a: Tensor<Float>, _ b: Tensor<Float>) -> Float { mseImpl(a, b) }
private func mseDouble(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Double { mseImpl(a, b) }
private func dotFloat(_ a: Tensor<Float>, _ b: Tensor<Float>, _ c: Tensor<Float>?) -> Float { dotImpl(a, b, c) }
private func dotDouble(_ a: Tensor<Double>, _ b: Tensor<Double>, _ c: Tensor<Double>?) -> Double { dotImpl(a, b, c) }
private func differenceFloat(_ a: Tensor<Float>, _ b: Tensor<Float>, _ s: Float) -> Tensor<Float> { differenceImpl(a, b, s) }
private func differenceDouble(_ a: Tensor<Double>, _ b: Tensor<Double>, _ s: Double) -> Tensor<Double> { differenceImpl(a, b, s) }

@inline(__always)
private func crossEntropyImpl<T: TensorScalar>(_ logits: Tensor<T>, _ labels: [Int]) -> (T, Tensor<T>) {
    let (n, k) = (logits.shape[0], logits.shape[1])
    var total: T = 0
    let p: [T] = filledArray(n * k) { p in
        logits.scalars.withUnsafeBufferPointer { pz in
            for i in 0..<n {
                let z = pz.baseAddress! + i * k, row = p + i * k
                var top = z[0]
                for j in 1..<max(k, 1) where z[j] > top { top = z[j] }
                var s: T = 0
                for j in 0..<k { row[j] = T.exp(z[j] - top); s += row[j] }
                total += T.log(s) - (z[labels[i]] - top)
                let inv = 1 / s
                for j in 0..<k { row[j] *= inv }
            }
        }
    }
    return (total / T(max(n, 1)), Tensor(shape: [n, k], scalars: p))
}

@inline(__always)
private func crossEntropyGradientImpl<T: TensorScalar>(_ p: Tensor<T>, _ labels: [Int], _ s: T) -> Tensor<T> {
    let (n, k) = (p.shape[0], p.shape[1])
    let d: [T] = filledArray(n * k) { d in
        p.scalars.withUnsafeBufferPointer { pp in
            for i in 0..<(n * k) { d[i] = s * pp[i] }
            for i in 0..<n { d[i * k + labels[i]] = s * (pp[i * k + labels[i]] - 1) }
        }
    }
    return Tensor(shape: [n, k], scalars: d)
}

@inline(__always)
private func mseImpl<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>) -> T {
    let n = a.count
    var total: T = 0
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            for i in 0..<n { let d = pa[i] - pb[i]; total += d * d }
        }
    }
    return total / T(max(n, 1))
}

@inline(__always)
private func differenceImpl<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, _ s: T) -> Tensor<T> {
    let n = a.count
    let d: [T] = filledArray(n) { d in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                for i in 0..<n { d[i] = s * (pa[i] - pb[i]) }
            }
        }
    }
    return Tensor(shape: a.shape, scalars: d)
}

@inline(__always)
private func dotImpl<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, _ c: Tensor<T>?) -> T {
    precondition(a.count == b.count && (c?.count ?? a.count) == a.count, "dot: sizes differ")
    var total: T = 0
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            if let c {
                c.scalars.withUnsafeBufferPointer { pc in
                    for i in 0..<pa.count { total += pa[i] * (pb[i] - pc[i]) }
                }
            } else {
                for i in 0..<pa.count { total += pa[i] * pb[i] }
            }
        }
    }
    return total
}
