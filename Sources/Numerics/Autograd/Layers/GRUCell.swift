import Tensor

/// The gated recurrent unit of PyTorch's `nn.GRUCell` (Cho et al. 2014), gates in PyTorch's
/// order r, z, n (row blocks of the weights):
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
///     n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
///     h′ = (1 − z) ⊙ n + z ⊙ h
///
/// The reset gate multiplies W_hn h + b_hn, bias included, as in PyTorch (not h before the map).
public struct GRUCell<Scalar: TensorScalar>: RecurrentCell {
    /// The length I of each input vector x (PyTorch's `input_size`).
    public let inputSize: Int
    /// The length H of the hidden state h (PyTorch's `hidden_size`).
    public let hiddenSize: Int
    /// One state tensor, h.
    public var stateCount: Int { 1 }
    /// [weight_ih [3H, I], weight_hh [3H, H], bias_ih [3H], bias_hh [3H]].
    public var parameters: [Tensor<Scalar>]

    /// A cell with PyTorch's initialisation (uniform ±1/√H).
    ///
    /// - Parameters:
    ///   - inputSize: The length I of each input vector.
    ///   - hiddenSize: The length H of the hidden state.
    ///   - seed: Makes the draw reproducible.
    public init(inputSize: Int, hiddenSize: Int, seed: UInt64 = 0) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        parameters = recurrentParameters(gates: 3, input: inputSize, hidden: hiddenSize, seed: seed)
    }

    /// One step.
    ///
    /// - Parameters:
    ///   - x: [B, I].
    ///   - state: [h], h of shape [B, H].
    ///   - theta: The four parameters as variables.
    /// - Returns: [h′].
    public func step(_ x: Variable<Scalar>, state: [Variable<Scalar>], parameters theta: [Variable<Scalar>]) -> [Variable<Scalar>] {
        let (gi, gh) = affineMaps(x, state[0], theta)
        let r = sigmoid(gate(gi, 0) + gate(gh, 0)), z = sigmoid(gate(gi, 1) + gate(gh, 1))
        let n = tanh(gate(gi, 2) + r * gate(gh, 2))
        return [(1 - z) * n + z * state[0]]
    }
}
