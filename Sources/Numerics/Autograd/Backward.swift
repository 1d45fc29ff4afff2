import Tensor

/// Reverse accumulation over the recorded graph.
public enum Backward {
    /// Cotangents of `output` with respect to each of `inputs`, seeded with `seed`
    /// (default: ones, which requires a one-element output). With `createGraph` the returned
    /// gradients are themselves recorded, so they can be differentiated again.
    public static func gradients<T>(
        of output: Variable<T>, wrt inputs: [Variable<T>], seed: Tensor<T>? = nil,
        createGraph: Bool = false
    ) -> [Variable<T>] {
        // Specialised for Float and Double (see Kernels/Specialised.swift): the walk over the
        // graph and the VJP closures it calls then run without generic dispatch.
        if T.self == Float.self {
            return same(gradientsFloat(same(output), same(inputs), seed.map { same($0) as Tensor<Float> }, createGraph))
        }
        if T.self == Double.self {
            return same(gradientsDouble(same(output), same(inputs), seed.map { same($0) as Tensor<Double> }, createGraph))
        }
        return reverse(output, inputs, seed, createGraph)
    }

    private static func gradientsFloat(
        _ output: Variable<Float>, _ inputs: [Variable<Float>], _ seed: Tensor<Float>?,
        _ createGraph: Bool
    ) -> [Variable<Float>] {
        reverse(output, inputs, seed, createGraph)
    }

    private static func gradientsDouble(
        _ output: Variable<Double>, _ inputs: [Variable<Double>], _ seed: Tensor<Double>?,
        _ createGraph: Bool
    ) -> [Variable<Double>] {
        reverse(output, inputs, seed, createGraph)
    }

    @inline(__always)
    private static func reverse<T>(
        _ output: Variable<T>, _ inputs: [Variable<T>], _ seed: Tensor<T>?,
        _ createGraph: Bool
    ) -> [Variable<T>] {
        let seedValue: Tensor<T>
        if let seed {
            guard seed.shape == output.shape else {
                fatalError("gradients: seed has shape \(seed.shape) but the output has shape \(output.shape)")
            }
            seedValue = seed
        } else {
            guard output.value.count == 1 else {
                fatalError("backward: the output has shape \(output.shape); pass a seed of that shape or reduce it to one element (e.g. sum)")
            }
            seedValue = Tensor(shape: output.shape, repeating: 1)
        }
        // Topological order of the nodes that lead to the output. Visits and cotangents are kept
        // on the nodes themselves (marked with this pass's number), not in hashed side tables.
        passCount += 1
        let pass = passCount
        var order: [Variable<T>] = []
        var stack: [Variable<T>] = [output]
        var expanded: [Bool] = [false]
        while let node = stack.popLast() {
            if expanded.removeLast() { order.append(node); continue }
            guard node.backwardPass != pass else { continue }
            node.backwardPass = pass
            node.pendingCotangent = nil
            stack.append(node)
            expanded.append(true)
            for p in node.parents where p.requiresGrad && p.backwardPass != pass {
                stack.append(p)
                expanded.append(false)
            }
        }
        for x in inputs where x.backwardPass != pass {
            x.backwardPass = pass  // unreachable inputs: no cotangent
            x.pendingCotangent = nil
        }
        defer { for node in order { node.pendingCotangent = nil } }
        func run() {
            output.pendingCotangent = Variable(seedValue, requiresGrad: false)
            for node in order.reversed() {
                guard let g = node.pendingCotangent, let vjp = node.vjp else { continue }
                let grads = vjp(g)
                for (i, p) in node.parents.enumerated() where i < grads.count && p.requiresGrad {
                    guard let pg = grads[i] else { continue }
                    p.pendingCotangent = p.pendingCotangent.map { accumulate($0, pg) } ?? pg
                }
            }
        }
        if createGraph { run() } else { GradMode.paused(run) }
        return inputs.map { x in
            x.pendingCotangent ?? Variable(Tensor(shape: x.shape, repeating: 0), requiresGrad: false)
        }
    }

    /// a + b for two cotangents of one node: a recorded sum when the pass records, else one
    /// concrete pass (they have the node's shape).
    @inline(__always)
    private static func accumulate<T>(_ a: Variable<T>, _ b: Variable<T>) -> Variable<T> {
        if GradMode.isRecording { return a + b }
        let (x, y) = (a.value, b.value)
        return x.shape == y.shape ? Variable(UpdateKernels.sum(x, y), requiresGrad: false) : a + b
    }

    /// Numbers backward passes, to mark the nodes each one has reached. Passes run one at a time
    /// (as `GradMode` already assumes): a VJP never starts a backward pass of its own.
    nonisolated(unsafe) private static var passCount = 0
}

extension Variable {
    /// Accumulates d(self)/d(leaf) into the `grad` of every leaf that requires it.
    /// `self` must have one element unless a `seed` of its shape is given.
    public func backward(seed: Tensor<Scalar>? = nil) {
        var leaves: [Variable] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [Variable] = [self]
        while let n = stack.popLast() {
            guard seen.insert(ObjectIdentifier(n)).inserted else { continue }
            if n.parents.isEmpty && n.requiresGrad { leaves.append(n) }
            stack.append(contentsOf: n.parents)
        }
        let grads = Backward.gradients(of: self, wrt: leaves, seed: seed)
        for (leaf, g) in zip(leaves, grads) {
            leaf.grad = leaf.grad.map { $0 + g.value } ?? g.value
        }
    }

    /// Forgets an accumulated gradient.
    public func zeroGrad() { grad = nil }
}
