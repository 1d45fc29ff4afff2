import Tensor

/// The loops of the fused dense layer (Ops/DenseNode.swift): its forward pass through the one
/// dense-layer forward (DenseForward.swift), and its VJP's gemms through OpenBLAS with their
/// transpose flags. Each entry point dispatches to concrete Float/Double code (see Specialised.swift).
///
/// The forward pass performs exactly the operations of the unfused graph (gemm with β = 0, then
/// s_w·z, then + s_b·b, then ReLU), so values agree bit for bit with `matmul` + `+` + `relu`.
enum DenseKernels {
    /// σ(s_w·x·Wᵀ + s_b·b) for x [m, k], W [n, k], b [n]; σ is ReLU when `relu`, else identity.
    static func affine<T: TensorScalar>(
        _ x: Tensor<T>, _ w: Tensor<T>, _ b: Tensor<T>?,
        weightScale: Double, biasScale: Double, relu: Bool
    ) -> Tensor<T> {
        if T.self == Float.self {
            return same(affineFloat(same(x), same(w), b.map { same($0) }, weightScale, biasScale, relu))
        }
        if T.self == Double.self {
            return same(affineDouble(same(x), same(w), b.map { same($0) }, weightScale, biasScale, relu))
        }
        onlyFloatAndDouble("dense layer")
    }

    /// The cotangent of the pre-activation of a ReLU layer from its output: g where out > 0, 0 where
    /// out = 0 (ReLU′ at the kink is 0, as in PyTorch and JAX), NaN where out is NaN.
    static func reluGradient<T: TensorScalar>(_ g: Tensor<T>, output: Tensor<T>) -> Tensor<T> {
        if T.self == Float.self { return same(reluGradientFloat(same(g), same(output))) }
        if T.self == Double.self { return same(reluGradientDouble(same(g), same(output))) }
        onlyFloatAndDouble("ReLU gradient")
    }

    /// s·g (g itself when s = 1).
    static func scaled<T: TensorScalar>(_ g: Tensor<T>, _ s: Double) -> Tensor<T> { s == 1 ? g : T(s) * g }

    /// op(A)·op(B) for 2-D tensors through gemm — the same call as Tensor's `matmul`, so the same
    /// values, without its generic zero-fill of C (with β = 0 gemm never reads C).
    static func product<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, transposingA: Bool, transposingB: Bool = false) -> Tensor<T> {
        if T.self == Float.self { return same(productFloat(same(a), same(b), transposingA, transposingB)) }
        if T.self == Double.self { return same(productDouble(same(a), same(b), transposingA, transposingB)) }
        return productImpl(a, b, transposingA, transposingB)
    }

    /// v [n] repeated as the m rows of an [m, n] tensor (the adjoint of column sums).
    static func tiledRows<T: TensorScalar>(_ v: Tensor<T>, rows m: Int) -> Tensor<T> {
        if T.self == Float.self { return same(tiledRowsFloat(same(v), m)) }
        if T.self == Double.self { return same(tiledRowsDouble(same(v), m)) }
        return v.reshaped([1, v.count]).broadcast(to: [m, v.count])
    }

    /// s·Σᵢ g[i, j]: the bias cotangent [n] of a layer whose output cotangent is g [m, n].
    static func columnSums<T: TensorScalar>(_ g: Tensor<T>, scale: Double) -> Tensor<T> {
        if T.self == Float.self { return same(columnSumsFloat(same(g), scale)) }
        if T.self == Double.self { return same(columnSumsDouble(same(g), scale)) }
        return columnSumsImpl(g, scale)
    }
}

private func affineFloat(_ x: Tensor<Float>, _ w: Tensor<Float>, _ b: Tensor<Float>?, _ ws: Double, _ bs: Double, _ relu: Bool) -> Tensor<Float> {
    affineImpl(x, w, b, ws, bs, relu)
}
private func affineDouble(_ x: Tensor<Double>, _ w: Tensor<Double>, _ b: Tensor<Double>?, _ ws: Double, _ bs: Double, _ relu: Bool) -> Tensor<Double> {
    affineImpl(x, w, b, ws, bs, relu)
}
private func reluGradientFloat(_ g: Tensor<Float>, _ o: Tensor<Float>) -> Tensor<Float> { reluGradientImpl(g, o) }
private func reluGradientDouble(_ g: Tensor<Double>, _ o: Tensor<Double>) -> Tensor<Double> { reluGradientImpl(g, o) }
private func productFloat(_ a: Tensor<Float>, _ b: Tensor<Float>, _ tA: Bool, _ tB: Bool) -> Tensor<Float> { productImpl(a, b, tA, tB) }
private func productDouble(_ a: Tensor<Double>, _ b: Tensor<Double>, _ tA: Bool, _ tB: Bool) -> Tensor<Double> { productImpl(a, b, tA, tB) }
private func tiledRowsFloat(_ v: Tensor<Float>, _ m: Int) -> Tensor<Float> { tiledRowsImpl(v, m) }
private func tiledRowsDouble(_ v: Tensor<Double>, _ m: Int) -> Tensor<Double> { tiledRowsImpl(v, m) }

