import Tensor
import XCTest
@testable import Autograd

/// The pooling layers compute what the pooling functions compute, compose in Sequential, and a
/// small CNN built from them (conv → ReLU → max pool → flatten → dense) learns: its loss falls.
final class PoolingLayerTests: XCTestCase {
    func testPoolingLayersEqualTheFunctions() {
        let x = testTensor([2, 3, 9, 8], seed: 1, gap: 0.01), s = testTensor([2, 3, 11], seed: 2, gap: 0.01)
        let v = Variable.constant(x), u = Variable.constant(s)
        XCTAssertEqual(
            MaxPool2d<Double>(kernelSize: [3], stride: [2], padding: [1], dilation: [1]).forward(v, parameters: []).value,
            maxPool2d(v, kernelSize: [3], stride: [2], padding: [1]).value)
        XCTAssertEqual(
            AvgPool2d<Double>(kernelSize: [2, 3], padding: [1, 1], countIncludePad: false).forward(v, parameters: []).value,
            avgPool2d(v, kernelSize: [2, 3], padding: [1, 1], countIncludePad: false).value)
        XCTAssertEqual(
            MaxPool1d<Double>(kernelSize: 3, stride: 2, padding: 1, dilation: 2).forward(u, parameters: []).value,
            maxPool1d(u, kernelSize: 3, stride: 2, padding: 1, dilation: 2).value)
        XCTAssertEqual(
            AvgPool1d<Double>(kernelSize: 4, stride: 1).forward(u, parameters: []).value, avgPool1d(u, kernelSize: 4, stride: 1).value)
        // PyTorch's default stride is the window: a 2×2 pool halves 9×8 to 4×4.
        XCTAssertEqual(MaxPool2d<Double>(kernelSize: [2]).forward(v, parameters: []).shape, [2, 3, 4, 4])
        XCTAssertEqual(Flatten<Double>().forward(v, parameters: []).shape, [2, 3 * 9 * 8])
        XCTAssertTrue(MaxPool2d<Double>(kernelSize: [2]).parameters.isEmpty)
    }

    /// Gradients through a Sequential with pooling layers against finite differences.
    func testGradientsThroughPoolingLayersInSequential() {
        let net = Sequential<Double>([
            Conv2d(inChannels: 2, outChannels: 3, kernelSize: [3], padding: .same, seed: 1), ActivationLayer(.tanh),
            AvgPool2d(kernelSize: [2]), MaxPool2d(kernelSize: [2], stride: [1]), Flatten(),
            DenseLayer(inputs: 3 * 2 * 2, outputs: 2, seed: 2),
        ])
        let x = Variable.constant(testTensor([2, 2, 6, 6], seed: 3, gap: 0.01))
        assertGradientMatches("conv, tanh, avg pool, max pool, flatten, dense", inputs: net.parameters) { p in
            sum(square(net.forward(x, parameters: p)))
        }
    }

    /// Two classes of 8×8 images (a bright horizontal or vertical bar, with noise): a CNN of one
    /// convolution, ReLU, 2×2 max pooling and a dense layer, trained by gradient descent.
    func testSmallCNNTrainedThroughSequentialLowersItsLoss() {
        var rng = SplitMix64(seed: 7)
        let n = 16
        var images = [Double](repeating: 0, count: n * 64), labels: [Int] = []
        for i in 0..<n {
            let label = i % 2, line = 1 + Int(rng.next() % 6)
            labels.append(label)
            for r in 0..<8 {
                for c in 0..<8 {
                    let noise = Double(rng.next() >> 11) / Double(1 << 53) * 0.2
                    images[i * 64 + r * 8 + c] = ((label == 0 ? r : c) == line ? 1 : 0) + noise
                }
            }
        }
        let x = Variable.constant(Tensor(shape: [n, 1, 8, 8], scalars: images))
        var net = Sequential<Double>([
            Conv2d(inChannels: 1, outChannels: 4, kernelSize: [3], padding: .same, seed: 1), ActivationLayer(.relu),
            MaxPool2d(kernelSize: [2]), Flatten(), DenseLayer(inputs: 4 * 4 * 4, outputs: 2, seed: 2),
        ])
        var losses: [Double] = []
        for _ in 0..<30 {
            let (loss, gradient) = valueAndGradient(at: net.parameters) { p in Loss.crossEntropy(logits: net.forward(x, parameters: p), labels: labels) }
            losses.append(loss)
            net.parameters = zip(net.parameters, gradient).map { $0 - 0.2 * $1 }
        }
        XCTAssertLessThan(losses.last!, 0.5 * losses.first!, "losses \(losses)")
        XCTAssertLessThan(losses[15], losses[0])
    }
}
