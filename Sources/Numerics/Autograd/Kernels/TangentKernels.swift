import Tensor

// The loops of the forward-over-reverse Hessian-vector product (ForwardOverReverse.swift) on
// flat row-major arrays, nil standing for a zero tangent or cotangent. Generic and
// `@inline(__always)`: the product's one entry point checks the scalar type and calls Float or
// Double code, inside which all of these are specialised (see Specialised.swift).

/// How a fused dense layer's activation enters second-order terms: σ′ and σ″ as functions of
/// the layer's output o = σ(z), so the pre-activation need not be kept.
enum CurvatureActivation: Equatable {
    /// σ′ = 1, σ″ = 0.
    case identity
    /// σ′ = [o > 0], σ″ = 0 (almost everywhere, as the double-backward path has it).
    case relu
    /// σ′ = 1 − o², σ″ = −2o(1 − o²).
    case tanh

    /// nil for an activation without a rule here (its HVPs take the double-backward path).
    init?(_ a: Activation) {
        switch a {
        case .identity: self = .identity
        case .relu: self = .relu
        case .tanh: self = .tanh
        default: return nil
        }
    }
}

/// A new array of `count` elements, written by `body`.
@inline(__always)
func tangentArray<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] { filledArray(count, body) }

/// C = alpha·Σ op(Aᵢ)·op(Bᵢ) over the terms present (each [m, k]·[k, n] after op), into a new
/// [m, n] array; nil when no term is present. One gemm per term, the later ones with β = 1.
@inline(__always)
func productSum<T: TensorScalar>(
    _ terms: [(a: [T], transA: Bool, b: [T], transB: Bool)], m: Int, n: Int, k: Int, alpha: T
) -> [T]? {
    guard !terms.isEmpty else { return nil }
    return tangentArray(m * n) { c in
        if k == 0 { c.initialize(repeating: 0, count: m * n); return }
        for (i, t) in terms.enumerated() {
            t.a.withUnsafeBufferPointer { pa in
                t.b.withUnsafeBufferPointer { pb in
                    T.gemm(
                        transA: t.transA, transB: t.transB, m: m, n: n, k: k, alpha: alpha, a: pa.baseAddress!,
                        lda: t.transA ? m : k, b: pb.baseAddress!, ldb: t.transB ? k : n, beta: i == 0 ? 0 : 1, c: c, ldc: n)
                }
            }
        }
    }
}

/// z + s·b added to every row of z [m, n] (b: [n]), in place; z is created as zeros when nil.
/// `z` is consumed: the caller's product is then the only reference, so it is written over
/// rather than copied (the copy was a pass over the whole tangent).
@inline(__always)
func addRows<T: TensorScalar>(_ z: consuming [T]?, _ b: [T], scale s: T, rows m: Int) -> [T] {
    let n = b.count
    var out = z.take() ?? [T](repeating: 0, count: m * n)
    out.withUnsafeMutableBufferPointer { po in
        b.withUnsafeBufferPointer { pb in
            for i in 0..<m {
                let row = po.baseAddress! + i * n
                for j in 0..<n { row[j] += s * pb[j] }
            }
        }
    }
    return out
}

/// σ′(o)⊙x for a layer's output o.
@inline(__always)
func activationSlope<T: LaneSelects>(_ x: [T], output o: [T], _ a: CurvatureActivation) -> [T] {
    switch a {
    case .identity: return x
    case .relu:
        return tangentArray(x.count) { out in
            x.withUnsafeBufferPointer { px in
                o.withUnsafeBufferPointer { po in
                    let (px, po, n) = (px.baseAddress!, po.baseAddress!, x.count)
                    var i = 0
                    while i + 8 <= n { store8(T.reluGradient8(load8(px + i), output: load8(po + i)), out + i); i += 8 }
                    while i < n { let v = po[i]; out[i] = v > 0 ? px[i] : (v == 0 ? 0 : v); i += 1 }
                }
            }
        }
    case .tanh:
        return tangentArray(x.count) { out in
            for i in 0..<x.count { out[i] = (1 - o[i] * o[i]) * x[i] }
        }
    }
}

