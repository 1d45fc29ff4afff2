internal import Foundation
import Autograd
import Tensor

/// The loss of a trained network on a plane through θ*: r(θ* + αδ₁ + βδ₂).
public struct LossLandscape<T: TensorScalar> {
    /// The network whose parameters θ* are the centre of every slice.
    public let net: MLP<T>
    /// The inputs the loss is evaluated on, [n, N₀].
    public let x: Tensor<T>
    /// The targets, [n, N_L].
    public let y: Tensor<T>
    /// Loss of a prediction against the targets (mean squared error by default).
    public let loss: (Tensor<T>, Tensor<T>) -> Double
    /// The built-in loss, when one was chosen: surfaces then run a concrete kernel (no tensors
    /// per grid point). nil for a custom `loss` closure, which takes the generic path.
    public let objective: LossObjective?

    /// A landscape of a built-in loss (mean squared error unless told otherwise).
    public init(_ net: MLP<T>, x: Tensor<T>, y: Tensor<T>, objective: LossObjective = .meanSquaredError) {
        (self.net, self.x, self.y, self.objective) = (net, x, y, objective)
        switch objective {
        case .meanSquaredError: loss = LossLandscape.meanSquaredError
        case .crossEntropy: loss = LossLandscape.crossEntropy
        }
    }

    /// A landscape of any loss of (prediction, targets).
    public init(_ net: MLP<T>, x: Tensor<T>, y: Tensor<T>, loss: @escaping (Tensor<T>, Tensor<T>) -> Double) {
        (self.net, self.x, self.y, self.loss, self.objective) = (net, x, y, loss, nil)
    }

