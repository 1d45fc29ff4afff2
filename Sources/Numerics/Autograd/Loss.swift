import Tensor

/// Training losses, averaged over the batch.
public enum Loss {
    /// mean((ŷ − y)²) over all entries.
    public static func meanSquaredError<T>(_ prediction: Variable<T>, _ target: Variable<T>) -> Variable<T> {
        guard prediction.shape == target.shape else {
            fatalError("Loss.meanSquaredError: prediction \(prediction.shape) and target \(target.shape) differ")
        }
        if T.self == Float.self { return same(mseFloat(same(prediction), same(target))) }
        if T.self == Double.self { return same(mseDouble(same(prediction), same(target))) }
        return mseNode(prediction, target)
    }

    /// Softmax cross-entropy from logits [n, k] and integer labels in 0..<k.
    public static func crossEntropy<T>(logits: Variable<T>, labels: [Int]) -> Variable<T> {
        guard logits.shape.count == 2, logits.shape[0] == labels.count else {
            fatalError("Loss.crossEntropy: logits \(logits.shape) for \(labels.count) labels (need [n, k])")
        }
        let k = logits.shape[1]
        guard labels.allSatisfy({ (0..<k).contains($0) }) else { fatalError("Loss.crossEntropy: labels outside 0..<\(k)") }
        if T.self == Float.self { return same(crossEntropyFloat(same(logits), labels)) }
        if T.self == Double.self { return same(crossEntropyDouble(same(logits), labels)) }
        return crossEntropyNode(logits, labels)
    }

    // Float and Double entry points (see Kernels/Specialised.swift).
    private static func mseFloat(_ p: Variable<Float>, _ t: Variable<Float>) -> Variable<Float> { mseNode(p, t) }
    private static func mseDouble(_ p: Variable<Double>, _ t: Variable<Double>) -> Variable<Double> { mseNode(p, t) }
    private static func crossEntropyFloat(_ z: Variable<Float>, _ y: [Int]) -> Variable<Float> { crossEntropyNode(z, y) }
    private static func crossEntropyDouble(_ z: Variable<Double>, _ y: [Int]) -> Variable<Double> { crossEntropyNode(z, y) }

    @inline(__always)
    private static func mseNode<T>(_ prediction: Variable<T>, _ target: Variable<T>) -> Variable<T> {
        // One node: value and first-order VJP in concrete loops; a recording backward pass
        // (double backward) builds the VJP 2g(ŷ − y)/N as a node of its own.
        let count = max(prediction.value.count, 1)
        let value = LossKernels.meanSquaredError(prediction.value, target.value)
        let node = Variable(Tensor(value), op: "meanSquaredError", parents: [prediction, target]) { g in
            if GradMode.isRecording {
                // One node (Ops/GradientNodes.swift), so Hessian-vector products stay short graphs.
                let d = scaledResidual(g, prediction, target, scale: T(2) / T(count))
                return [prediction.requiresGrad ? d : nil, target.requiresGrad ? -d : nil]
            }
            let s = T(2) * g.value.scalar / T(count)
            let d = LossKernels.scaledDifference(prediction.value, target.value, scale: s)
            return [
                prediction.requiresGrad ? Variable(d, requiresGrad: false) : nil,
                target.requiresGrad ? Variable(-d, requiresGrad: false) : nil,
            ]
        }
        node.secondOrder = .meanSquaredError  // for Hessian-vector products (ForwardOverReverse.swift)
        return node
    }

    @inline(__always)
    private static func crossEntropyNode<T>(_ logits: Variable<T>, _ labels: [Int]) -> Variable<T> {
        let (n, k) = (logits.shape[0], logits.shape[1])
        // One node: log-sum-exp (shifted by the row maximum, so exp cannot overflow) and the
        // softmax it needs for the VJP (p − onehot)·g/n, in concrete loops. A recording backward
        // pass (double backward) builds the same VJP from differentiable operations.
        let (value, probabilities) = LossKernels.softmaxCrossEntropy(logits.value, labels)
        let node = Variable(Tensor(value), op: "crossEntropy", parents: [logits]) { g in
            if GradMode.isRecording {
                let shifted = logits - .constant(logits.value.max(axis: 1, keepDims: true))
                let e = exp(shifted)
                let p = e / e.sum(alongAxis: 1)
                var onehot = [T](repeating: 0, count: n * k)
                for (i, l) in labels.enumerated() { onehot[i * k + l] = 1 }
                return [g.broadcast(to: [n, k]) * (p - .constant(Tensor(shape: [n, k], scalars: onehot))) / T(max(n, 1))]
            }
            return [
                Variable(
                    LossKernels.crossEntropyGradient(probabilities, labels, scale: g.value.scalar / T(max(n, 1))),
                    requiresGrad: false)
            ]
        }
        node.secondOrder = .crossEntropy(labels: labels)
        return node
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
