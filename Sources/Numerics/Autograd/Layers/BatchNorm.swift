import Tensor

/// Batch normalisation (Ioffe & Szegedy 2015; PyTorch's `nn.BatchNorm1d`/`2d`): each feature
/// (axis 1) standardised over the batch and every other axis, then scaled by γ and shifted by β.
///
/// While training, y = γ·(x − μ_B)/√(σ²_B + eps) + β with the batch mean μ_B and the **biased**
/// batch variance σ²_B (divided by m, as PyTorch), and every forward pass updates the running
/// estimates: running ← (1 − momentum)·running + momentum·batch, where the running variance takes
/// the **unbiased** batch variance (divided by m − 1, as PyTorch). In evaluation the running
/// estimates replace the batch statistics, so each example is mapped on its own.
///
/// ```swift
/// var bn = BatchNorm<Double>(features: 8)
/// let y = bn.forward(.constant(x), parameters: bn.parameters.map(Variable.init))  // training
/// bn.isTraining = false                                  // now uses bn.runningMean/Variance
/// ```
///
/// The running estimates live in a shared store, like a module's buffers: copies of a layer
/// (for instance inside a ``Sequential``) update the same estimates.
public struct BatchNorm<Scalar: TensorScalar>: TrainingModeLayer {
    /// C, the length of axis 1 of the inputs.
    public let features: Int
    /// Added to the variance before the square root.
    public let eps: Double
    /// The weight of the newest batch in the running estimates.
    public let momentum: Double
    /// Whether the layer has γ and β (else γ = 1, β = 0 and no parameters).
    public let affine: Bool
    /// [γ, β], each of shape [C] (γ = 1, β = 0 at creation), or [] without `affine`.
    public var parameters: [Tensor<Scalar>]
    /// True: batch statistics (and running updates); false: the running estimates.
    public var isTraining = true
    private let store: RunningStatistics<Scalar>

    /// A batch-normalisation layer for `features` channels.
    ///
    /// - Parameters:
    ///   - features: C, the length of the inputs' axis 1.
    ///   - eps: Added to the variance (PyTorch's default 1e-5).
    ///   - momentum: The running estimates' update weight (PyTorch's default 0.1).
    ///   - affine: Whether γ and β are learnt.
    public init(features: Int, eps: Double = 1e-5, momentum: Double = 0.1, affine: Bool = true) {
        guard features > 0, eps >= 0, (0...1).contains(momentum) else {
            fatalError("BatchNorm(features: \(features), eps: \(eps), momentum: \(momentum)): need features > 0, eps ≥ 0, momentum in [0, 1]")
        }
        self.features = features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        parameters = affine ? [Tensor(shape: [features], repeating: 1), Tensor(shape: [features], repeating: 0)] : []
        store = RunningStatistics(mean: Tensor(shape: [features], repeating: 0), variance: Tensor(shape: [features], repeating: 1))
    }

    /// The running mean, [C] (zeros before any training pass).
    public var runningMean: Tensor<Scalar> { store.mean }
    /// The running (unbiased) variance, [C] (ones before any training pass).
    public var runningVariance: Tensor<Scalar> { store.variance }
    /// Training passes seen (PyTorch's `num_batches_tracked`).
    public var batchesTracked: Int { store.batches }

    /// Normalises `x` of shape [N, C] or [N, C, …] per channel.
    ///
    /// - Parameters:
    ///   - x: The batch; axis 1 has `features` entries.
    ///   - theta: [γ, β] as variables (or [] without `affine`).
    /// - Returns: The normalised batch, of the same shape.
    /// - Precondition: While training, each channel needs more than one value (as PyTorch).
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        guard x.shape.count >= 2, x.shape[1] == features else {
            fatalError("BatchNorm(features: \(features)): input has shape \(x.shape), expected [batch, \(features), …]")
        }
        guard theta.count == parameters.count else {
            fatalError("BatchNorm.forward: got \(theta.count) parameter variables, the layer has \(parameters.count)")
        }
        let axes = [0] + Array(2..<x.shape.count)
        var channel = Array(repeating: 1, count: x.shape.count)
        channel[1] = features
        let normalized: Variable<Scalar>
        if isTraining {
            let m = axes.reduce(1) { $0 * x.shape[$1] }
            guard m > 1 else {
                fatalError("BatchNorm: expected more than 1 value per channel when training, got input of shape \(x.shape)")
            }
            normalized = x.standardized(alongAxes: axes, eps: Scalar(eps))
            store.update(x.value, axes: axes, count: m, momentum: momentum)
        } else {
            let mu = Variable.constant(store.mean.reshaped(channel))
            let scale = Variable.constant(store.variance.reshaped(channel).map { 1 / (($0 + Scalar(eps)).squareRoot()) })
            normalized = (x - mu) * scale
        }
        guard affine else { return normalized }
        return normalized * theta[0].reshaped(channel) + theta[1].reshaped(channel)
    }
}

/// BatchNorm's running estimates, shared by copies of a layer (a module's buffers).
final class RunningStatistics<Scalar: TensorScalar>: @unchecked Sendable {
    var mean: Tensor<Scalar>
    var variance: Tensor<Scalar>
    var batches = 0

    init(mean: Tensor<Scalar>, variance: Tensor<Scalar>) {
        self.mean = mean
        self.variance = variance
    }

    /// running ← (1 − momentum)·running + momentum·batch, with the unbiased batch variance.
    func update(_ x: Tensor<Scalar>, axes: [Int], count m: Int, momentum: Double) {
        let c = mean.count
        // Channels first, every value of a channel in one row: one mean and variance per row.
        let rows = x.permuted([1] + axes).reshaped([c, m])
        let batchMean = rows.mean(axis: 1)
        let batchVariance = rows.variance(axis: 1, ddof: 1)
        let w = Scalar(momentum)
        mean = (1 - w) * mean + w * batchMean
        variance = (1 - w) * variance + w * batchVariance
        batches += 1
    }
}