@inline(__always)
private func tiledRowsImpl<T: TensorScalar>(_ v: Tensor<T>, _ m: Int) -> Tensor<T> {
    let n = v.count
    let scalars: [T] = filledArray(m * n) { out in
        v.scalars.withUnsafeBufferPointer { pv in
            for i in 0..<m { (out + i * n).initialize(from: pv.baseAddress!, count: n) }
        }
    }
    return Tensor(shape: [m, n], scalars: scalars)
}

private func columnSumsFloat(_ g: Tensor<Float>, _ s: Double) -> Tensor<Float> { columnSumsImpl(g, s) }
private func columnSumsDouble(_ g: Tensor<Double>, _ s: Double) -> Tensor<Double> { columnSumsImpl(g, s) }

@inline(__always)
private func affineImpl<T: TensorScalar>(_ x: Tensor<T>, _ w: Tensor<T>, _ b: Tensor<T>?, _ ws: Double, _ bs: Double, _ relu: Bool) -> Tensor<T> {
    let (m, k, n) = (x.shape[0], x.shape[1], w.shape[0])
    let sb = T(bs)
    // s_b·b once per column, as the unfused graph computes it.
    let bias = b.map { bs == 1 ? $0.scalars : $0.scalars.map { sb * $0 } }
    let scalars: [T] = filledArray(m * n) { c in
        x.scalars.withUnsafeBufferPointer { px in
            w.scalars.withUnsafeBufferPointer { pw in
                withBias(bias) { pb in
                    DenseForward.layer(
                        px.baseAddress!, rows: m, inputs: k, weights: pw.baseAddress!, outputs: n, weightScale: ws,
                        bias: pb, activation: relu ? .relu : .identity, into: c)
                }
            }
        }
    }
    return Tensor(shape: [m, n], scalars: scalars)
}

@inline(__always)
private func withBias<T>(_ b: [T]?, _ body: (UnsafePointer<T>?) -> Void) {
    guard let b else { return body(nil) }
    b.withUnsafeBufferPointer { body($0.baseAddress!) }
}

@inline(__always)
private func reluGradientImpl<T: LaneSelects>(_ g: Tensor<T>, _ o: Tensor<T>) -> Tensor<T> {
    let n = g.count
    let scalars: [T] = filledArray(n) { out in
        g.scalars.withUnsafeBufferPointer { pg in
            o.scalars.withUnsafeBufferPointer { po in
                let (pg, po) = (pg.baseAddress!, po.baseAddress!)
                var i = 0
                while i + 8 <= n {
                    store8(T.reluGradient8(load8(pg + i), output: load8(po + i)), out + i)
                    i += 8
                }
                while i < n { let v = po[i]; out[i] = v > 0 ? pg[i] : (v == 0 ? 0 : v); i += 1 }
            }
        }
    }
    return Tensor(shape: g.shape, scalars: scalars)
}

@inline(__always)
private func productImpl<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, _ tA: Bool, _ tB: Bool) -> Tensor<T> {
    let (m, k) = tA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (k2, n) = tB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    guard k == k2 else {
        fatalError("matmul: op(\(a.shape)) and op(\(b.shape)) are not aligned (\(k) vs \(k2); transposing A: \(tA), B: \(tB))")
    }
    let scalars: [T] = filledArray(m * n) { c in
        if k == 0 { c.initialize(repeating: 0, count: m * n); return }
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                T.gemm(
                    transA: tA, transB: tB, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: a.shape[1],
                    b: pb.baseAddress!, ldb: b.shape[1], beta: 0, c: c, ldc: n)
            }
        }
    }
    return Tensor(shape: [m, n], scalars: scalars)
}

@inline(__always)
private func columnSumsImpl<T: TensorScalar>(_ g: Tensor<T>, _ s: Double) -> Tensor<T> {
    let (m, n) = (g.shape[0], g.shape[1])
    let scale = T(s)
    let scalars: [T] = filledArray(n) { out in
        out.initialize(repeating: 0, count: n)
        g.scalars.withUnsafeBufferPointer { pg in
            for i in 0..<m {
                let row = pg.baseAddress! + i * n
                var j = 0
                while j + 8 <= n { store8(load8(out + j) + load8(row + j), out + j); j += 8 }
                while j < n { out[j] += row[j]; j += 1 }
            }
        }
        if s != 1 { for j in 0..<n { out[j] = scale * out[j] } }
    }
    return Tensor(shape: [n], scalars: scalars)
}
