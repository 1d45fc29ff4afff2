import Foundation
import Tensor

/// First-order optimizers over parameters given as tensors. Each keeps its own state
/// (momentum, Adam moments) and a learning-rate schedule.
public enum OptimizerKind: Codable, Hashable, Sendable {
    /// θ ← θ − η·g.
    case gradientDescent
    /// v ← μ·v + g; θ ← θ − η·v.
    case momentum(Double)
    /// Kingma & Ba, with bias correction.
    case adam(beta1: Double, beta2: Double, epsilon: Double)

    public static let adam = OptimizerKind.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
}

public enum LearningRate: Codable, Hashable, Sendable {
    case constant(Double)
    /// η₀ · factor^⌊step / every⌋.
    case stepDecay(initial: Double, factor: Double, every: Int)
    /// η₀ · ½(1 + cos(π·step/steps)).
    case cosine(initial: Double, steps: Int)

    public func at(step: Int) -> Double {
        switch self {
        case .constant(let r): r
        case .stepDecay(let r, let f, let every): r * pow(f, Double(step / max(every, 1)))
        case .cosine(let r, let steps): r * 0.5 * (1 + cos(Double.pi * Double(min(step, steps)) / Double(max(steps, 1))))
        }
    }
}

public struct Optimizer<T: TensorScalar> {
    public var kind: OptimizerKind
    public var learningRate: LearningRate
    public private(set) var step = 0
    var momentum: [Tensor<T>] = []
    var secondMoment: [Tensor<T>] = []

    public init(_ kind: OptimizerKind, learningRate: LearningRate) {
        self.kind = kind
        self.learningRate = learningRate
    }

    public init(_ kind: OptimizerKind, learningRate: Double) { self.init(kind, learningRate: .constant(learningRate)) }

    /// Applies one update in place.
    public mutating func update(_ parameters: inout [Tensor<T>], gradients: [Tensor<T>]) {
        guard UpdateKernels.shapesMatch(parameters, gradients) else {
            fatalError("Optimizer.update: gradient shapes \(gradients.map(\.shape)) do not match parameters \(parameters.map(\.shape))")
        }
        let eta = T(learningRate.at(step: step))
        step += 1
        // Whole-tensor operations: the Tensor core's kernels are specialised for Float and
        // Double, where a generic per-element loop here would not be (library evolution).
        switch kind {
        case .gradientDescent:
            UpdateKernels.descend(&parameters, gradients, rate: eta)
        case .momentum(let mu):
            if momentum.isEmpty { momentum = gradients.map { Tensor(shape: $0.shape, repeating: 0) } }
            for i in parameters.indices {
                momentum[i] = T(mu) * momentum[i] + gradients[i]
                parameters[i] = parameters[i] - eta * momentum[i]
            }
        case .adam(let b1, let b2, let eps):
            if momentum.isEmpty { momentum = gradients.map { Tensor(shape: $0.shape, repeating: 0) } }
            if secondMoment.isEmpty { secondMoment = momentum }
            let c1 = T(1 - pow(b1, Double(step))), c2 = T(1 - pow(b2, Double(step)))
            for i in parameters.indices {
                let g = gradients[i]
                momentum[i] = T(b1) * momentum[i] + T(1 - b1) * g
                secondMoment[i] = T(b2) * secondMoment[i] + T(1 - b2) * (g * g)
                let mHat = momentum[i] / c1, vHat = secondMoment[i] / c2
                parameters[i] = parameters[i] - eta * mHat / (sqrt(vHat) + T(eps))
            }
        }
    }
}
