internal import Foundation
import Tensor

/// Multi-head scaled dot-product attention (Vaswani et al. 2017), named and laid out as
/// PyTorch's `nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)`.
///
/// For queries [B, L, E] and keys/values [B, S, E], with h heads of width d = E/h:
/// Q = x_q W_qᵀ + b_q, K = x_k W_kᵀ + b_k, V = x_v W_vᵀ + b_v (W_q, W_k, W_v are the three row
/// blocks of `inProjectionWeight`, [3E, E]); per head, softmax(Q Kᵀ/√d + M) V, where the causal
/// mask M is −∞ above the diagonal (position i sees keys 0…i); the heads are concatenated and
/// mapped by `outProjectionWeight` [E, E] and its bias.
///
/// ```swift
/// let attention = Attention<Float>(embedDimension: 64, heads: 4, causal: true, seed: 7)
/// let y = attention.forward(x, parameters: attention.parameters.map(Variable.init))  // [B, L, 64]
/// ```
public struct Attention<Scalar: TensorScalar>: Layer {
    /// E, the width of queries, keys, values and output.
    public let embedDimension: Int
    /// h, the number of heads (E is a multiple of h).
    public let heads: Int
    /// Whether position i attends only to positions ≤ i.
    public let causal: Bool
    /// [inProjectionWeight [3E, E], inProjectionBias [3E], outProjectionWeight [E, E],
    /// outProjectionBias [E]] (PyTorch's `in_proj_weight`, `in_proj_bias`, `out_proj.weight`,
    /// `out_proj.bias`); without biases only the two weights.
    public var parameters: [Tensor<Scalar>]
    /// Whether the projections add biases.
    public let hasBias: Bool

    /// A layer with PyTorch's initialisation: Xavier-uniform input projection, uniform
    /// ±1/√E output projection, zero biases.
    ///
    /// - Parameters:
    ///   - embedDimension: E.
    ///   - heads: h, dividing E.
    ///   - bias: Whether the projections have biases.
    ///   - causal: Whether to apply the causal mask.
    ///   - seed: Makes the draw reproducible.
    public init(embedDimension: Int, heads: Int, bias: Bool = true, causal: Bool = false, seed: UInt64 = 0) {
        guard embedDimension > 0, heads > 0, embedDimension % heads == 0 else {
            fatalError("Attention(embedDimension: \(embedDimension), heads: \(heads)): the width must be a positive multiple of the head count")
        }
        self.embedDimension = embedDimension
        self.heads = heads
        self.causal = causal
        hasBias = bias
        let e = embedDimension
        var rng = RNG(seed: seed)
        let inWeight: Tensor<Scalar> = uniformParameter(&rng, [3 * e, e], bound: (6.0 / Double(4 * e)).squareRoot())
        let outWeight: Tensor<Scalar> = uniformParameter(&rng, [e, e], bound: 1 / Double(e).squareRoot())
        parameters =
            bias
            ? [inWeight, Tensor(shape: [3 * e], repeating: 0), outWeight, Tensor(shape: [e], repeating: 0)]
            : [inWeight, outWeight]
    }

    /// Self-attention: queries, keys and values are all `x`.
    ///
    /// - Parameters:
    ///   - x: [B, L, E].
    ///   - theta: The parameters as variables, in ``parameters``' order.
    /// - Returns: [B, L, E].
    public func forward(_ x: Variable<Scalar>, parameters theta: [Variable<Scalar>]) -> Variable<Scalar> {
        forward(query: x, key: x, value: x, parameters: theta)
    }

    /// Attention of `query` over `key` and `value`.
    ///
    /// - Parameters:
    ///   - query: [B, L, E].
    ///   - key: [B, S, E].
    ///   - value: [B, S, E].
    ///   - theta: The parameters as variables.
    /// - Returns: [B, L, E].
    /// - Complexity: O(B·(L + S)·E² + B·L·S·E).
    public func forward(
        query: Variable<Scalar>, key: Variable<Scalar>, value: Variable<Scalar>, parameters theta: [Variable<Scalar>]
    ) -> Variable<Scalar> {
        let e = embedDimension
        for (name, v) in [("query", query), ("key", key), ("value", value)] {
            guard v.shape.count == 3, v.shape[2] == e, v.shape[0] == query.shape[0] else {
                fatalError("Attention(embedDimension: \(e)): \(name) has shape \(v.shape), expected [batch, length, \(e)]")
            }
        }
        guard key.shape[1] == value.shape[1] else { fatalError("Attention: key length \(key.shape[1]) differs from value length \(value.shape[1])") }
        guard theta.count == parameters.count else {
            fatalError("Attention.forward: got \(theta.count) parameter variables, the layer has \(parameters.count)")
        }
        let (b, l, s, h, d) = (query.shape[0], query.shape[1], key.shape[1], heads, e / heads)
        let inWeight = theta[0], inBias = hasBias ? theta[1] : nil
        let outWeight = theta[hasBias ? 2 : 1], outBias = hasBias ? theta[3] : nil
        /// Projection by row block `block` of the input weights, split into heads: [B·h, n, d].
        func project(_ x: Variable<Scalar>, _ block: Int) -> Variable<Scalar> {
            let rows = block * e..<(block + 1) * e
            let n = x.shape[1]
            var y = matmul(x.reshaped([b * n, e]), inWeight.sliced(rows, axis: 0), transposingA: false, transposingB: true)
            if let inBias { y = y + inBias.sliced(rows, axis: 0) }
            return y.reshaped([b, n, h, d]).permuted([0, 2, 1, 3]).reshaped([b * h, n, d])
        }
        let q = project(query, 0), k = project(key, 1), v = project(value, 2)
        var scores = batchedMatmul(q, k, transposingB: true) * Scalar(1 / Double(d).squareRoot())
        // An additive mask (PyTorch's float attn_mask): one broadcast add; the softmax gives the
        // hidden positions weight 0 and so cotangent 0.
        if causal { scores = scores + .constant(causalBias(l, s)) }
        let heads = batchedMatmul(scores.softmax(alongAxis: -1), v)
        let joined = heads.reshaped([b, h, l, d]).permuted([0, 2, 1, 3]).reshaped([b * l, e])
        var out = matmul(joined, outWeight, transposingA: false, transposingB: true)
        if let outBias { out = out + outBias }
        return out.reshaped([b, l, e])
    }

    /// −∞ above the diagonal of an [1, L, S] grid (the keys a query may not see), else 0.
    private func causalBias(_ l: Int, _ s: Int) -> Tensor<Scalar> {
        Tensor(shape: [1, l, s], scalars: (0..<(l * s)).map { $0 % s > $0 / s ? -.infinity : 0 })
    }
}
