import Tensor

/// Second-order information by differentiating gradients (double backward).
public enum Curvature {
    /// H·v for the Hessian H of the scalar `f` at `parameters`, v laid out like the parameters.
    public static func hessianVectorProduct<T>(
        at parameters: [Tensor<T>], direction v: [Tensor<T>],
        _ f: ([Variable<T>]) -> Variable<T>
    ) -> [Tensor<T>] {
        guard UpdateKernels.shapesMatch(parameters, v) else {
            fatalError("hessianVectorProduct: direction shapes \(v.map { $0.shape }) do not match parameters \(parameters.map { $0.shape })")
        }
        let theta = Variable.leaves(parameters)
        let output = f(theta)
        // Forward-over-reverse on the recorded graph when every node has a rule (dense layers,
        // the losses): ≤ 5× a forward pass where double backward took 7–12×.
        if let hv = ForwardOverReverse.hessianVectorProduct(output, theta, v) { return hv }
        return doubleBackward(output, theta, v)
    }

    /// H·v by differentiating ⟨∇f, v⟩ through the recorded gradient graph (any operation).
    static func doubleBackward<T>(_ output: Variable<T>, _ theta: [Variable<T>], _ v: [Tensor<T>]) -> [Tensor<T>] {
        let grads = Backward.gradients(of: output, wrt: theta, createGraph: true)
        // ⟨∇f, v⟩ (one node), then its gradient: H v.
        let dot = directionalSum(grads, v)
        return Variable.values(Backward.gradients(of: dot, wrt: theta))
    }

    /// The full Hessian of `f` at a flat parameter vector θ ([P] → [P, P]): row i is H·eᵢ.
    ///
    /// The forward pass and the first, recorded backward pass run once; each row is then one
    /// more backward pass through that gradient graph. This is what N calls of
    /// `hessianVectorProduct` with the unit vectors compute, operation for operation (so the
    /// rows are bit-identical to theirs), without repeating the forward and first backward pass
    /// N times. Cost: one gradient plus P second backward passes; memory: one recorded graph.
    /// Meant for small P (use f64); for large P use `hessianVectorProduct` with the directions
    /// you need.
    ///
    /// ```swift
    /// let H = Curvature.hessian(at: Tensor<Double>([1, 2])) { x in sum(x * x * x) }
    /// // [[6, 0], [0, 12]]
    /// ```
    public static func hessian<T>(at theta: Tensor<T>, _ f: (Variable<T>) -> Variable<T>) -> Tensor<T> {
        let p = theta.count
        let leaves = Variable.leaves([theta])
        let grads = Backward.gradients(of: f(leaves[0]), wrt: leaves, createGraph: true)
        var rows: [T] = []
        rows.reserveCapacity(p * p)
        var unit = [T](repeating: 0, count: p)
        for i in 0..<p {
            unit[i] = 1
            let dot = directionalSum(grads, [Tensor(shape: theta.shape, scalars: unit)])
            rows += Backward.gradients(of: dot, wrt: leaves)[0].value.scalars
            unit[i] = 0
        }
        return Tensor(shape: [p, p], scalars: rows)
    }
}

extension MLP {
    /// Per-example Jacobian of a scalar-output network: row i is ∂f(θ, xᵢ)/∂θ, flattened
    /// ([n, P]). J·Jᵀ is the empirical NTK on these inputs.
    public func parameterJacobian(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        guard widths.last == 1 else { fatalError("parameterJacobian: needs a scalar-output network, widths \(widths)") }
        let n = x.shape[0], d = x.shape[1]
        var rows: [Scalar] = []
        for i in 0..<n {
            let xi = Tensor(shape: [1, d], scalars: Array(x.scalars[i * d..<(i + 1) * d]))
            let (_, g) = valueAndGradient(at: parameters) { theta in sum(forward(.constant(xi), parameters: theta)) }
            rows += g.flatMap(\.scalars)
        }
        return Tensor(shape: [n, parameterCount], scalars: rows)
    }

    /// ∂f/∂x for every input row (gradients with respect to inputs), [n, N₀] for scalar outputs.
    public func inputGradient(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        let input = Variable(x)
        let out = forward(input, parameters: parameters.map(Variable.constant))
        return Backward.gradients(of: sum(out), wrt: [input])[0].value
    }
}
