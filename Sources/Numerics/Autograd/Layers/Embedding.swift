import Tensor

/// A lookup table of learnt vectors (PyTorch's `nn.Embedding`): index i maps to row i of the
/// weight [count, dimension], drawn N(0, 1) as PyTorch does. The weight's gradient adds the
/// cotangents of every position that looked a row up.
///
/// ```swift
/// let embed = Embedding<Float>(count: 100, dimension: 32, seed: 1)
/// let tokens = embed.lookup(IntTensor(shape: [2, 5], scalars: ids), weight: theta[0])  // [2, 5, 32]
/// ```
public struct Embedding<Scalar: TensorScalar>: Layer {
    /// The number of rows (the vocabulary size).
    public let count: Int
    /// The width of each vector.
    public let dimension: Int
    /// [weight], of shape [count, dimension].
    public var parameters: [Tensor<Scalar>]

    /// A table of `count` vectors of width `dimension`.
    ///
    /// - Parameters:
    ///   - count: Number of rows.
    ///   - dimension: Width of each row.
    ///   - seed: Makes the draw reproducible.
    public init(count: Int, dimension: Int, seed: UInt64 = 0) {
        guard count > 0, dimension > 0 else { fatalError("Embedding(count: \(count), dimension: \(dimension)): sizes must be positive") }
        self.count = count
        self.dimension = dimension
        var rng = RNG(seed: seed)
        parameters = [rng.normal([count, dimension], as: Scalar.self)]
    }

    /// The rows of `weight` named by `indices`.
    ///
    /// - Parameters:
    ///   - indices: Any shape of indices in 0..<count.
    ///   - weight: The table as a variable, [count, dimension].
    /// - Returns: indices.shape + [dimension].
    /// - Precondition: Every index lies in 0..<count; otherwise the cell stops naming the first
    ///   one outside and its position.
    public func lookup(_ indices: IntTensor, weight: Variable<Scalar>) -> Variable<Scalar> {
        if let bad = indices.scalars.firstIndex(where: { $0 < 0 || $0 >= count }) {
            fatalError("Embedding(count: \(count)): index \(indices.scalars[bad]) at position \(bad) is outside 0..<\(count)")
        }
        guard weight.shape == [count, dimension] else {
            fatalError("Embedding.lookup: weight has shape \(weight.shape), expected \([count, dimension])")
        }
        let rows = weight.takeAlongAxis(IntTensor(shape: [indices.count, 1], scalars: indices.scalars), axis: 0)
        return rows.reshaped(indices.shape + [dimension])
    }

    /// The ``Layer`` form: `x` holds the indices as whole numbers of the scalar type (so an
    /// embedding can start a ``Sequential``); its gradient is not defined and none flows to it.
    ///
    /// - Parameters:
    ///   - x: Indices as scalars, any shape.
    ///   - theta: [weight].
    /// - Returns: x.shape + [dimension].
    /// - Precondition: Every element of `x` is a whole number in 0..<count.
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        let values = x.value.scalars
        if let bad = values.firstIndex(where: { !$0.isFinite || $0.rounded() != $0 }) {
            fatalError("Embedding: input \(values[bad]) at position \(bad) is not a whole-number index")
        }
        return lookup(IntTensor(shape: x.shape, scalars: values.map { Int($0) }), weight: theta[0])
    }
}
