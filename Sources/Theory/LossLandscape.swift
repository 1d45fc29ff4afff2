import Autograd
import Tensor

/// The loss of a trained network on a plane through θ*: r(θ* + αδ₁ + βδ₂).
public struct LossLandscape<T: TensorScalar> {
    public let net: MLP<T>
    public let x: Tensor<T>
    public let y: Tensor<T>
    /// Loss of a prediction against the targets (mean squared error by default).
    public let loss: (Tensor<T>, Tensor<T>) -> Double

    public init(_ net: MLP<T>, x: Tensor<T>, y: Tensor<T>,
                loss: @escaping (Tensor<T>, Tensor<T>) -> Double = LossLandscape.meanSquaredError) {
        (self.net, self.x, self.y, self.loss) = (net, x, y, loss)
    }

    public static func meanSquaredError(_ p: Tensor<T>, _ t: Tensor<T>) -> Double {
        zip(p.scalars, t.scalars).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) } / Double(max(p.count, 1))
    }

    /// The loss at θ* (the network's current parameters).
    public var centre: Double { loss(net(x), y) }

    /// A grid of losses. `values[r * columns + c]` is the loss at α = alphas[c], β = betas[r]:
    /// α runs along columns (x axis), β along rows (y axis), as images and contour plots expect.
    public struct Surface {
        public var alphas: [Double]
        public var betas: [Double]
        public var values: [Double]
        /// For each grid point, whether every hidden pre-activation on every input has the same
        /// sign as at θ* — the point lies in θ*'s activation region, where a ReLU network's loss
        /// is smooth. (A kink crossed inside the grid adds curvature no Hessian at θ* can see.)
        public var inCentreRegion: [Bool] = []
        /// How many (input, hidden neuron) pre-activations change sign somewhere on the grid.
        public var switchingPreActivations = 0
        public var columns: Int { alphas.count }
        public var rows: Int { betas.count }
        public subscript(row r: Int, column c: Int) -> Double { values[r * alphas.count + c] }
    }

    /// r on the grid alphas × betas along directions d1, d2 (shaped like the parameters).
    ///
    /// The first layer is linear in the perturbation: X(W + αD₁ + βD₂)ᵀ = XWᵀ + αXD₁ᵀ + βXD₂ᵀ,
    /// so its three products are computed once and each grid point costs only the layers above.
    /// At α = β = 0 every operation matches the plain forward pass, so the centre value is
    /// bit-for-bit `centre`.
    public func surface(_ d1: [Tensor<T>], _ d2: [Tensor<T>], alphas: [Double], betas: [Double]) -> Surface {
        let p = net.parameters
        guard d1.map(\.shape) == p.map(\.shape), d2.map(\.shape) == p.map(\.shape) else {
            fatalError("LossLandscape.surface: directions must be shaped like the parameters \(p.map(\.shape))")
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
                // Layers above: ordinary forward passes with perturbed parameters.
                var k = first.parameterCount
                for layer in net.layers.dropFirst() {
                    let w = perturbed(p[k], d1[k], d2[k], a, b)
                    var zz = matmul(h, w, transposingB: true).scalars
                    if layer.hasBias {
                        let bias = perturbed(p[k + 1], d1[k + 1], d2[k + 1], a, b).scalars
                        for i in 0..<(zz.count / layer.outputs) { for j in 0..<layer.outputs { zz[i * layer.outputs + j] = zz[i * layer.outputs + j] + bias[j] } }
                    }
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
        return Surface(alphas: alphas, betas: betas, values: values, inCentreRegion: sameRegion,
                       switchingPreActivations: switching)
    }

    /// r along one direction: θ* + α·d for each α.
    public func slice(_ d: [Tensor<T>], alphas: [Double]) -> [Double] {
        let zero = d.map { Tensor<T>(shape: $0.shape, repeating: 0) }
        return surface(d, zero, alphas: alphas, betas: [0]).values
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