    /// The mean of (pᵢ − tᵢ)² over all elements, accumulated in f64 (the default loss).
    ///
    /// - Parameters:
    ///   - p: Predictions.
    ///   - t: Targets, with `p`'s element count.
    /// - Returns: The mean squared error (0 for empty tensors).
    public static func meanSquaredError(_ p: Tensor<T>, _ t: Tensor<T>) -> Double {
        zip(p.scalars, t.scalars).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) } / Double(max(p.count, 1))
    }

    /// −(1/n) Σᵢ Σ_c t_ic log softmax(pᵢ)_c for logits p and one-hot (or probability) rows t, both [n, classes].
    public static func crossEntropy(_ p: Tensor<T>, _ t: Tensor<T>) -> Double {
        let c = p.shape.last ?? 1, n = p.count / max(c, 1)
        let (ps, ts) = (p.scalars.map { Double($0) }, t.scalars.map { Double($0) })
        var sum = 0.0
        for i in 0..<n {
            let row = ps[i * c..<(i + 1) * c], top = row.max()!
            let logZ = top + log(row.reduce(0.0) { $0 + exp($1 - top) })
            for k in 0..<c where ts[i * c + k] != 0 { sum -= ts[i * c + k] * (ps[i * c + k] - logZ) }
        }
        return sum / Double(max(n, 1))
    }

    /// The loss at θ* (the network's current parameters). With a built-in objective it comes
    /// from the same kernel as `surface`, so a surface's centre equals it bit for bit.
    public var centre: Double {
        let zero = net.parameters.map { Tensor<T>(shape: $0.shape, repeating: 0) }
        if let fast = kernel(zero, zero, [(0, 0)]) { return fast.values[0] }
        return loss(net(x), y)
    }

    /// The concrete kernel's result, or nil when it does not apply (custom loss, other scalar
    /// types, activations without a plain kernel).
    func kernel(_ d1: [Tensor<T>], _ d2: [Tensor<T>], _ points: [(Double, Double)]) -> LandscapeKernel.Result? {
        guard let objective else { return nil }
        if T.self == Float.self {
            return LandscapeKernel.surfaceFloat(
                unsafeBitCast(net, to: MLP<Float>.self), unsafeBitCast(x, to: Tensor<Float>.self),
                unsafeBitCast(y, to: Tensor<Float>.self), objective,
                unsafeBitCast(d1, to: [Tensor<Float>].self), unsafeBitCast(d2, to: [Tensor<Float>].self), points)
        }
        if T.self == Double.self {
            return LandscapeKernel.surfaceDouble(
                unsafeBitCast(net, to: MLP<Double>.self), unsafeBitCast(x, to: Tensor<Double>.self),
                unsafeBitCast(y, to: Tensor<Double>.self), objective,
                unsafeBitCast(d1, to: [Tensor<Double>].self), unsafeBitCast(d2, to: [Tensor<Double>].self), points)
        }
        return nil
    }

    /// A grid of losses. `values[r * columns + c]` is the loss at α = alphas[c], β = betas[r]:
    /// α runs along columns (x axis), β along rows (y axis), as images and contour plots expect.
    public struct Surface {
        /// The α coordinates, one per column (the x axis).
        public var alphas: [Double]
        /// The β coordinates, one per row (the y axis).
        public var betas: [Double]
        /// Losses in row-major order: `values[r * columns + c]` is at (alphas[c], betas[r]).
        public var values: [Double]
        /// For each grid point, whether every hidden pre-activation on every input has the same
        /// sign as at θ* — the point lies in θ*'s activation region, where a ReLU network's loss
        /// is smooth. (A kink crossed inside the grid adds curvature no Hessian at θ* can see.)
        public var inCentreRegion: [Bool] = []
        /// How many (input, hidden neuron) pre-activations change sign somewhere on the grid.
        public var switchingPreActivations = 0
        /// The number of α values.
        public var columns: Int { alphas.count }
        /// The number of β values.
        public var rows: Int { betas.count }
        /// The loss at α = alphas[c], β = betas[r].
        public subscript(row r: Int, column c: Int) -> Double { values[r * alphas.count + c] }
    }

    /// r on the grid alphas × betas along directions d1, d2 (shaped like the parameters).
    ///
    /// The first layer is linear in the perturbation: X(W + αD₁ + βD₂)ᵀ = XWᵀ + αXD₁ᵀ + βXD₂ᵀ,
    /// so its three products are computed once and each grid point costs only the layers above.
    /// With a built-in objective a concrete kernel evaluates many grid points per call (see
    /// `LandscapeKernel`); `inCentreRegion` is then filled whether or not the grid contains the
    /// centre. With a custom loss the generic path below runs, and its centre value is
    /// bit-for-bit the plain forward pass's.
    public func surface(_ d1: [Tensor<T>], _ d2: [Tensor<T>], alphas: [Double], betas: [Double]) -> Surface {
        let p = net.parameters
        guard d1.map(\.shape) == p.map(\.shape), d2.map(\.shape) == p.map(\.shape) else {
            fatalError("LossLandscape.surface: directions must be shaped like the parameters \(p.map(\.shape))")
        }
        var points: [(Double, Double)] = []
        points.reserveCapacity(alphas.count * betas.count)
        for beta in betas { for alpha in alphas { points.append((alpha, beta)) } }
        if let fast = kernel(d1, d2, points) {
            return Surface(
                alphas: alphas, betas: betas, values: fast.values, inCentreRegion: fast.inCentreRegion,
                switchingPreActivations: fast.switching)
        }
        guard net.layers.allSatisfy({ $0.parametrisation == .standard }) else {
            fatalError("LossLandscape.surface: needs a network in standard parametrisation")
        }
        let first = net.layers[0]
        // x·Wᵀ exactly as `Dense` computes it (gemm's transpose flag), so the centre matches bit for bit.
        let xw = matmul(x, p[0], transposingB: true), xd1 = matmul(x, d1[0], transposingB: true)
        let xd2 = matmul(x, d2[0], transposingB: true)
        var values: [Double] = []
        var sameRegion: [Bool] = []
        var patterns: [[Bool]] = []
        var centreSigns: [Bool]? = nil
        func signs(of z: [T]) -> [Bool] { z.map { $0 > 0 } }
        values.reserveCapacity(alphas.count * betas.count)
        for beta in betas {
            for alpha in alphas {
                let a = T(alpha), b = T(beta)
                // Layer 1 from the precomputed products.
                var z = xw.scalars
                if alpha != 0 || beta != 0 {
                    for i in z.indices { z[i] = z[i] + a * xd1.scalars[i] + b * xd2.scalars[i] }
                }
                let o = first.outputs
                if first.hasBias {
                    let bias = perturbed(p[1], d1[1], d2[1], a, b).scalars
                    for i in 0..<(z.count / o) { for j in 0..<o { z[i * o + j] = z[i * o + j] + bias[j] } }
                }
                var pattern = signs(of: z)
                var h = first.activation.apply(to: Tensor(shape: [x.shape[0], o], scalars: z))
                // Layers above: the one dense-layer forward's product and bias with the perturbed
                // parameters, the signs read, then σ.
                var k = first.parameterCount
                for layer in net.layers.dropFirst() {
                    let w = perturbed(p[k], d1[k], d2[k], a, b)
                    let bias = layer.hasBias ? perturbed(p[k + 1], d1[k + 1], d2[k + 1], a, b).scalars : nil
                    let zz = affine(h, w, bias)
                    if layer.activation != .identity { pattern += signs(of: zz) }
                    h = layer.activation.apply(to: Tensor(shape: [x.shape[0], layer.outputs], scalars: zz))
                    k += layer.parameterCount
                }
                values.append(loss(h, y))
                if alpha == 0 && beta == 0 { centreSigns = pattern }
                patterns.append(pattern)
            }
        }
        var switching = 0
        if let centre = centreSigns {
            sameRegion = patterns.map { $0 == centre }
            var changed = [Bool](repeating: false, count: centre.count)
            for p in patterns { for i in p.indices where p[i] != centre[i] { changed[i] = true } }
            switching = changed.filter { $0 }.count
        }
        return Surface(
            alphas: alphas, betas: betas, values: values, inCentreRegion: sameRegion,
            switchingPreActivations: switching)
    }

    /// r along one direction: θ* + α·d for each α.
    public func slice(_ d: [Tensor<T>], alphas: [Double]) -> [Double] {
        let zero = d.map { Tensor<T>(shape: $0.shape, repeating: 0) }
        return surface(d, zero, alphas: alphas, betas: [0]).values
    }

    /// h·Wᵀ + b through the one dense-layer forward (standard parametrisation: s_w = 1).
    private func affine(_ h: Tensor<T>, _ w: Tensor<T>, _ bias: [T]?) -> [T] {
        let (m, n) = (h.shape[0], w.shape[0])
        var z = [T](repeating: 0, count: m * n)
        h.scalars.withUnsafeBufferPointer { hp in
            w.scalars.withUnsafeBufferPointer { wp in
                z.withUnsafeMutableBufferPointer { zp in
                    func run(_ b: UnsafePointer<T>?) {
                        DenseForward.affine(
                            hp.baseAddress!, rows: m, inputs: w.shape[1], weights: wp.baseAddress!, outputs: n,
                            bias: b, into: zp.baseAddress!)
                    }
                    if let bias { bias.withUnsafeBufferPointer { run($0.baseAddress!) } } else { run(nil) }
                }
            }
        }
        return z
    }

    private func perturbed(_ w: Tensor<T>, _ d1: Tensor<T>, _ d2: Tensor<T>, _ a: T, _ b: T) -> Tensor<T> {
        if a == 0 && b == 0 { return w }
        return Tensor(shape: w.shape, scalars: (0..<w.count).map { w.scalars[$0] + a * d1.scalars[$0] + b * d2.scalars[$0] })
    }

    /// `count` equally spaced values from −span to span (odd counts include 0 exactly).
    public static func grid(span: Double, count: Int) -> [Double] {
        (0..<count).map { i in
            let t = Double(2 * i - (count - 1)) / Double(max(count - 1, 1))
            return t * span
        }
    }
}
