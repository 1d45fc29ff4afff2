import Tensor

/// One step of a recurrent network, h_t = cell(x_t, h_{t−1}), with PyTorch's parameter layout
/// [weight_ih [G·H, I], weight_hh [G·H, H], bias_ih [G·H], bias_hh [G·H]] (G gates).
///
/// As a ``Layer``, a cell maps a batch-first sequence [B, T, I] to its hidden states [B, T, H]
/// from a zero initial state (see ``unroll(_:_:parameters:initialState:)``), so it composes in a
/// ``Sequential`` as PyTorch's `nn.RNN`/`nn.LSTM`/`nn.GRU` with `batch_first=True` do.
public protocol RecurrentCell<Scalar>: Layer {
    /// I, the width of each input x_t.
    var inputSize: Int { get }
    /// H, the width of the hidden state.
    var hiddenSize: Int { get }
    /// The number of state tensors carried from step to step (1: h; 2 for an LSTM: h and c).
    var stateCount: Int { get }

    /// One step: the next state from input `x` [B, I] and `state` (each [B, H]); its first entry
    /// is the cell's output h_t.
    func step(_ x: Variable<Scalar>, state: [Variable<Scalar>], parameters: [Variable<Scalar>]) -> [Variable<Scalar>]
}

extension RecurrentCell {
    /// The hidden states of every step from a zero initial state.
    ///
    /// - Parameters:
    ///   - x: A batch-first sequence [B, T, I].
    ///   - theta: The cell's parameters as variables.
    /// - Returns: [B, T, H].
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        unroll(self, x, parameters: theta).outputs
    }

    /// Splits g = x·W_ihᵀ + b_ih + … into the G row blocks of width H (PyTorch's gate order).
    func gate(_ g: Variable<Scalar>, _ index: Int) -> Variable<Scalar> {
        g.sliced(index * hiddenSize..<(index + 1) * hiddenSize, axis: 1)
    }

    /// x·W_ihᵀ + b_ih and h·W_hhᵀ + b_hh, the two affine maps every cell starts from.
    func affineMaps(_ x: Variable<Scalar>, _ h: Variable<Scalar>, _ theta: [Variable<Scalar>]) -> (Variable<Scalar>, Variable<Scalar>) {
        guard theta.count == 4, x.shape.count == 2, x.shape[1] == inputSize, h.shape == [x.shape[0], hiddenSize] else {
            fatalError(
                "\(Self.self).step: input \(x.shape) and state \(h.shape) do not fit input size \(inputSize), hidden size \(hiddenSize) (or \(theta.count) parameters instead of 4)"
            )
        }
        let gi = matmul(x, theta[0], transposingA: false, transposingB: true) + theta[2]
        let gh = matmul(h, theta[1], transposingA: false, transposingB: true) + theta[3]
        return (gi, gh)
    }
}

/// Draws a cell's four parameters as PyTorch does: every entry uniform on ±1/√H.
func recurrentParameters<T: TensorScalar>(gates: Int, input: Int, hidden: Int, seed: UInt64) -> [Tensor<T>] {
    guard input > 0, hidden > 0 else { fatalError("recurrent cell: input size \(input) and hidden size \(hidden) must be positive") }
    var rng = RNG(seed: seed)
    let bound = 1 / Double(hidden).squareRoot()
    return [
        uniformParameter(&rng, [gates * hidden, input], bound: bound), uniformParameter(&rng, [gates * hidden, hidden], bound: bound),
        uniformParameter(&rng, [gates * hidden], bound: bound), uniformParameter(&rng, [gates * hidden], bound: bound),
    ]
}

/// Runs `cell` over a batch-first sequence, step by step (backpropagation through time follows
/// from the graph).
///
/// ```swift
/// let lstm = LSTMCell<Double>(inputSize: 3, hiddenSize: 8, seed: 1)
/// let (h, final) = unroll(lstm, x, parameters: theta)     // h: [B, T, 8]; final: [h_T, c_T]
/// ```
/// - Parameters:
///   - cell: The cell.
///   - x: [B, T, I].
///   - theta: The cell's parameters as variables.
///   - initialState: The state before the first step (zeros when nil), `cell.stateCount` tensors [B, H].
/// - Returns: The outputs h_1…h_T as [B, T, H] and the final state.
/// - Complexity: T steps, each O(B·G·H·(I + H)).
public func unroll<Cell: RecurrentCell>(
    _ cell: Cell, _ x: Variable<Cell.Scalar>, parameters theta: [Variable<Cell.Scalar>],
    initialState: [Variable<Cell.Scalar>]? = nil
) -> (outputs: Variable<Cell.Scalar>, state: [Variable<Cell.Scalar>]) {
    guard x.shape.count == 3, x.shape[2] == cell.inputSize, x.shape[1] > 0 else {
        fatalError("unroll(\(Cell.self)): sequence has shape \(x.shape), expected [batch, steps ≥ 1, \(cell.inputSize)]")
    }
    let (b, t) = (x.shape[0], x.shape[1])
    var state =
        initialState
        ?? Array(repeating: Variable.constant(Tensor(shape: [b, cell.hiddenSize], repeating: 0)), count: cell.stateCount)
    guard state.count == cell.stateCount else {
        fatalError("unroll(\(Cell.self)): initial state has \(state.count) tensors, the cell carries \(cell.stateCount)")
    }
    var outputs: [Variable<Cell.Scalar>] = []
    for step in 0..<t {
        let xt = x.sliced(step..<step + 1, axis: 1).reshaped([b, cell.inputSize])
        state = cell.step(xt, state: state, parameters: theta)
        outputs.append(state[0])
    }
    return (stack(outputs, axis: 1), state)
}
