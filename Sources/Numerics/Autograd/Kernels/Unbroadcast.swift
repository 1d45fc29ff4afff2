import Tensor

/// The one raw computation the differentiation rules need beyond the Tensor core's own:
/// summing a gradient back to an operand's shape (the adjoint of broadcasting).
enum Kernels {
    /// Sums `g` over the axes along which `shape` was broadcast, giving a tensor of `shape`.
    static func sum<T>(_ g: Tensor<T>, toShape shape: [Int]) -> Tensor<T> {
        if g.shape == shape { return g }
        var out = g
        // Leading axes that broadcasting added.
        while out.rank > shape.count { out = out.sum(axis: 0) }
        // Axes stretched from length 1.
        for axis in 0..<shape.count where shape[axis] == 1 && out.shape[axis] != 1 {
            out = out.sum(axis: axis, keepDims: true)
        }
        guard out.shape == shape else {
            fatalError("sum(toShape:): a gradient of shape \(g.shape) cannot be reduced to \(shape)")
        }
        return out
    }
}
