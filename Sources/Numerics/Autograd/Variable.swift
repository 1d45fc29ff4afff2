import Tensor

/// A tensor in a computation that can be differentiated (reverse mode, tape-based).
///
/// Each operation is written once, with its forward value and its vector–Jacobian product
/// (VJP) side by side. VJPs are themselves built from differentiable operations on
/// `Variable`s, so a gradient can be differentiated again: Hessian-vector products and full
/// Hessians come from the same rules (PyTorch's `create_graph`). Outside such a second pass
/// the backward computation records nothing, so first-order training pays no extra.
public final class Variable<Scalar: TensorScalar> {
    /// The forward value this variable holds.
    public let value: Tensor<Scalar>
    /// True for parameters and inputs we differentiate with respect to, and for anything
    /// computed from them while recording.
    public let requiresGrad: Bool
    /// Filled by `backward()`: d(output)/d(self).
    public internal(set) var grad: Tensor<Scalar>?
    let parents: [Variable]
    /// Given the output's cotangent, each parent's cotangent (nil: that parent gets none).
    let vjp: ((Variable) -> [Variable?])?
    let name: String
    /// Scratch state of the backward pass walking this node (Backward.swift): the pass that
    /// last reached it, and the cotangent accumulated so far.
    var backwardPass = 0
    var pendingCotangent: Variable?
    /// How a Hessian-vector product pushes tangents through this node without double backward
    /// (ForwardOverReverse.swift); nil: no such rule, HVPs through it take double backward.
    var secondOrder: SecondOrderRule?

    /// A leaf: a parameter (`requiresGrad: true`) or a constant.
    public init(_ value: Tensor<Scalar>, requiresGrad: Bool = true) {
        self.value = value
        shape = value.shape
        self.requiresGrad = requiresGrad
        parents = []
        vjp = nil
        name = "leaf"
    }

    /// A constant: never differentiated.
    public static func constant(_ value: Tensor<Scalar>) -> Variable { Variable(value, requiresGrad: false) }

    init(_ value: Tensor<Scalar>, op name: String, parents: [Variable], vjp: @escaping (Variable) -> [Variable?]) {
        self.value = value
        shape = value.shape
        self.name = name
        let record = GradMode.isRecording && parents.contains { $0.requiresGrad }
        requiresGrad = record
        self.parents = record ? parents : []
        self.vjp = record ? vjp : nil
    }

    /// The value's shape, kept at creation: reading it through `value` would copy the tensor
    /// (a resilient type: an out-of-line copy) on every use in the graph code.
    public let shape: [Int]

    /// The same value, cut off from the graph.
    public func detached() -> Variable { Variable(value, requiresGrad: false) }
}

/// Whether operations record themselves for differentiation (off inside first-order backward
/// passes and `withoutGradients`).
public enum GradMode {
    nonisolated(unsafe) static var recordingDepth = 0
    nonisolated(unsafe) static var pausedDepth = 0
    static var isRecording: Bool { pausedDepth == 0 }

    static func paused<R>(_ body: () throws -> R) rethrows -> R {
        pausedDepth += 1
        defer { pausedDepth -= 1 }
        return try body()
    }
}

/// Runs `body` without recording operations (evaluation, optimizer updates).
public func withoutGradients<R>(_ body: () throws -> R) rethrows -> R { try GradMode.paused(body) }
