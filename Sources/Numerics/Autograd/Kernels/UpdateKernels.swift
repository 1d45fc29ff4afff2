import Tensor

/// The gradient-descent update θ − η·g in one concrete pass (one new tensor instead of two),
/// rounding exactly as `θ - η * g` on tensors: η·g first, then the difference.
enum UpdateKernels {
    /// θᵢ ← θᵢ − η·gᵢ for every parameter tensor.
    static func descend<T: TensorScalar>(_ theta: inout [Tensor<T>], _ g: [Tensor<T>], rate: T) {
        if T.self == Float.self {
            var t: [Tensor<Float>] = same(theta)
            theta = []  // so `t` is the only reference and is updated in place
            descendFloat(&t, same(g), same(rate))
            theta = same(t)
        } else if T.self == Double.self {
            var t: [Tensor<Double>] = same(theta)
            theta = []
            descendDouble(&t, same(g), same(rate))
            theta = same(t)
        } else {
            for i in theta.indices { theta[i] = descendImpl(theta[i], g[i], rate) }
        }
    }

    /// a + b for tensors of one shape (cotangents meeting at a node), in one concrete pass.
    static func sum<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
        if T.self == Float.self { return same(sumFloat(same(a), same(b))) }
        if T.self == Double.self { return same(sumDouble(same(a), same(b))) }
        return a + b
    }

    /// Whether the gradients are shaped like the parameters, one for one.
    static func shapesMatch<T: TensorScalar>(_ a: [Tensor<T>], _ b: [Tensor<T>]) -> Bool {
        if T.self == Float.self { return shapesMatchFloat(same(a), same(b)) }
        if T.self == Double.self { return shapesMatchDouble(same(a), same(b)) }
        return shapesMatchImpl(a, b)
    }
}

private func descendFloat(_ t: inout [Tensor<Float>], _ g: [Tensor<Float>], _ r: Float) {
    for i in t.indices { descendInPlace(&t[i], g[i], r) }
}
private func descendDouble(_ t: inout [Tensor<Double>], _ g: [Tensor<Double>], _ r: Double) {
    for i in t.indices { descendInPlace(&t[i], g[i], r) }
}

/// θ − η·g written over θ's own elements when nothing else shares them (a training loop's
/// parameters, once the step's graph is gone), else into a copy, as value semantics require:
/// the array's copy-on-write makes that choice. A fresh 800 KB weight matrix per step cost
/// a pass and an allocation per tensor (descend was 2 % of the 784-256-256-10 step's profile).
@inline(__always)
private func descendInPlace<T: TensorScalar>(_ p: inout Tensor<T>, _ g: Tensor<T>, _ rate: T) {
    let shape = p.shape
    var scalars = p.scalars
    p = Tensor(shape: [0], scalars: [])  // drops the tensor's reference: `scalars` is then unique unless shared
    let n = scalars.count
    scalars.withUnsafeMutableBufferPointer { pp in
        g.scalars.withUnsafeBufferPointer { pg in
            guard let pp = pp.baseAddress, let pg = pg.baseAddress else { return }
            var i = 0
            while i + 8 <= n { store8(load8(pp + i) - rate * load8(pg + i), pp + i); i += 8 }
            while i < n { let step = rate * pg[i]; pp[i] = pp[i] - step; i += 1 }
        }
    }
    p = Tensor(shape: shape, scalars: scalars)
}
private func sumFloat(_ a: Tensor<Float>, _ b: Tensor<Float>) -> Tensor<Float> { sumImpl(a, b) }
private func sumDouble(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Tensor<Double> { sumImpl(a, b) }

@inline(__always)
private func sumImpl<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>) -> Tensor<T> {
    let n = a.count
    let out: [T] = filledArray(n) { out in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                let (pa, pb) = (pa.baseAddress!, pb.baseAddress!)
                var i = 0
                while i + 8 <= n { store8(load8(pa + i) + load8(pb + i), out + i); i += 8 }
                while i < n { out[i] = pa[i] + pb[i]; i += 1 }
            }
        }
    }
    return Tensor(shape: a.shape, scalars: out)
}

private func shapesMatchFloat(_ a: [Tensor<Float>], _ b: [Tensor<Float>]) -> Bool { shapesMatchImpl(a, b) }
private func shapesMatchDouble(_ a: [Tensor<Double>], _ b: [Tensor<Double>]) -> Bool { shapesMatchImpl(a, b) }

@inline(__always)
private func shapesMatchImpl<T: TensorScalar>(_ a: [Tensor<T>], _ b: [Tensor<T>]) -> Bool {
    guard a.count == b.count else { return false }
    for i in a.indices where a[i].shape != b[i].shape { return false }
    return true
}

@inline(__always)
private func descendImpl<T: TensorScalar>(_ p: Tensor<T>, _ g: Tensor<T>, _ rate: T) -> Tensor<T> {
    let n = p.count
    let out: [T] = filledArray(n) { out in
        p.scalars.withUnsafeBufferPointer { pp in
            g.scalars.withUnsafeBufferPointer { pg in
                let (pp, pg) = (pp.baseAddress!, pg.baseAddress!)
                var i = 0
                while i + 8 <= n { store8(load8(pp + i) - rate * load8(pg + i), out + i); i += 8 }
                while i < n { let step = rate * pg[i]; out[i] = pp[i] - step; i += 1 }
            }
        }
    }
    return Tensor(shape: p.shape, scalars: out)
}
