import Tensor

/// The one forward pass of a dense layer, σ(s_w·h·Wᵀ + b), on row-major buffers. The fused
/// autograd node (Ops/DenseNode.swift through DenseKernels.affine) and Theory's probes
/// (trajectory lengths, loss landscapes, activation regions) all compute a layer with these
/// loops, so a layer has one definition of its arithmetic.
///
/// Per element the order is fixed: the gemm's dot product (β = 0), then s_w·z when s_w ≠ 1,
/// then + b, then σ — the operations of the unfused graph (`matmul`, scale, `+`, σ), so values
/// agree bit for bit with it. Callers that fold s_w into W (the probes, whose perturbed weights
/// need W + αD₁ + βD₂ in one array) pass weightScale 1; b is given already scaled by s_b.
///
/// The entry points are public generics that check the scalar type once and call concrete
/// Float or Double code (see Specialised.swift): called from another module built with library
/// evolution, an unspecialised generic loop would pay a witness call per element.
public enum DenseForward {
    /// Whether `activate` has a loop for `a` (identity, ReLU, leaky ReLU, tanh); callers apply
    /// any other activation through `Activation.apply`.
    public static func hasKernel(_ a: Activation) -> Bool {
        switch a {
        case .identity, .relu, .leakyReLU, .tanh: true
        default: false
        }
    }

    /// z = s_w·(h·Wᵀ) + b for h [m, k], W [n, k], b [n] (nil: none), into z [m, n].
    public static func affine<T: TensorScalar>(
        _ h: UnsafePointer<T>, rows m: Int, inputs k: Int, weights w: UnsafePointer<T>,
        outputs n: Int, weightScale: Double = 1, bias: UnsafePointer<T>?,
        into z: UnsafeMutablePointer<T>
    ) {
        layer(h, rows: m, inputs: k, weights: w, outputs: n, weightScale: weightScale, bias: bias, activation: .identity, into: z)
    }

    /// σ(s_w·(h·Wᵀ) + b) into z [m, n]; `activation` must have a kernel (`hasKernel`).
    public static func layer<T: TensorScalar>(
        _ h: UnsafePointer<T>, rows m: Int, inputs k: Int, weights w: UnsafePointer<T>,
        outputs n: Int, weightScale: Double = 1, bias: UnsafePointer<T>?,
        activation: Activation, into z: UnsafeMutablePointer<T>
    ) {
        if T.self == Float.self {
            return layerFloat(cast(h), m, k, cast(w), n, weightScale, bias.map { cast($0) }, activation, cast(z))
        }
        if T.self == Double.self {
            return layerDouble(cast(h), m, k, cast(w), n, weightScale, bias.map { cast($0) }, activation, cast(z))
        }
        onlyFloatAndDouble("dense layer")
    }

    /// σ(z + b) in place on m rows of n that already hold a product (`layer` without its gemm).
    public static func finish<T: TensorScalar>(
        _ z: UnsafeMutablePointer<T>, rows m: Int, outputs n: Int, bias: UnsafePointer<T>?,
        activation: Activation
    ) {
        if T.self == Float.self { return finishFloat(cast(z), m, n, 1, bias.map { cast($0) }, activation) }
        if T.self == Double.self { return finishDouble(cast(z), m, n, 1, bias.map { cast($0) }, activation) }
        onlyFloatAndDouble("dense layer")
    }

    /// σ in place on `count` elements; `a` must have a kernel (`hasKernel`).
    public static func activate<T: TensorScalar>(_ z: UnsafeMutablePointer<T>, count: Int, _ a: Activation) {
        finish(z, rows: 1, outputs: count, bias: nil, activation: a)
    }
}

@inline(__always) private func cast<A, B>(_ p: UnsafePointer<A>) -> UnsafePointer<B> { UnsafeRawPointer(p).assumingMemoryBound(to: B.self) }
@inline(__always) private func cast<A, B>(_ p: UnsafeMutablePointer<A>) -> UnsafeMutablePointer<B> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: B.self)
}

private func layerFloat(
    _ h: UnsafePointer<Float>, _ m: Int, _ k: Int, _ w: UnsafePointer<Float>, _ n: Int, _ ws: Double,
    _ b: UnsafePointer<Float>?, _ a: Activation, _ z: UnsafeMutablePointer<Float>
) {
    layerRows(h, m, k, w, n, ws, b, a, z)
}
private func layerDouble(
    _ h: UnsafePointer<Double>, _ m: Int, _ k: Int, _ w: UnsafePointer<Double>, _ n: Int, _ ws: Double,
    _ b: UnsafePointer<Double>?, _ a: Activation, _ z: UnsafeMutablePointer<Double>
) {
    layerRows(h, m, k, w, n, ws, b, a, z)
}
private func finishFloat(_ z: UnsafeMutablePointer<Float>, _ m: Int, _ n: Int, _ ws: Double, _ b: UnsafePointer<Float>?, _ a: Activation) {
    finishRows(z, m, n, ws, b, a)
}
private func finishDouble(_ z: UnsafeMutablePointer<Double>, _ m: Int, _ n: Int, _ ws: Double, _ b: UnsafePointer<Double>?, _ a: Activation) {
    finishRows(z, m, n, ws, b, a)
}

@inline(__always)
private func layerRows<T: LaneSelects>(
    _ h: UnsafePointer<T>, _ m: Int, _ k: Int, _ w: UnsafePointer<T>, _ n: Int, _ ws: Double,
    _ b: UnsafePointer<T>?, _ a: Activation, _ z: UnsafeMutablePointer<T>
) {
    if k == 0 {
        z.update(repeating: 0, count: m * n)
    } else {
        T.gemm(transA: false, transB: true, m: m, n: n, k: k, alpha: 1, a: h, lda: k, b: w, ldb: k, beta: 0, c: z, ldc: n)
    }
    finishRows(z, m, n, ws, b, a)
}

/// Row by row (a row stays in cache through all three steps): s_w·z, + b, σ.
@inline(__always)
private func finishRows<T: LaneSelects>(
    _ z: UnsafeMutablePointer<T>, _ m: Int, _ n: Int, _ ws: Double, _ b: UnsafePointer<T>?,
    _ a: Activation
) {
    let sw = T(ws)
    let slope: T
    switch a {
    case .identity, .relu, .tanh: slope = 0
    case .leakyReLU(let s): slope = T(s)
    default: fatalError("DenseForward: no loop for \(a); apply it through Activation.apply")
    }
    if ws == 1 && b == nil && a == .identity { return }
    for r in 0..<m {
        let row = z + r * n
        if ws != 1 {
            var j = 0
            while j + 8 <= n { store8(sw * load8(row + j), row + j); j += 8 }
            while j < n { row[j] = sw * row[j]; j += 1 }
        }
        if let b {
            var j = 0
            while j + 8 <= n { store8(load8(row + j) + load8(b + j), row + j); j += 8 }
            while j < n { row[j] = row[j] + b[j]; j += 1 }
        }
        switch a {
        case .identity: break
        case .relu:
            // ReLU keeps NaN and −0, like the Tensor kernel: only x < 0 becomes 0.
            var j = 0
            while j + 8 <= n { store8(T.relu8(load8(row + j)), row + j); j += 8 }
            while j < n { if row[j] < 0 { row[j] = 0 }; j += 1 }
        case .leakyReLU:
            // A multiply by a selected factor, which LLVM vectorises (a branch would be mispredicted).
            for j in 0..<n { let v = row[j]; row[j] = v * (v > 0 ? 1 : slope) }
        case .tanh: for j in 0..<n { row[j] = T.tanh(row[j]) }
        default: break
        }
    }
}
