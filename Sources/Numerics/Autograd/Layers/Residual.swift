import Tensor

/// A residual block x ↦ x + α·f(x) around any layer f whose output has its input's shape
/// (He et al. 2016), with the branch scale α as a parameter.
///
/// The scale decides what depth does to gradients. Each block's input–output Jacobian is
/// I + α·J_f, so through L blocks the input gradient is a product of L such factors, each
/// multiplying the squared norm by about 1 + 2αc + α² (c > 0: the back-propagated vector correlates
/// with the branch's active units). With α = 1 (He et al.'s original block) the log-norm grows
/// linearly in L; with α = 1/√L (``ResidualScaling/inverseSquareRootDepth``) like √L, unbounded but
/// sub-exponential; with α = 1/L (``ResidualScaling/inverseDepth``), scales with a bounded sum, it
/// stays bounded (Hanin and Rolnick's criterion), each block a small perturbation of the identity.
/// The plain network without the skip vanishes or explodes exponentially unless its per-layer gain
/// is exactly 1. `notebooks/resnet-gradients.md` measures all of them.
///
/// ```swift
/// let block = Residual(Conv2d<Float>(inChannels: 32, outChannels: 32, kernelSize: [3], padding: .same),
///                      scale: ResidualScaling.inverseSquareRootDepth.scale(depth: 20))
/// ```
public struct Residual<Inner: Layer>: Layer {
    /// The scalar type of the inner layer.
    public typealias Scalar = Inner.Scalar
    /// The residual branch f.
    public var inner: Inner
    /// α, the factor of the branch.
    public var scale: Double

    /// The block x + α·f(x).
    ///
    /// - Parameters:
    ///   - inner: The branch f; its output must have its input's shape.
    ///   - scale: α (1 for He et al.'s block; see ``ResidualScaling`` for depth-aware choices).
    public init(_ inner: Inner, scale: Double = 1) {
        self.inner = inner
        self.scale = scale
    }

    /// The inner layer's parameters: the skip has none.
    public var parameters: [Tensor<Scalar>] {
        get { inner.parameters }
        set { inner.parameters = newValue }
    }

    /// x + α·f(x).
    ///
    /// - Parameters:
    ///   - x: The block's input.
    ///   - parameters: Variables for the inner layer's parameters.
    /// - Returns: A variable of `x`'s shape.
    /// - Precondition: f(x) has the shape of x; otherwise the program stops naming both.
    public func forward(_ x: Variable<Scalar>, parameters: [Variable<Scalar>]) -> Variable<Scalar> {
        let branch = inner.forward(x, parameters: parameters)
        guard branch.shape == x.shape else {
            fatalError("Residual: the branch maps shape \(x.shape) to \(branch.shape); a skip connection needs equal shapes")
        }
        return scale == 1 ? x + branch : x + Scalar(scale) * branch
    }
}

/// Depth-aware choices of a residual branch's scale α (see ``Residual``).
public enum ResidualScaling: String, Sendable, Codable, CaseIterable {
    /// α = 1: He et al.'s block; gradient norms grow exponentially in depth.
    case unit
    /// α = 1/√L: the log gradient norm grows like √L, sub-exponentially.
    case inverseSquareRootDepth
    /// α = 1/L: gradient norms bounded in depth; each block close to the identity (a neural ODE's step).
    case inverseDepth

    /// α for a network of `depth` residual blocks.
    ///
    /// - Parameter depth: L ≥ 1, the number of blocks.
    /// - Returns: 1, 1/√L or 1/L.
    public func scale(depth: Int) -> Double {
        precondition(depth >= 1, "ResidualScaling.scale(depth:): depth must be at least 1, got \(depth)")
        switch self {
        case .unit: return 1
        case .inverseSquareRootDepth: return 1 / Double(depth).squareRoot()
        case .inverseDepth: return 1 / Double(depth)
        }
    }
}
