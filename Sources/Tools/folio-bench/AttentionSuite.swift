import Autograd
import Foundation
import Tensor

/// Suite `attention`: forward and backward of one multi-head self-attention layer (batch 32,
/// sequence 128, width 64, 4 heads, f32, loss mean(y²), gradients of the four parameter tensors),
/// the same workload as `scripts/peers/attention.py` runs in PyTorch eager
/// (`nn.MultiheadAttention`, batch first) and JAX jit — whichever are installed.
enum AttentionSuite {
    static func data(_ shape: [Int], _ p: Int) -> Tensor<Float> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float(($0 * p) % 1000) / 1000 - 0.5 })
    }

    /// One forward+backward pass of the named configuration "attention-b…-l…-e…-h…[-causal]".
    static func step(batch: Int, length: Int, width: Int, heads: Int, causal: Bool) -> BenchCase {
        let layer = Attention<Float>(embedDimension: width, heads: heads, causal: causal, seed: 1)
        let x = data([batch, length, width], 7919)
        let name = "attention-b\(batch)-l\(length)-e\(width)-h\(heads)" + (causal ? "-causal" : "")
        return BenchCase(suite: "attention", name: name, unit: "steps/s", rate: { 1 / $0 }) {
            _ = valueAndGradient(at: layer.parameters) { theta in
                let y = layer.forward(.constant(x), parameters: theta)
                return mean(y * y)
            }
        }
    }

    static func cases() -> [BenchCase] {
        [
            step(batch: 32, length: 128, width: 64, heads: 4, causal: false),
            step(batch: 32, length: 128, width: 64, heads: 4, causal: true),
        ]
    }
}
