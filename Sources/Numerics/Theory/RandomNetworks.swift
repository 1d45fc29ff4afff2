import Autograd
import Tensor

/// Random fully connected networks drawn with common random numbers: the standard-normal
/// entries are drawn once per seed, then scaled, so sweeps over σ_w, σ_b compare like with
/// like (the σ^ℓ law of trajectory length is exact only for the same underlying draws).
public struct RandomNetworkFamily<T: TensorScalar> {
    /// (N₀, …, N_L) of every network of the family.
    public let widths: [Int]
    /// σ of every hidden layer.
    public let activation: Activation
    /// Standard-normal draws, laid out as an MLP's parameters [W₁, b₁, …].
    let standard: MLP<T>

    /// Draws the family's standard-normal entries once.
    ///
    /// - Parameters:
    ///   - widths: (N₀, …, N_L), as ``MLP``'s.
    ///   - activation: σ of the hidden layers.
    ///   - seed: Fixes the draws: equal seeds give the same networks at every (σ_w, σ_b).
    public init(widths: [Int], activation: Activation, seed: UInt64) {
        self.widths = widths
        self.activation = activation
        standard = MLP<T>(
            widths: widths, activation: activation, initialization: .normal(weightVariance: 1, biasVariance: 1),
            parametrisation: .ntk, seed: seed)
    }

    /// The member with W ~ N(0, σ_w²/fan_in) and b ~ N(0, σ_b²), in standard parametrisation.
    public func network(sigmaW: Double, sigmaB: Double) -> MLP<T> {
        var net = MLP<T>(widths: widths, activation: activation, initialization: .normal(weightVariance: sigmaW * sigmaW, biasVariance: sigmaB * sigmaB))
        var k = 0
        var params: [Tensor<T>] = []
        for l in 0..<(widths.count - 1) {
            let scale = T(sigmaW / Double(widths[l]).squareRoot())
            params.append(standard.parameters[k].map { scale * $0 })
            params.append(standard.parameters[k + 1].map { T(sigmaB) * $0 })
            k += 2
        }
        net.parameters = params
        return net
    }
}