/// The tangent of a layer's output cotangent gz = σ′(z)⊙g: σ′(z)⊙Rg + σ″(z)⊙Rz⊙g (nil when
/// both terms vanish), with σ′, σ″ from the output o.
@inline(__always)
func slopeTangent<T: LaneSelects>(
    _ g: [T], _ rg: [T]?, preActivationTangent rz: [T]?, output o: [T], _ a: CurvatureActivation
) -> [T]? {
    let first = rg.map { activationSlope($0, output: o, a) }
    guard a == .tanh, let rz else { return first }
    return tangentArray(g.count) { out in
        for i in 0..<g.count {
            let s = 1 - o[i] * o[i]
            out[i] = (first?[i] ?? 0) + (-2 * o[i] * s) * rz[i] * g[i]
        }
    }
}

/// s·Σᵢ x[i, j] over the m rows of x [m, n].
@inline(__always)
func scaledColumnSums<T: TensorScalar>(_ x: [T], rows m: Int, scale s: T) -> [T] {
    let n = m == 0 ? 0 : x.count / m
    var out = [T](repeating: 0, count: n)
    for i in 0..<m { for j in 0..<n { out[j] += x[i * n + j] } }
    if s != 1 { for j in 0..<n { out[j] = s * out[j] } }
    return out
}

/// a + b elementwise (cotangents or their tangents meeting at a node); nil is zero.
@inline(__always)
func accumulated<T: TensorScalar>(_ a: [T]?, _ b: [T]?) -> [T]? {
    guard let a else { return b }
    guard let b else { return a }
    return tangentArray(a.count) { out in for i in 0..<a.count { out[i] = a[i] + b[i] } }
}

/// s·x elementwise.
@inline(__always)
func scaledArray<T: TensorScalar>(_ x: [T], _ s: T) -> [T] {
    tangentArray(x.count) { out in for i in 0..<x.count { out[i] = s * x[i] } }
}

/// The softmax cross-entropy's logits cotangent s·(p − onehot(y)) and its tangent
/// rs·(p − onehot(y)) + s·p⊙(Rz − ⟨p, Rz⟩ per row), for rows of k probabilities p.
@inline(__always)
func crossEntropyCotangents<T: TensorScalar>(
    _ p: [T], labels: [Int], classes k: Int, scale s: T, scaleTangent rs: T?, logitsTangent rz: [T]?,
    wantCotangent: Bool
) -> (g: [T]?, rg: [T]?) {
    let n = labels.count
    let g: [T]? =
        wantCotangent
        ? tangentArray(n * k) { d in
            for i in 0..<(n * k) { d[i] = s * p[i] }
            for i in 0..<n { d[i * k + labels[i]] = s * (p[i * k + labels[i]] - 1) }
        } : nil
    guard rs != nil || rz != nil else { return (g, nil) }
    let rg: [T] = tangentArray(n * k) { d in
        for i in 0..<n {
            var dot: T = 0
            if let rz { for j in 0..<k { dot += p[i * k + j] * rz[i * k + j] } }
            for j in 0..<k {
                let q = p[i * k + j]
                var v: T = 0
                if let rs { v = rs * (j == labels[i] ? q - 1 : q) }
                if let rz { v += s * (q * (rz[i * k + j] - dot)) }
                d[i * k + j] = v
            }
        }
    }
    return (g, rg)
}

/// The tangent of the mean softmax cross-entropy: (1/n)·Σᵢ (⟨pᵢ, Rzᵢ⟩ − Rz_{i,yᵢ}).
@inline(__always)
func crossEntropyTangent<T: TensorScalar>(_ p: [T], labels: [Int], classes k: Int, logitsTangent rz: [T]) -> T {
    var total: T = 0
    for (i, y) in labels.enumerated() {
        var dot: T = 0
        for j in 0..<k { dot += p[i * k + j] * rz[i * k + j] }
        total += dot - rz[i * k + y]
    }
    return total / T(max(labels.count, 1))
}

/// s·(a − b) + t·(ra − rb) elementwise, nil tangents being zero.
@inline(__always)
func residualTangent<T: TensorScalar>(_ a: [T], _ b: [T], scale s: T?, _ ra: [T]?, _ rb: [T]?, tangentScale t: T) -> [T] {
    tangentArray(a.count) { out in
        for i in 0..<a.count {
            var v: T = 0
            if let s { v = s * (a[i] - b[i]) }
            if ra != nil || rb != nil { v += t * ((ra?[i] ?? 0) - (rb?[i] ?? 0)) }
            out[i] = v
        }
    }
}
