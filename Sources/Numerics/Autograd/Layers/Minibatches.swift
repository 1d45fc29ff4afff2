import Tensor

/// Minibatches of a data set for a training loop: the example indices of each batch of an
/// epoch, shuffled with a seeded counter-based generator so that epoch e's order depends only on
/// (seed, e) — reproducible, and independent of how many epochs ran before.
///
/// ```swift
/// let batches = Minibatches(count: 1000, batchSize: 64, seed: 3)
/// for epoch in 0..<10 {
///     for (xb, yb) in batches.batches(x, y, epoch: epoch) { … }   // 16 batches, the last of 40
/// }
/// ```
public struct Minibatches: Sendable, Equatable {
    /// The number of examples.
    public let count: Int
    /// The examples per batch (the last one may be smaller unless `dropLast`).
    public let batchSize: Int
    /// The shuffling seed.
    public let seed: UInt64
    /// Whether each epoch is shuffled (else examples come in order).
    public let shuffle: Bool
    /// Whether an incomplete last batch is left out.
    public let dropLast: Bool

    /// A schedule of batches.
    ///
    /// - Parameters:
    ///   - count: The number of examples.
    ///   - batchSize: Examples per batch, at least 1.
    ///   - seed: The shuffling seed.
    ///   - shuffle: Whether to shuffle each epoch.
    ///   - dropLast: Whether to leave out an incomplete last batch.
    public init(count: Int, batchSize: Int, seed: UInt64 = 0, shuffle: Bool = true, dropLast: Bool = false) {
        guard count >= 0, batchSize >= 1 else { fatalError("Minibatches(count: \(count), batchSize: \(batchSize)): need count ≥ 0 and batchSize ≥ 1") }
        self.count = count
        self.batchSize = batchSize
        self.seed = seed
        self.shuffle = shuffle
        self.dropLast = dropLast
    }

    /// The number of batches per epoch.
    public var batchesPerEpoch: Int { dropLast ? count / batchSize : (count + batchSize - 1) / batchSize }

    /// The example order of `epoch`: a permutation of 0..<count (the identity without shuffling).
    ///
    /// - Parameter epoch: The epoch number.
    /// - Returns: The permutation.
    public func order(epoch: Int) -> [Int] {
        guard shuffle else { return Array(0..<count) }
        var rng = RNG(seed: seed).split("minibatches").split(epoch)
        return rng.permutation(count).scalars
    }

    /// The indices of every batch of `epoch`.
    ///
    /// - Parameter epoch: The epoch number.
    /// - Returns: ``batchesPerEpoch`` arrays of indices.
    public func indices(epoch: Int) -> [[Int]] {
        let o = order(epoch: epoch)
        return (0..<batchesPerEpoch).map { Array(o[$0 * batchSize..<min(($0 + 1) * batchSize, count)]) }
    }

    /// The batches of `epoch` as (inputs, targets): rows of `x` and `y` (axis 0) by ``indices(epoch:)``.
    ///
    /// - Parameters:
    ///   - x: Inputs, `count` rows.
    ///   - y: Targets, `count` rows.
    ///   - epoch: The epoch number.
    /// - Returns: One pair per batch.
    public func batches<T: TensorScalar>(_ x: Tensor<T>, _ y: Tensor<T>, epoch: Int) -> [(x: Tensor<T>, y: Tensor<T>)] {
        guard x.shape.first == count, y.shape.first == count else {
            fatalError("Minibatches(count: \(count)).batches: inputs \(x.shape) and targets \(y.shape) need \(count) rows")
        }
        return indices(epoch: epoch).map { idx in
            let rows = IntTensor(idx)
            return (x.gather(rows, axis: 0), y.gather(rows, axis: 0))
        }
    }
}
