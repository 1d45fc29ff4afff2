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
    var velocity: [[T]] = []
    var secondMoment: [[T]] = []

    public init(_ kind: OptimizerKind, learningRate: LearningRate) {
        self.kind = kind
        self.learningRate = learningRate
    }

    public init(_ kind: OptimizerKind, learningRate: Double) { self.init(kind, learningRate: .constant(learningRate)) }

    /// Applies one update in place.
    public mutating func update(_ parameters: inout [Tensor<T>], gradients: [Tensor<T>]) {
        guard parameters.count == gradients.count, zip(parameters, gradients).allSatisfy({ $0.shape == $1.shape }) else {
            fatalError("Optimizer.update: gradient shapes \(gradients.map(\.shape)) do not match parameters \(parameters.map(\.shape))")
        }
        let eta = T(learningRate.at(step: step))
        step += 1
        if velocity.isEmpty { velocity = parameters.map { [T](repeating: 0, count: $0.count) } }
        switch kind {
        case .gradientDescent:
            for i in parameters.indices {
                parameters[i] = Tensor(shape: parameters[i].shape, scalars: zip(parameters[i].scalars, gradients[i].scalars).map { $0 - eta * $1 })
            }
        case .momentum(let mu):
            for i in parameters.indices {
                for j in velocity[i].indices { velocity[i][j] = T(mu) * velocity[i][j] + gradients[i].scalars[j] }
                parameters[i] = Tensor(shape: parameters[i].shape, scalars: zip(parameters[i].scalars, velocity[i]).map { $0 - eta * $1 })
            }
        case .adam(let b1, let b2, let eps):
            if secondMoment.isEmpty { secondMoment = velocity }
            let c1 = 1 - pow(b1, Double(step)), c2 = 1 - pow(b2, Double(step))
            for i in parameters.indices {
                var p = parameters[i].scalars
                for j in p.indices {
                    let g = gradients[i].scalars[j]
                    velocity[i][j] = T(b1) * velocity[i][j] + T(1 - b1) * g
                    secondMoment[i][j] = T(b2) * secondMoment[i][j] + T(1 - b2) * g * g
                    let mHat = Double(velocity[i][j]) / c1, vHat = Double(secondMoment[i][j]) / c2
                    p[j] -= eta * T(mHat / (vHat.squareRoot() + eps))
                }
                parameters[i] = Tensor(shape: parameters[i].shape, scalars: p)
            }
        }
    }
}
