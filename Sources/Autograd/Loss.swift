import Tensor

/// Training losses, averaged over the batch.
public enum Loss {
    /// mean((ŷ − y)²) over all entries.
    public static func meanSquaredError<T>(_ prediction: Variable<T>, _ target: Variable<T>) -> Variable<T> {
        guard prediction.shape == target.shape else {
            fatalError("Loss.meanSquaredError: prediction \(prediction.shape) and target \(target.shape) differ")
        }
        return mean(square(prediction - target))
    }

    /// Softmax cross-entropy from logits [n, k] and integer labels in 0..<k.
    public static func crossEntropy<T>(logits: Variable<T>, labels: [Int]) -> Variable<T> {
        guard logits.shape.count == 2, logits.shape[0] == labels.count else {
            fatalError("Loss.crossEntropy: logits \(logits.shape) for \(labels.count) labels (need [n, k])")
        }
        let (n, k) = (logits.shape[0], logits.shape[1])
        guard labels.allSatisfy({ (0..<k).contains($0) }) else { fatalError("Loss.crossEntropy: labels outside 0..<\(k)") }
        // Shift by the row maximum (a constant) so exp cannot overflow.
        let shifted = logits - .constant(logits.value.max(axis: 1, keepDims: true))
        let logSumExp = log(exp(shifted).sum(alongAxis: 1))
        var onehot = [T](repeating: 0, count: n * k)
        for (i, l) in labels.enumerated() { onehot[i * k + l] = 1 }
        let picked = (shifted * .constant(Tensor(shape: [n, k], scalars: onehot))).sum(alongAxis: 1)
        return mean(logSumExp - picked)
    }

    /// Logistic loss mean(log(1 + e^(−y·ŷ))) for labels y ∈ {−1, +1}.
    public static func logistic<T>(_ prediction: Variable<T>, labels: Variable<T>) -> Variable<T> {
        mean((-(labels * prediction)).activated(.softplus))
    }

    /// Hinge loss mean(max(0, 1 − y·ŷ)) for labels y ∈ {−1, +1}.
    public static func hinge<T>(_ prediction: Variable<T>, labels: Variable<T>) -> Variable<T> {
        mean(relu(1 - labels * prediction))
    }

    /// λ·Σ‖θᵢ‖² over the given parameters (weight decay as a loss term).
    public static func weightDecay<T>(_ parameters: [Variable<T>], strength: T) -> Variable<T> {
        guard let first = parameters.first else { return .constant(Tensor(shape: [], scalars: [0])) }
        return strength * parameters.dropFirst().reduce(sum(square(first))) { $0 + sum(square($1)) }
    }
}
