import Tensor

/// A layer that behaves differently while training and while evaluating (BatchNorm's batch
/// versus running statistics, Dropout's mask versus the identity), as PyTorch's `train()`/`eval()`.
///
/// ``Sequential/setTraining(_:)`` switches every such layer it holds at once.
public protocol TrainingModeLayer<Scalar>: Layer {
    /// True while training (the default for new layers), false for evaluation.
    var isTraining: Bool { get set }
}

/// A layer whose randomness is a pure function of a seed and a step number (Dropout), so that a
/// training run is reproducible: the same seed and step give the same draw at any thread count.
///
/// ``Sequential/setStep(_:)`` sets the step of every such layer it holds.
public protocol SteppedLayer<Scalar>: Layer {
    /// The training step the next forward pass draws for.
    var step: Int { get set }
}

/// Draws PyTorch's default initialisation for weights and biases: uniform on (−bound, bound).
///
/// - Parameters:
///   - rng: The stream drawn from (advanced by one draw).
///   - shape: The tensor's shape.
///   - bound: Half-width of the interval, e.g. 1/√fan_in.
/// - Returns: The tensor.
func uniformParameter<T: TensorScalar>(_ rng: inout RNG, _ shape: [Int], bound: Double) -> Tensor<T> {
    rng.uniform(shape, low: -bound, high: bound, as: T.self)
}
