internal import Foundation
import Tensor

/// What a training run recorded.
public struct TrainingHistory<T: TensorScalar> {
    /// Loss before each step (on the full batch or the minibatch used).
    public var losses: [Double] = []
    /// θ (flattened) at steps 0, every, 2·every, … and at the end, when requested.
    public var parameterSnapshots: [(step: Int, theta: Tensor<T>)] = []
}

/// Gradient of a scalar function of the parameters, and its value.
public func valueAndGradient<T>(at parameters: [Tensor<T>], _ f: ([Variable<T>]) -> Variable<T>) -> (value: T, gradient: [Tensor<T>]) {
    let theta = Variable.leaves(parameters)
    let y = f(theta)
    return (y.value.scalars[0], Variable.values(Backward.gradients(of: y, wrt: theta)))
}

extension MLP {
    /// Trains on (x, y) without user bookkeeping: full batch (gradient descent) unless a
    /// batch size is given (minibatch SGD with a seeded shuffle); `gradientNoise` adds
    /// N(0, s²I) to each gradient (the noisy SGD of the GD-vs-SGD experiment).
    /// With zero noise and full batches the result equals plain gradient descent bit for bit.
    @discardableResult
    public mutating func train(
        x: Tensor<Scalar>, y: Tensor<Scalar>, steps: Int, optimizer: Optimizer<Scalar>,
        loss: (Variable<Scalar>, Variable<Scalar>) -> Variable<Scalar> = Loss.meanSquaredError,
        weightDecay: Scalar = 0, batchSize: Int? = nil, gradientNoise: Double = 0,
        snapshotEvery: Int? = nil, seed: UInt64 = 0
    ) -> TrainingHistory<Scalar> {
        var opt = optimizer
        var history = TrainingHistory<Scalar>()
        var rng = SplitMix64(seed: seed)
        var noise = NormalSampler(SplitMix64(seed: seed ^ 0x5EED))
        let n = x.shape[0]
        let rowX = x.count / max(n, 1), rowY = y.count / max(n, 1)
        var order = Array(0..<n)
        var cursor = n
        for step in 0..<steps {
            if let every = snapshotEvery, step % every == 0 { history.parameterSnapshots.append((step, flatParameters)) }
            var bx = x, by = y
            if let b = batchSize, b < n {
                if cursor + b > n { order.shuffle(using: &rng); cursor = 0 }
                let idx = order[cursor..<cursor + b]
                cursor += b
                bx = Tensor(shape: [b] + Array(x.shape.dropFirst()), scalars: idx.flatMap { x.scalars[$0 * rowX..<($0 + 1) * rowX] })
                by = Tensor(shape: [b] + Array(y.shape.dropFirst()), scalars: idx.flatMap { y.scalars[$0 * rowY..<($0 + 1) * rowY] })
            }
            let (value, grads) = valueAndGradient(at: parameters) { theta in
                let l = loss(forward(.constant(bx), parameters: theta), .constant(by))
                return weightDecay == 0 ? l : l + Loss.weightDecay(theta, strength: weightDecay)
            }
            history.losses.append(Double(value))
            var g = grads
            if gradientNoise > 0 {
                g = g.map { t in t.map { $0 + Scalar(gradientNoise * noise.next()) } }
            }
            opt.update(&parameters, gradients: g)
        }
        if snapshotEvery != nil { history.parameterSnapshots.append((steps, flatParameters)) }
        return history
    }
}
