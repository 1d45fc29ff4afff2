import Autograd
import Tensor

/// Directions in parameter space for loss-landscape slices (Li et al. 2018; book Fig. 1.5).
public enum Directions {
    /// How a random direction is rescaled against θ, so that a slice's scale means the same for
    /// every layer (Li et al. 2018, §4).
    public enum Normalisation: String, Sendable {
        /// Each row (output neuron) of each weight matrix rescaled to that row's norm in θ:
        /// d ← d·‖w‖/(‖d‖ + 1e-10); bias directions zeroed. Li et al.'s filter normalisation.
        case filter
        /// Each weight matrix rescaled to the Frobenius norm of θ's matrix; biases zeroed.
        case layer
        /// Elementwise: d ← d·|w|.
        case weight
        /// The raw Gaussian direction.
        case none
    }

    /// A Gaussian direction shaped like `parameters`, normalised against them. `parameters`
    /// are an MLP's [W₁, b₁, …]: rank-2 tensors are weights, rank-1 are biases.
    public static func random<T>(like parameters: [Tensor<T>], normalisation: Normalisation, seed: UInt64) -> [Tensor<T>] {
        var sampler = NormalSampler(SplitMix64(seed: seed))
        let raw = parameters.map { p in Tensor<T>(shape: p.shape, scalars: p.scalars.map { _ in T(sampler.next()) }) }
        return normalise(raw, against: parameters, normalisation)
    }

    /// Rescales direction `d` against θ as `mode` says (the step ``random(like:normalisation:seed:)`` ends with).
    ///
    /// - Parameters:
    ///   - d: A direction shaped like `theta`.
    ///   - theta: The parameters [W₁, b₁, …]; rank-2 tensors are weights, rank-1 biases.
    ///   - mode: The normalisation.
    /// - Returns: The rescaled direction, with bias parts zeroed by `filter` and `layer`.
    public static func normalise<T>(_ d: [Tensor<T>], against theta: [Tensor<T>], _ mode: Normalisation) -> [Tensor<T>] {
        zip(d, theta).map { d, w in
            let isBias = w.rank < 2
            switch mode {
            case .none: return d
            case .weight: return Tensor(shape: d.shape, scalars: zip(d.scalars, w.scalars).map { $0 * abs($1) })
            case .layer:
                if isBias { return Tensor(shape: d.shape, repeating: 0) }
                let scale = norm(w.scalars[...]) / (norm(d.scalars[...]) + 1e-10)
                return d.map { $0 * T(scale) }
            case .filter:
                if isBias { return Tensor(shape: d.shape, repeating: 0) }
                let cols = w.shape[1]
                var out = d.scalars
                for r in 0..<w.shape[0] {
                    let range = r * cols..<(r + 1) * cols
                    let scale = norm(w.scalars[range]) / (norm(d.scalars[range]) + 1e-10)
                    for k in range { out[k] = d.scalars[k] * T(scale) }
                }
                return Tensor(shape: d.shape, scalars: out)
            }
        }
    }

    /// The two leading principal directions of a training trajectory around θ*: the top right
    /// singular vectors of the matrix whose rows are θ_k − θ* (flattened), with the fraction of
    /// the trajectory's variance each explains (Li et al.'s trajectory plots).
    public static func pca(trajectory: [Tensor<Double>], centre: Tensor<Double>)
        -> (first: Tensor<Double>, second: Tensor<Double>, explained: (Double, Double))
    {
        let p = centre.count
        guard trajectory.count >= 2, trajectory.allSatisfy({ $0.count == p }) else {
            fatalError("Directions.pca: needs ≥ 2 snapshots of \(p) parameters")
        }
        let rows = trajectory.flatMap { zip($0.scalars, centre.scalars).map { $0 - $1 } }
        let (_, s, vt) = svd(Tensor(shape: [trajectory.count, p], scalars: rows))
        let total = s.scalars.reduce(0) { $0 + $1 * $1 }
        let row = { (k: Int) in Tensor<Double>(shape: [p], scalars: Array(vt.scalars[k * p..<(k + 1) * p])) }
        return (row(0), row(1), (s.scalars[0] * s.scalars[0] / total, s.scalars[1] * s.scalars[1] / total))
    }

    /// Coordinates of each snapshot θ_k − θ* along two orthonormal directions (the projected path).
    public static func project(
        trajectory: [Tensor<Double>], centre: Tensor<Double>,
        onto d1: Tensor<Double>, _ d2: Tensor<Double>
    ) -> [(Double, Double)] {
        trajectory.map { t in
            var a = 0.0, b = 0.0
            for i in 0..<centre.count {
                let v = t.scalars[i] - centre.scalars[i]
                a += v * d1.scalars[i]; b += v * d2.scalars[i]
            }
            return (a, b)
        }
    }

    static func norm<T: TensorScalar>(_ xs: ArraySlice<T>) -> Double {
        xs.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
