import Tensor
import XCTest
@testable import Autograd

/// Gradients of convolutions, transposes and pooling against central finite differences in f64,
/// and the second derivatives (Hessian-vector products) that Curvature takes through them.
final class ConvolutionGradientTests: XCTestCase {
    func testConv2dGradientsInInputWeightAndBias() {
        let x = testTensor([2, 4, 5, 6], seed: 1), w = testTensor([6, 2, 3, 2], seed: 2), b = testTensor([6], seed: 3)
        let u = testTensor([2, 6, 3, 8], seed: 4)
        assertGradientMatches("conv2d strided, padded, dilated, grouped", inputs: [x, w, b]) { v in
            sum(conv2d(v[0], v[1], bias: v[2], stride: [2, 1], padding: .explicit([1, 2]), dilation: [1, 2], groups: 2) * .constant(u))
        }
        assertGradientMatches("conv2d same, squared", inputs: [x, testTensor([3, 4, 3, 3], seed: 5)]) { v in
            sum(square(conv2d(v[0], v[1], padding: .same)))
        }
    }

    func testTransposedAndOneDimensionalConvolutionGradients() {
        let x = testTensor([2, 4, 3, 4], seed: 6), w = testTensor([4, 3, 3, 2], seed: 7), b = testTensor([6], seed: 8)
        assertGradientMatches("convTranspose2d", inputs: [x, w, b]) { v in
            sum(square(convTranspose2d(v[0], v[1], bias: v[2], stride: [2, 3], padding: [1, 0], outputPadding: [1, 2], groups: 2)))
        }
        let s = testTensor([2, 3, 11], seed: 9), k = testTensor([4, 3, 3], seed: 10), c = testTensor([4], seed: 11)
        assertGradientMatches("conv1d", inputs: [s, k, c]) { v in
            sum(square(conv1d(v[0], v[1], bias: v[2], stride: 2, padding: 1, dilation: 2)))
        }
        assertGradientMatches("convTranspose1d", inputs: [testTensor([1, 4, 5], seed: 12), testTensor([4, 2, 3], seed: 13)]) { v in
            sum(square(convTranspose1d(v[0], v[1], stride: 2, padding: 1, outputPadding: 1)))
        }
    }

    func testPoolingGradients() {
        // Values at least 0.05 apart from each other would be ideal; distinct random values keep the
        // argmax away from ties for steps of 1e-5.
        let x = testTensor([2, 2, 6, 7], seed: 14, gap: 0.01)
        assertGradientMatches("maxPool2d overlapping", inputs: [x]) { v in
            sum(square(maxPool2d(v[0], kernelSize: [3], stride: [2], padding: [1])))
        }
        assertGradientMatches("avgPool2d", inputs: [x]) { v in
            sum(square(avgPool2d(v[0], kernelSize: [3, 2], stride: [2, 1], padding: [1, 1], countIncludePad: false)))
        }
        assertGradientMatches("maxPool1d and avgPool1d", inputs: [testTensor([1, 3, 9], seed: 15, gap: 0.01)]) { v in
            sum(square(maxPool1d(v[0], kernelSize: 2, stride: 1))) + sum(square(avgPool1d(v[0], kernelSize: 3, padding: 1)))
        }
    }

    /// The Hessian-vector product of a loss through two convolutions and a max pool, against
    /// finite differences of the gradient: the second derivative runs through the three faces.
    func testHessianVectorProductsThroughConvolutionsMatchFiniteDifferences() {
        let x = testTensor([2, 2, 6, 6], seed: 16)
        let w1 = testTensor([3, 2, 3, 3], seed: 17), w2 = testTensor([2, 3, 2, 2], seed: 18)
        func loss(_ v: [Variable<Double>]) -> Variable<Double> {
            let h = tanh(conv2d(v[0], v[1], padding: .same))
            let p = avgPool2d(h, kernelSize: [2])
            return sum(square(conv2d(p, v[2], stride: [1]))) + sum(v[0] * v[0] * v[0])
        }
        let at = [x, w1, w2]
        let direction = [testTensor(x.shape, seed: 19), testTensor(w1.shape, seed: 20), testTensor(w2.shape, seed: 21)]
        let hv = Curvature.hessianVectorProduct(at: at, direction: direction, loss)
        let h = 1e-5
        let plus = valueAndGradient(at: zip(at, direction).map { $0 + h * $1 }, loss).gradient
        let minus = valueAndGradient(at: zip(at, direction).map { $0 - h * $1 }, loss).gradient
        for k in 0..<3 {
            let numeric = (plus[k] - minus[k]) / (2 * h)
            for (a, n) in zip(hv[k].scalars, numeric.scalars) {
                XCTAssertEqual(a, n, accuracy: 1e-6 * max(1, abs(n)), "Hv, tensor \(k)")
            }
        }
    }

    func testConvLayersAndResidualBlocksAreLayers() {
        let conv = Conv2d<Double>(inChannels: 2, outChannels: 2, kernelSize: [3], padding: .same, seed: 3)
        XCTAssertEqual(conv.parameters.map(\.shape), [[2, 2, 3, 3], [2]])
        // He initialisation: variance 2 / fan-in over the 36 weights, not exactly but in range.
        let w = conv.parameters[0].scalars, variance = w.map { $0 * $0 }.reduce(0, +) / Double(w.count)
        XCTAssertEqual(variance, 2.0 / 18, accuracy: 0.06)
        XCTAssertEqual(Conv2d<Double>(inChannels: 2, outChannels: 2, kernelSize: [3], seed: 3).parameters, conv.parameters)
        let block = Residual(conv, scale: ResidualScaling.inverseSquareRootDepth.scale(depth: 4))
        let x = testTensor([1, 2, 4, 4], seed: 22)
        let y = block.forward(.constant(x), parameters: block.parameters.map(Variable.constant)).value
        let branch = conv(x)
        XCTAssertEqual(y.scalars, zip(x.scalars, branch.scalars).map { $0 + 0.5 * $1 })
        assertGradientMatches("Residual(Conv2d)", inputs: [x] + block.parameters) { v in
            sum(square(block.forward(v[0], parameters: Array(v.dropFirst()))))
        }
        let conv1 = Conv1d<Double>(inChannels: 3, outChannels: 3, kernelSize: 3, padding: .same, bias: false, seed: 4)
        XCTAssertEqual(conv1.parameters.map(\.shape), [[3, 3, 3]])
        assertGradientMatches("Residual(Conv1d)", inputs: [testTensor([2, 3, 7], seed: 23)] + conv1.parameters) { v in
            sum(square(Residual(conv1).forward(v[0], parameters: Array(v.dropFirst()))))
        }
    }
}

/// Circular convolutions' gradients, periodic border included.
final class CircularConvolutionGradientTests: XCTestCase {
    func testCircularConvolutionGradients() {
        assertGradientMatches("circularConv2d", inputs: [testTensor([1, 2, 5, 4], seed: 40), testTensor([2, 2, 3, 2], seed: 41), testTensor([2], seed: 42)]) {
            v in
            sum(square(circularConv2d(v[0], v[1], bias: v[2], dilation: [1, 2])))
        }
        assertGradientMatches("circularConv1d", inputs: [testTensor([2, 2, 7], seed: 43), testTensor([2, 1, 4], seed: 44)]) { v in
            sum(square(circularConv1d(v[0], v[1], groups: 2)))
        }
    }
}
