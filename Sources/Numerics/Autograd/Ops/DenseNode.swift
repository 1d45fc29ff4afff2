import Tensor

/// A whole dense layer σ(s_w·x·Wᵀ + s_b·b) as one recorded node, with its VJP written by hand.
///
/// Unfused, a layer is five nodes (matmul, scale, bias broadcast, add, activation), each with its
/// own tensors and closures; a training step of a small net is then dominated by that overhead.
/// Fused, the forward pass is one gemm plus one pass over the output, and the first-order VJP
/// three gemm-or-loop kernels (gz = g·σ′(z); dx = s_w·gz·W; dW = s_w·gzᵀx; db = s_b·Σᵢ gz),
/// skipping the cotangents of operands that need none (the input batch).
///
/// When the backward pass records (createGraph, for Hessian-vector products), the same VJP is
/// built from differentiable operations instead, so gradients of gradients stay exact. For
/// ReLU (and identity) σ′ is piecewise constant, so it enters as a constant mask and the
/// pre-activation need not be recomputed; other activations recompute z as a differentiable
/// expression of x, W and b.
func denseNode<T>(
    _ x: Variable<T>, weight w: Variable<T>, bias b: Variable<T>?, weightScale: Double,
    biasScale: Double, activation: Activation
) -> Variable<T> {
    guard x.shape.count == 2, w.shape.count == 2, x.shape[1] == w.shape[1], b.map({ $0.shape == [w.shape[0]] }) ?? true else {
        fatalError(
            "dense layer: input \(x.shape), weight \(w.shape) and bias \(b.map { "\($0.shape)" } ?? "none") do not fit (need [batch, in], [out, in], [out])")
    }
    let kind = DenseActivationKind(activation)
    let affine = DenseKernels.affine(
        x.value, w.value, b?.value, weightScale: weightScale, biasScale: biasScale,
        relu: kind == .relu)
    // For other activations `affine` is the pre-activation z, kept for σ′(z).
    let function = kind == .general ? activation.function : nil
    let out = function?.evaluate(affine) ?? affine
    // What the VJP needs: z for σ′(z), or ReLU's output for its mask (one capture, not two).
    let saved = kind == .general ? affine : out
    let outputs = w.shape[0]
    let parents = b.map { [x, w, $0] } ?? [x, w]
    let node = Variable(out, op: "dense", parents: parents) { g in
        func derivative() -> ElementwiseFunction {
            guard let df = function?.derivative else {
                fatalError("\(activation): no further derivative is defined (differentiated too many times)")
            }
            return df
        }
        if GradMode.isRecording {
            let gz: Variable<T>
            switch kind {
            case .identity: gz = g
            case .relu: gz = g.reluMasked(byOutput: saved)
            case .general:
                var z = matmul(x, w, transposingA: false, transposingB: true)
                if weightScale != 1 { z = T(weightScale) * z }
                if let b { z = z + (biasScale != 1 ? T(biasScale) * b : b).reshaped([1, outputs]) }
                gz = g * z.apply(derivative())
            }
            let gzw = weightScale != 1 ? T(weightScale) * gz : gz
            let dx = x.requiresGrad ? matmul(gzw, w) : nil
            let dw = w.requiresGrad ? matmul(gzw, x, transposingA: true, transposingB: false) : nil
            let db = b.flatMap { b in
                b.requiresGrad ? (biasScale != 1 ? T(biasScale) * gz : gz).columnSums() : nil
            }
            return b == nil ? [dx, dw] : [dx, dw, db]
        }
        let gz: Tensor<T>
        switch kind {
        case .identity: gz = g.value
        case .relu: gz = DenseKernels.reluGradient(g.value, output: saved)
        case .general: gz = g.value * derivative().evaluate(saved)
        }
        let gzw = DenseKernels.scaled(gz, weightScale)
        let dx = x.requiresGrad ? DenseKernels.product(gzw, w.value, transposingA: false) : nil
        let dw = w.requiresGrad ? DenseKernels.product(gzw, x.value, transposingA: true) : nil
        let db = b.flatMap { $0.requiresGrad ? DenseKernels.columnSums(gz, scale: biasScale) : nil }
        let cotangents = [dx.map { Variable($0, requiresGrad: false) }, dw.map { Variable($0, requiresGrad: false) }]
        return b == nil ? cotangents : cotangents + [db.map { Variable($0, requiresGrad: false) }]
    }
    if node.requiresGrad, let a = CurvatureActivation(activation) {
        node.secondOrder = .dense(weightScale: weightScale, biasScale: biasScale, activation: a)
    }
    return node
}

/// How the fused layer treats its activation.
enum DenseActivationKind {
    case identity, relu, general

    init(_ a: Activation) {
        switch a {
        case .identity: self = .identity
        case .relu: self = .relu
        default: self = .general
        }
    }
}
