import Tensor
import XCTest
@testable import Autograd

/// Gradients through the FFT path of conv1d/conv2d/circularConv2d (input, weight and bias)
/// against central finite differences in f64, and second derivatives through it: the adjoint
/// faces take the same method as the forward map.
final class FFTConvolutionGradientTests: XCTestCase {
    func testFFTConv2dGradientsInInputWeightAndBias() {
        let x = testTensor([1, 4, 10, 9], seed: 1), w = testTensor([6, 2, 7, 6], seed: 2), b = testTensor([6], seed: 3)
        let geometry = ConvolutionGeometry(
            convolving: x.shape, with: w.shape, stride: [2, 1], padding: .explicit([3, 2]), dilation: [1, 2], groups: 2)
        let u = testTensor(geometry.outputShape, seed: 4)
        assertGradientMatches("fft conv2d strided, padded, dilated, grouped", inputs: [x, w, b]) { v in
            sum(
                conv2d(v[0], v[1], bias: v[2], stride: [2, 1], padding: .explicit([3, 2]), dilation: [1, 2], groups: 2, method: .fft)
                    * .constant(u))
        }
        // Scaled down so the squared loss stays near 1: the central difference's rounding is then far below 1e-8.
        assertGradientMatches("fft conv2d same, squared", inputs: [0.2 * x, 0.2 * testTensor([3, 4, 8, 9], seed: 5)]) { v in
            sum(square(conv2d(v[0], v[1], padding: .same, method: .fft)))
        }
    }

    func testFFTConv1dAndCircularGradients() {
        let s = testTensor([2, 3, 40], seed: 9), k = testTensor([4, 3, 17], seed: 10), c = testTensor([4], seed: 11)
        assertGradientMatches("fft conv1d", inputs: [s, k, c]) { v in
            sum(square(conv1d(v[0], v[1], bias: v[2], stride: 3, padding: 5, dilation: 2, method: .fft)))
        }
        assertGradientMatches("fft circularConv1d", inputs: [testTensor([1, 2, 30], seed: 12), testTensor([2, 2, 11], seed: 13)]) { v in
            sum(square(circularConv1d(v[0], v[1], method: .fft)))
        }
    }

    /// Hessian-vector products through the FFT path against finite differences of its gradient.
    func testHessianVectorProductThroughFFTConvolution() {
        let x = testTensor([1, 2, 10, 10], seed: 16), w = testTensor([2, 2, 6, 5], seed: 17)
        func loss(_ v: [Variable<Double>]) -> Variable<Double> { sum(tanh(conv2d(v[0], v[1], padding: .same, method: .fft))) }
        let at = [x, w], direction = [testTensor(x.shape, seed: 18), testTensor(w.shape, seed: 19)]
        let hv = Curvature.hessianVectorProduct(at: at, direction: direction, loss)
        let h = 1e-5
        let plus = valueAndGradient(at: zip(at, direction).map { $0 + h * $1 }, loss).gradient
        let minus = valueAndGradient(at: zip(at, direction).map { $0 - h * $1 }, loss).gradient
        for i in 0..<2 {
            let numeric = zip(plus[i].scalars, minus[i].scalars).map { ($0 - $1) / (2 * h) }
            for (a, n) in zip(hv[i].scalars, numeric) { XCTAssertEqual(a, n, accuracy: 1e-6 * max(1, abs(n))) }
        }
    }

    /// The gradients by the FFT path equal the direct path's to rounding.
    func testFFTAndDirectGradientsAgree() {
        let x = testTensor([2, 3, 300], seed: 20), w = testTensor([2, 3, 120], seed: 21)
        func grads(_ method: ConvolutionMethod) -> [Tensor<Double>] {
            valueAndGradient(at: [x, w]) { v in sum(square(conv1d(v[0], v[1], padding: .same, method: method))) }.gradient
        }
        let (fft, direct) = (grads(.fft), grads(.direct))
        for i in 0..<2 {
            let scale = direct[i].scalars.map { abs($0) }.max()!
            let error = zip(fft[i].scalars, direct[i].scalars).map { abs($0 - $1) }.max()!
            XCTAssertLessThanOrEqual(error / scale, 1e-12, "gradient \(i)")
        }
    }
}
