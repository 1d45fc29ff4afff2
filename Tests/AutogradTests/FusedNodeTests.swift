import XCTest
import Tensor
@testable import Autograd

/// The fused nodes (dense layer, MSE, cross-entropy) against the unfused graphs they replace:
/// same values bit for bit, gradients against finite differences, and double backward.
final class FusedNodeTests: XCTestCase {
    /// The unfused layer: matmul, scale, + bias, σ — what `Dense.forward` used to record.
    private func unfused<T>(_ layer: Dense, _ x: Variable<T>, _ w: Variable<T>, _ b: Variable<T>?) -> Variable<T> {
        var z = matmul(x, w, transposingA: false, transposingB: true)
        if layer.weightScale != 1 { z = T(layer.weightScale) * z }
        if let b { z = z + (layer.biasScale != 1 ? T(layer.biasScale) * b : b).reshaped([1, layer.outputs]) }
        return layer.activation == .identity ? z : z.activated(layer.activation)
    }

    private let layers = [Activation.relu, .tanh, .identity, .gelu].flatMap { act in
        [
            Dense(inputs: 3, outputs: 4, activation: act, hasBias: true, parametrisation: .standard, weightScale: 1, biasScale: 1),
            Dense(inputs: 3, outputs: 4, activation: act, hasBias: true, parametrisation: .ntk, weightScale: 0.7, biasScale: 0.3),
            Dense(inputs: 3, outputs: 4, activation: act, hasBias: false, parametrisation: .standard, weightScale: 1, biasScale: 1),
        ]
    }

    func testFusedDenseEqualsTheUnfusedGraphBitForBit() {
        let x = testTensor([9, 3], seed: 1), w = testTensor([4, 3], seed: 2), b = testTensor([4], seed: 3)
        for layer in layers {
            let bias = layer.hasBias ? Variable.constant(b) : nil
            XCTAssertEqual(
                layer.forward(.constant(x), weight: .constant(w), bias: bias).value,
                unfused(layer, .constant(x), .constant(w), bias).value, "\(layer)")
            let xf = float32(x), wf = float32(w), bf = float32(b)
            let biasF = layer.hasBias ? Variable.constant(bf) : nil
            XCTAssertEqual(
                layer.forward(.constant(xf), weight: .constant(wf), bias: biasF).value,
                unfused(layer, .constant(xf), .constant(wf), biasF).value, "\(layer) f32")
        }
    }

    func testFusedDenseGradientsMatchFiniteDifferencesAndTheUnfusedGraph() {
        // Inputs away from ReLU's kink: pre-activations are checked below.
        let x = testTensor([5, 3], seed: 30), w = testTensor([4, 3], seed: 31), b = testTensor([4], seed: 32)
        let weights = testTensor([5, 4], seed: 33)
        for layer in layers {
            let inputs = layer.hasBias ? [x, w, b] : [x, w]
            func f(_ v: [Variable<Double>]) -> Variable<Double> {
                sum(layer.forward(v[0], weight: v[1], bias: layer.hasBias ? v[2] : nil) * .constant(weights))
            }
            assertGradientMatches("dense \(layer)", inputs: inputs, f)
            let fused = valueAndGradient(at: inputs, f).gradient
            let plain = valueAndGradient(at: inputs) { v in
                sum(self.unfused(layer, v[0], v[1], layer.hasBias ? v[2] : nil) * .constant(weights))
            }.gradient
            for (p, q) in zip(fused, plain) {
                for (s, t) in zip(p.scalars, q.scalars) { XCTAssertEqual(s, t, accuracy: 1e-14, "\(layer)") }
            }
        }
    }

    func testHessianVectorProductsThroughFusedNodesMatchTheUnfusedGraph() {
        // Double backward through every fused node: ReLU and GELU layers (NTK and standard), MSE and
        // cross-entropy. The unfused graph is the reference (itself checked against finite differences).
        let x = testTensor([6, 3], seed: 40)
        let labels = [0, 1, 1, 0, 1, 0]
        for act in [Activation.relu, .gelu] {
            for parametrisation in [Parametrisation.standard, .ntk] {
                let net = MLP<Double>(widths: [3, 5, 4, 2], activation: act, parametrisation: parametrisation, seed: 41)
                let y = testTensor([6, 2], seed: 42)
                let v = net.parameters.enumerated().map { testTensor($0.element.shape, seed: 100 + UInt64($0.offset)) }
                func reference(_ theta: [Variable<Double>], _ loss: (Variable<Double>) -> Variable<Double>) -> Variable<Double> {
                    var h = Variable.constant(x), k = 0
                    for layer in net.layers {
                        h = unfused(layer, h, theta[k], theta[k + 1])
                        k += 2
                    }
                    return loss(h)
                }
                let losses: [(String, (Variable<Double>) -> Variable<Double>, (Variable<Double>) -> Variable<Double>)] = [
                    ("mse", { Loss.meanSquaredError($0, .constant(y)) }, { mean(square($0 - .constant(y))) }),
                    (
                        "cross-entropy", { Loss.crossEntropy(logits: $0, labels: labels) },
                        { logits in
                            let shifted = logits - .constant(logits.value.max(axis: 1, keepDims: true))
                            let onehot = Tensor<Double>(shape: [6, 2], scalars: labels.flatMap { $0 == 0 ? [1, 0] : [0, 1] })
                            return mean(log(exp(shifted).sum(alongAxis: 1)) - (shifted * .constant(onehot)).sum(alongAxis: 1))
                        }
                    ),
                ]
                for (name, fused, plain) in losses {
                    let hv = Curvature.hessianVectorProduct(at: net.parameters, direction: v) { fused(net.forward(.constant(x), parameters: $0)) }
                    let expected = Curvature.hessianVectorProduct(at: net.parameters, direction: v) { reference($0, plain) }
                    for (p, q) in zip(hv, expected) {
                        for (s, t) in zip(p.scalars, q.scalars) {
                            XCTAssertEqual(s, t, accuracy: 1e-10 * max(1, abs(t)), "\(act) \(parametrisation) \(name)")
                        }
                    }
                }
            }
        }
    }

    func testMisfittingBiasIsAClearError() {
        // A bias of the wrong length would read past its end in the fused kernel; it is refused first
        // (checked here through the same guard's condition, since fatalError cannot be caught).
        let layer = Dense(inputs: 3, outputs: 4, activation: .relu, hasBias: true, parametrisation: .standard, weightScale: 1, biasScale: 1)
        XCTAssertEqual(
            layer.forward(
                .constant(testTensor([2, 3], seed: 1)), weight: .constant(testTensor([4, 3], seed: 2)),
                bias: .constant(testTensor([4], seed: 3))
            ).shape, [2, 4])
    }
}
