import Autograd
import Tensor

/// Directions in parameter space for loss-landscape slices (Li et al. 2018; book Fig. 1.5).
public enum Directions {
    public enum Normalisation: String, Sendable {
        /// Each row (output neuron) of each weight matrix rescaled to that row's norm in θ:
        /// d ← d·‖w‖/(‖d‖ + 1e-10); bias directions zeroed. Li et al.'s filter normalisation.
        case filter
        /// Each weight matrix rescaled to the Frobenius norm of θ's matrix; biases zeroed.
        case layer
        /// Elementwise: d ← d·|w|.
        case weight
        case none
    }

    /// A Gaussian direction shaped like `parameters`, normalised against them. `parameters`
    /// are an MLP's [W₁, b₁, …]: rank-2 tensors are weights, rank-1 are biases.
    public static func random<T>(like parameters: [Tensor<T>], normalisation: Normalisation, seed: UInt64) -> [Tensor<T>] {
        var sampler = NormalSampler(SplitMix64(seed: seed))
        let raw = parameters.map { p in Tensor<T>(shape: p.shape, scalars: p.scalars.map { _ in T(sampler.next()) }) }
        return normalise(raw, against: parameters, normalisation)
    }

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

    static func norm<T: TensorScalar>(_ xs: ArraySlice<T>) -> Double {
        xs.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
