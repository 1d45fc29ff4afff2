import Autograd
import Tensor

/// Suite `autograd`: one training step (forward, backward, gradient-descent update) of an MLP,
/// the same networks and batch sizes as `scripts/peers/autograd.py` (NumPy with hand-written
/// gradients, PyTorch eager, JAX jit — whichever are installed).
enum AutogradSuite {
    static func data(_ shape: [Int], _ p: Int) -> Tensor<Float> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float(($0 * p) % 1000) / 1000 - 0.5 })
    }

    /// Cross-entropy step for a classifier (widths end in the class count).
    static func classifier(_ widths: [Int], batch: Int) -> BenchCase {
        var net = MLP<Float>(widths: widths, activation: .relu, seed: 1)
        let x = data([batch, widths[0]], 7919)
        let labels = (0..<batch).map { $0 % widths.last! }
        var opt = Optimizer<Float>(.gradientDescent, learningRate: 0.01)
        let name = "mlp-" + widths.map(String.init).joined(separator: "-") + "-b\(batch)"
        return BenchCase(suite: "autograd", name: name, unit: "steps/s", rate: { 1 / $0 }) {
            let g = valueAndGradient(at: net.parameters) { theta in
                Loss.crossEntropy(logits: net.forward(.constant(x), parameters: theta), labels: labels)
            }.gradient
            opt.update(&net.parameters, gradients: g)
        }
    }

    /// Mean-squared-error step for a small regression net (overhead-bound).
    static func regression(_ widths: [Int], batch: Int) -> BenchCase {
        var net = MLP<Float>(widths: widths, activation: .relu, seed: 1)
        let x = data([batch, widths[0]], 7919), y = data([batch, widths.last!], 104_729)
        var opt = Optimizer<Float>(.gradientDescent, learningRate: 0.01)
        let name = "mlp-" + widths.map(String.init).joined(separator: "-") + "-b\(batch)"
        return BenchCase(suite: "autograd", name: name, unit: "steps/s", rate: { 1 / $0 }) {
            let g = valueAndGradient(at: net.parameters) { theta in
                Loss.meanSquaredError(net.forward(.constant(x), parameters: theta), .constant(y))
            }.gradient
            opt.update(&net.parameters, gradients: g)
        }
    }

    static func cases() -> [BenchCase] {
        [classifier([784, 256, 256, 10], batch: 128), regression([2, 16, 16, 1], batch: 32)]
    }
}
