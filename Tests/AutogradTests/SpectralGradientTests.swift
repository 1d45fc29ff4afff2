import Foundation
import XCTest
import Tensor
@testable import Autograd

/// Gradients of the FFTs, einsum, gathers, pad and roll against central finite differences in
/// f64, and a Hessian-vector product through a spectrum against differences of gradients.
/// Σ w ⊙ y for fixed random weights: a loss whose gradient is the VJP of w.
private func weighted(_ y: Variable<Double>, seed: UInt64) -> Variable<Double> { sum(y * .constant(testTensor(y.shape, seed: seed))) }

final class SpectralGradientTests: XCTestCase {
    func testFourierTransformsOfComplexAndRealInputs() {
        let z = testTensor([3, 6, 2], seed: 1), x = testTensor([3, 7], seed: 2), even = testTensor([2, 8], seed: 3)
        for norm in [FFTNorm.backward, .ortho, .forward] {
            assertGradientMatches("fft \(norm)", inputs: [z]) { weighted($0[0].fft(norm: norm), seed: 4) }
            assertGradientMatches("ifft \(norm)", inputs: [z]) { weighted($0[0].ifft(norm: norm), seed: 5) }
            assertGradientMatches("fft axis 0 \(norm)", inputs: [z]) { weighted($0[0].fft(axis: 0, norm: norm), seed: 6) }
            assertGradientMatches("rfft odd \(norm)", inputs: [x]) { weighted($0[0].rfft(norm: norm), seed: 7) }
            assertGradientMatches("rfft even axis 0 \(norm)", inputs: [even]) { weighted($0[0].rfft(axis: 0, norm: norm), seed: 8) }
            assertGradientMatches("irfft even \(norm)", inputs: [testTensor([2, 5, 2], seed: 9)]) { weighted($0[0].irfft(norm: norm), seed: 10) }
            assertGradientMatches("irfft odd \(norm)", inputs: [testTensor([2, 4, 2], seed: 11)]) { weighted($0[0].irfft(n: 7, norm: norm), seed: 12) }
        }
        // A nonlinear loss through the spectrum: the power of a filtered signal.
        assertGradientMatches("power spectrum", inputs: [x]) { v in
            let s = v[0].rfft()
            return sum(s * s * .constant(testTensor(s.shape, seed: 13)))
        }
    }

    func testEinsumAndTensordot() {
        let a = testTensor([3, 4], seed: 1), b = testTensor([4, 5], seed: 2), sq = testTensor([4, 4], seed: 3)
        let v = testTensor([4], seed: 4), t = testTensor([2, 3, 4], seed: 5), one = testTensor([1, 4, 5], seed: 6)
        assertGradientMatches("ij,jk->ik", inputs: [a, b]) { weighted(einsum("ij,jk->ik", $0[0], $0[1]), seed: 7) }
        assertGradientMatches("i,ij,j->", inputs: [v, sq]) { einsum("i,ij,j->", $0[0], $0[1], $0[0]) }
        assertGradientMatches("ii->i", inputs: [sq]) { weighted(einsum("ii->i", $0[0]), seed: 8) }
        assertGradientMatches("ii (trace)", inputs: [sq]) { square(einsum("ii", $0[0])) }
        assertGradientMatches("ij->i (private sum)", inputs: [a]) { weighted(einsum("ij->i", $0[0]), seed: 9) }
        assertGradientMatches("...ij,...jk broadcast", inputs: [t, one]) { weighted(einsum("...ij,...jk->...ik", $0[0], $0[1]), seed: 10) }
        assertGradientMatches("ring of four", inputs: [a, b, testTensor([5, 6], seed: 11), testTensor([6, 3], seed: 12)]) {
            square(einsum("ab,bc,cd,da->", $0[0], $0[1], $0[2], $0[3]))
        }
        assertGradientMatches("tensordot", inputs: [t, b]) { weighted(tensordot($0[0], $0[1], axes: ([2], [0])), seed: 13) }
    }

    func testGathersPadAndRoll() {
        let x = testTensor([3, 4], seed: 1)
        let idx = IntTensor(shape: [5, 4], scalars: (0..<20).map { ($0 * 7) % 3 })
        assertGradientMatches("takeAlongAxis (repeats)", inputs: [x]) { weighted($0[0].takeAlongAxis(idx, axis: 0), seed: 2) }
        assertGradientMatches("scatterAdd", inputs: [x, testTensor([5, 4], seed: 3)]) {
            weighted(square($0[0].scatterAdd(idx, $0[1], axis: 0)), seed: 4)
        }
        for mode in [PadMode.constant(0.5), .reflect, .symmetric, .wrap, .edge] {
            assertGradientMatches("pad \(mode)", inputs: [x]) { weighted(square($0[0].padded([(2, 3), (5, 1)], mode: mode)), seed: 5) }
        }
        assertGradientMatches("roll", inputs: [x]) { weighted(square($0[0].rolled(-5, axis: 1)), seed: 6) }
    }

    func testHessianVectorProductsThroughTheSpectrumAndPadding() {
        let x = testTensor([9], seed: 1), v = testTensor([9], seed: 2)
        func loss(_ p: [Variable<Double>]) -> Variable<Double> {
            let s = p[0].padded([(2, 2)], mode: .reflect).rfft()
            return sum(square(s * s))
        }
        let hv = Curvature.hessianVectorProduct(at: [x], direction: [v], loss)[0]
        let h = 1e-5
        let plus = valueAndGradient(at: [x + h * v], loss).gradient[0], minus = valueAndGradient(at: [x - h * v], loss).gradient[0]
        for (a, (p, m)) in zip(hv.scalars, zip(plus.scalars, minus.scalars)) {
            let numeric = (p - m) / (2 * h)
            XCTAssertEqual(a, numeric, accuracy: 1e-6 * max(1, Swift.abs(numeric)))
        }
    }
}
