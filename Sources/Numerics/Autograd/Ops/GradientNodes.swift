import Tensor

// Nodes that recording backward passes (double backward) build in place of small chains of
// generic operations: each is one node with a concrete first-order VJP, and a VJP made of
// differentiable operations when the pass records again (third order and beyond).

extension Variable {
    /// self where a ReLU's output is positive, 0 where it is 0: the cotangent through ReLU, linear
    /// in self with a constant mask, so its VJP is itself.
    func reluMasked(byOutput output: Tensor<Scalar>) -> Variable {
        Variable(DenseKernels.reluGradient(value, output: output), op: "reluMask", parents: [self]) { g in
            [g.reluMasked(byOutput: output)]
        }
    }

    /// Σᵢ x[i, j] for a 2-D variable, shape [n] (a layer's bias cotangent).
    func columnSums() -> Variable {
        let (m, n) = (shape[0], shape[1])
        return Variable(DenseKernels.columnSums(value, scale: 1), op: "columnSums", parents: [self]) { g in
            if GradMode.isRecording { return [g.reshaped([1, n]).broadcast(to: [m, n])] }
            return [Variable(DenseKernels.tiledRows(g.value, rows: m), requiresGrad: false)]
        }
    }
}

/// c·g·(p − t) for a scalar-shaped g: the prediction's cotangent of a mean squared error, as one node.
func scaledResidual<T>(_ g: Variable<T>, _ p: Variable<T>, _ t: Variable<T>, scale c: T) -> Variable<T> {
    let shape = p.shape
    let value = LossKernels.scaledDifference(p.value, t.value, scale: c * g.value.scalar)
    return Variable(value, op: "scaledResidual", parents: [g, p, t]) { gbar in
        if GradMode.isRecording {
            let dp = c * g.broadcast(to: shape) * gbar
            return [
                g.requiresGrad ? (c * sum(gbar * (p - t))).reshaped(g.shape) : nil,
                p.requiresGrad ? dp : nil, t.requiresGrad ? -dp : nil,
            ]
        }
        let dp = p.requiresGrad || t.requiresGrad ? DenseKernels.scaled(gbar.value, Double(c * g.value.scalar)) : nil
        let dg = g.requiresGrad ? Tensor(LossKernels.dot(gbar.value, p.value, minus: t.value) * c).reshaped(g.shape) : nil
        return [
            dg.map { Variable($0, requiresGrad: false) },
            p.requiresGrad ? dp.map { Variable($0, requiresGrad: false) } : nil,
            t.requiresGrad ? dp.map { Variable(-$0, requiresGrad: false) } : nil,
        ]
    }
}

/// Σₖ ⟨gₖ, vₖ⟩ over variables gₖ and constant directions vₖ of their shapes, as one node (the
/// scalar whose gradient is a Hessian-vector product).
func directionalSum<T>(_ g: [Variable<T>], _ v: [Tensor<T>]) -> Variable<T> {
    if T.self == Float.self { return same(directionalSumFloat(same(g), same(v))) }
    if T.self == Double.self { return same(directionalSumDouble(same(g), same(v))) }
    return directionalSumNode(g, v)
}

private func directionalSumFloat(_ g: [Variable<Float>], _ v: [Tensor<Float>]) -> Variable<Float> { directionalSumNode(g, v) }
private func directionalSumDouble(_ g: [Variable<Double>], _ v: [Tensor<Double>]) -> Variable<Double> { directionalSumNode(g, v) }

@inline(__always)
private func directionalSumNode<T>(_ g: [Variable<T>], _ v: [Tensor<T>]) -> Variable<T> {
    var total: T = 0
    for (gk, vk) in zip(g, v) { total += LossKernels.dot(gk.value, vk, minus: nil) }
    return Variable(Tensor(total), op: "directionalSum", parents: g) { s in
        if GradMode.isRecording { return zip(g, v).map { gk, vk in s.broadcast(to: gk.shape) * .constant(vk) } }
        let scale = Double(s.value.scalar)
        return v.map { Variable(DenseKernels.scaled($0, scale), requiresGrad: false) }
    }
}
