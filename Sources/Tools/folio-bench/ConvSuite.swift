import Autograd
import Foundation
import Tensor

/// Suite `conv`: forward and backward (all four parameter gradients) of a small CNN — input
/// [64, 3, 32, 32], two 3×3 `same` convolutions of 32 channels with bias, ReLU between, loss the
/// mean square of the output — against the same network in `scripts/peers/conv.py` (PyTorch
/// eager, JAX jit; whichever are installed), f32.
enum ConvSuite {
    static func data(_ shape: [Int], _ p: Int, scale: Float = 1) -> Tensor<Float> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { scale * (Float(($0 * p) % 1000) / 1000 - 0.5) })
    }

    static func cases() -> [BenchCase] {
        let x = Variable.constant(data([64, 3, 32, 32], 7919))
        let parameters = [
            data([32, 3, 3, 3], 31, scale: 0.3), data([32], 37, scale: 0.1), data([32, 32, 3, 3], 41, scale: 0.1),
            data([32], 43, scale: 0.1),
        ]
        func loss(_ p: [Variable<Float>]) -> Variable<Float> {
            let h = relu(conv2d(x, p[0], bias: p[1], padding: .same))
            let y = conv2d(h, p[2], bias: p[3], padding: .same)
            return mean(y * y)
        }
        return [
            BenchCase(suite: "conv", name: "cnn-3x3x32x2-32x32-b64", unit: "steps/s", rate: { 1 / $0 }) {
                _ = valueAndGradient(at: parameters, loss)
            }
        ]
    }
}
