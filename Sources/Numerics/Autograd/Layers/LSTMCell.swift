import Tensor

/// The long short-term memory cell of PyTorch's `nn.LSTMCell` (Hochreiter & Schmidhuber 1997),
/// gates in PyTorch's order i, f, g, o (row blocks of the weights):
///
///     i = σ(W_ii x + b_ii + W_hi h + b_hi)      f = σ(W_if x + b_if + W_hf h + b_hf)
///     g = tanh(W_ig x + b_ig + W_hg h + b_hg)   o = σ(W_io x + b_io + W_ho h + b_ho)
///     c′ = f ⊙ c + i ⊙ g                        h′ = o ⊙ tanh(c′)
public struct LSTMCell<Scalar: TensorScalar>: RecurrentCell {
    /// The length I of each input vector x (PyTorch's `input_size`).
    public let inputSize: Int
    /// The length H of the hidden state h (PyTorch's `hidden_size`).
    public let hiddenSize: Int
    /// Two state tensors, [h, c].
    public var stateCount: Int { 2 }
    /// [weight_ih [4H, I], weight_hh [4H, H], bias_ih [4H], bias_hh [4H]].
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
        parameters = recurrentParameters(gates: 4, input: inputSize, hidden: hiddenSize, seed: seed)
    }

    /// One step.
    ///
    /// - Parameters:
    ///   - x: [B, I].
    ///   - state: [h, c], each [B, H].
    ///   - theta: The four parameters as variables.
    /// - Returns: [h′, c′].
    public func step(_ x: Variable<Scalar>, state: [Variable<Scalar>], parameters theta: [Variable<Scalar>]) -> [Variable<Scalar>] {
        let (gi, gh) = affineMaps(x, state[0], theta)
        let s = gi + gh
        let i = sigmoid(gate(s, 0)), f = sigmoid(gate(s, 1)), g = tanh(gate(s, 2)), o = sigmoid(gate(s, 3))
        let c = f * state[1] + i * g
        return [o * tanh(c), c]
    }
}
