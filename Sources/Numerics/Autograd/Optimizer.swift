internal import Foundation
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

    /// Adam with PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    public static let adam = OptimizerKind.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
}

/// A learning-rate schedule η(step), as PyTorch's `lr_scheduler`s give it.
public enum LearningRate: Codable, Hashable, Sendable {
    /// The same η at every step.
    case constant(Double)
    /// η₀ · factor^⌊step / every⌋.
    case stepDecay(initial: Double, factor: Double, every: Int)
    /// η₀ · ½(1 + cos(π·step/steps)).
    case cosine(initial: Double, steps: Int)

    /// η at a step.
    ///
    /// - Parameter step: The number of updates made so far (0 for the first).
    /// - Returns: The learning rate for this update.
    public func at(step: Int) -> Double {
        switch self {
        case .constant(let r): r
        case .stepDecay(let r, let f, let every): r * pow(f, Double(step / max(every, 1)))
        case .cosine(let r, let steps): r * 0.5 * (1 + cos(Double.pi * Double(min(step, steps)) / Double(max(steps, 1))))
        }
    }
}

/// A first-order optimizer with its state, as `torch.optim.SGD` or `Adam`: call
/// ``update(_:gradients:)`` once per step with the gradients of the loss.
///
/// ```swift
/// var opt = Optimizer<Double>(.adam, learningRate: 1e-3)
/// for _ in 0..<1000 {
///     let (_, grads) = valueAndGradient(at: net.parameters) { theta in
///         Loss.meanSquaredError(net.forward(.constant(x), parameters: theta), .constant(y))
///     }
///     opt.update(&net.parameters, gradients: grads)
/// }
/// ```
public struct Optimizer<T: TensorScalar> {
    /// The update rule and its hyperparameters.
    public var kind: OptimizerKind
    /// The schedule η(step).
    public var learningRate: LearningRate
    /// Updates applied so far.
    public private(set) var step = 0
    var momentum: [Tensor<T>] = []
    var secondMoment: [Tensor<T>] = []

    /// An optimizer with a learning-rate schedule.
    ///
    /// - Parameters:
    ///   - kind: The update rule (``OptimizerKind``).
    ///   - learningRate: The schedule.
    public init(_ kind: OptimizerKind, learningRate: LearningRate) {
        self.kind = kind
        self.learningRate = learningRate
    }

    /// An optimizer with a constant learning rate.
    ///
    /// - Parameters:
    ///   - kind: The update rule (``OptimizerKind``).
    ///   - learningRate: η at every step.
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
