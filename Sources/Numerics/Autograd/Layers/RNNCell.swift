import Tensor

/// The Elman cell of PyTorch's `nn.RNNCell`: h′ = tanh(W_ih x + b_ih + W_hh h + b_hh).
public struct RNNCell<Scalar: TensorScalar>: RecurrentCell {
    /// The length I of each input vector x (PyTorch's `input_size`).
    public let inputSize: Int
    /// The length H of the hidden state h (PyTorch's `hidden_size`).
    public let hiddenSize: Int
    /// One state tensor, h.
    public var stateCount: Int { 1 }
    /// [weight_ih [H, I], weight_hh [H, H], bias_ih [H], bias_hh [H]].
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
        parameters = recurrentParameters(gates: 1, input: inputSize, hidden: hiddenSize, seed: seed)
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
        return [tanh(gi + gh)]
    }
}
