internal import Foundation
import Tensor

/// Closed-form infinite-width kernels of fully connected networks (Neal; Lee et al. 2018;
/// Jacot et al. 2018; book §1.2.1): the NNGP kernel Σ^L and the neural tangent kernel Θ^L.
///
/// Conventions match `MLP` with W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) (and the NTK
/// parametrisation for Θ): Σ¹(x, x′) = σ_b² + σ_w² x·x′/d₀, and for each further layer
/// Σ^{l+1} = σ_b² + σ_w² E[σ(u)σ(v)], Θ^{l+1} = Σ^{l+1} + σ_w² E[σ′(u)σ′(v)] Θ^l,
/// with (u, v) ~ N(0, Σ^l restricted to x, x′).
public enum InfiniteWidthKernels {
    /// The activations whose Gaussian expectations have closed forms.
    public enum Nonlinearity: String, Sendable {
        /// max(0, x): the arc-cosine kernel of degree 1 (Cho & Saul), and degree 0 for σ′.
        case relu
        /// The error function: Williams' arcsine kernel.
        case erf
    }

    /// Both kernels on the same inputs.
    public struct Result {
        /// NNGP kernel of the network output, [n, n].
        public var nngp: Tensor<Double>
        /// Neural tangent kernel of the network output, [n, n].
        public var ntk: Tensor<Double>
    }

    /// Kernels of a network with `hiddenLayers` hidden layers (so hiddenLayers + 1 affine layers)
    /// on the rows of `x` ([n, d₀]).
    public static func compute(
        _ x: Tensor<Double>, hiddenLayers: Int, nonlinearity: Nonlinearity,
        weightVariance vw: Double, biasVariance vb: Double
    ) -> Result {
        let n = x.shape[0], d = x.shape[1]
        var sigma = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var dot = 0.0
                for k in 0..<d { dot += x.scalars[i * d + k] * x.scalars[j * d + k] }
                sigma[i * n + j] = vb + vw * dot / Double(d)
                sigma[j * n + i] = sigma[i * n + j]
            }
        }
        var theta = sigma
        for _ in 0..<hiddenLayers {
            var nextSigma = sigma, nextTheta = theta
            for i in 0..<n {
                for j in 0...i {
                    let (e, ed) = expectations(sigma[i * n + i], sigma[j * n + j], sigma[i * n + j], nonlinearity)
                    let s = vb + vw * e
                    nextSigma[i * n + j] = s; nextSigma[j * n + i] = s
                    let t = s + vw * ed * theta[i * n + j]
                    nextTheta[i * n + j] = t; nextTheta[j * n + i] = t
                }
            }
            sigma = nextSigma
            theta = nextTheta
        }
        return Result(nngp: Tensor(shape: [n, n], scalars: sigma), ntk: Tensor(shape: [n, n], scalars: theta))
    }

    /// (E[σ(u)σ(v)], E[σ′(u)σ′(v)]) for (u, v) centred Gaussian with variances a, b and covariance c.
    static func expectations(_ a: Double, _ b: Double, _ c: Double, _ f: Nonlinearity) -> (Double, Double) {
        switch f {
        case .relu:
            // Arc-cosine kernel of degree 1 (Cho & Saul 2009) and degree 0.
            let norm = (a * b).squareRoot()
            guard norm > 0 else { return (0, 0.25) }
            let cosTheta = max(-1, min(1, c / norm))
            let theta = acos(cosTheta)
            return (norm / (2 * .pi) * (sin(theta) + (.pi - theta) * cosTheta), (.pi - theta) / (2 * .pi))
        case .erf:
            // Williams (1997): E[erf(u)erf(v)] = (2/π) arcsin(2c / √((1 + 2a)(1 + 2b))).
            let p = (1 + 2 * a) * (1 + 2 * b)
            return (2 / .pi * asin(2 * c / p.squareRoot()), 4 / .pi / (p - 4 * c * c).squareRoot())
        }
    }
}
