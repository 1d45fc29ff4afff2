import Tensor

/// Inverted dropout (Srivastava et al. 2014; PyTorch's `nn.Dropout`): while training, each
/// element is zeroed with probability p and the survivors are scaled by 1/(1 − p), so the
/// expectation is unchanged; in evaluation it is the identity.
///
/// The mask is drawn from the counter-based Philox generator keyed by `seed` and split by
/// `step`: the same seed, step and shape give the same mask on every machine and at any thread
/// count, and a training loop gets a fresh mask per step by advancing `step`
/// (``Sequential/setStep(_:)``).
///
/// ```swift
/// var drop = Dropout<Float>(probability: 0.1, seed: 42)
/// drop.step = 17                                   // the mask of training step 17
/// let y = drop.forward(x, parameters: [])
/// ```
public struct Dropout<Scalar: TensorScalar>: TrainingModeLayer, SteppedLayer {
    /// p, the probability of zeroing an element.
    public let probability: Double
    /// The generator's seed.
    public let seed: UInt64
    /// The training step whose mask the next forward pass applies.
    public var step = 0
    /// True: drop; false: identity.
    public var isTraining = true
    /// None: dropout has no parameters.
    public var parameters: [Tensor<Scalar>] = []

    /// A dropout layer.
    ///
    /// - Parameters:
    ///   - probability: p in [0, 1].
    ///   - seed: The mask generator's seed.
    public init(probability: Double, seed: UInt64 = 0) {
        guard (0...1).contains(probability) else { fatalError("Dropout(probability: \(probability)): p must lie in [0, 1]") }
        self.probability = probability
        self.seed = seed
    }

    /// The mask of the current step for inputs of `shape`: 0 for dropped elements, 1/(1 − p)
    /// for kept ones (all 0 when p = 1).
    ///
    /// - Parameter shape: The input's shape.
    /// - Returns: The mask.
    public func mask(_ shape: [Int]) -> Tensor<Scalar> {
        var rng = RNG(seed: seed).split(step)
        let u: Tensor<Double> = rng.uniform(shape)
        let keep = probability < 1 ? Scalar(1 / (1 - probability)) : 0
        return Tensor(shape: shape, scalars: u.scalars.map { $0 >= probability ? keep : 0 })
    }

    /// x ⊙ mask while training, x in evaluation.
    ///
    /// - Parameters:
    ///   - x: Any shape.
    ///   - theta: [] (dropout has no parameters).
    /// - Returns: The same shape.
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        guard isTraining, probability > 0 else { return x }
        return x * .constant(mask(x.shape))
    }
}
