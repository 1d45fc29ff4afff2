import Foundation
import XCTest
import Tensor
@testable import Autograd

/// Every differentiable op's gradient against central finite differences (f64, ≤ 1e-8 relative).
private let a = testTensor([3, 4], seed: 1), b = testTensor([3, 4], seed: 2), row = testTensor([4], seed: 3)
private let col = testTensor([3, 1], seed: 4), m = testTensor([4, 2], seed: 5)

final class OpGradientTests: XCTestCase {

    func testArithmeticWithBroadcasting() {
        let w = testTensor([3, 4], seed: 9)
        func weighted(_ v: Variable<Double>) -> Variable<Double> { sum(v * .constant(w)) }
        assertGradientMatches("add", inputs: [a, b]) { weighted($0[0] + $0[1]) }
        assertGradientMatches("sub row", inputs: [a, row]) { weighted($0[0] - $0[1]) }
        assertGradientMatches("mul col", inputs: [a, col]) { weighted($0[0] * $0[1]) }
        assertGradientMatches("div", inputs: [a, b.map { $0 + 2 }]) { weighted($0[0] / $0[1]) }
        assertGradientMatches("neg, scalars", inputs: [a]) { weighted(3 - 2 * (-$0[0]) / 4 + 1) }
    }

    func testMatmulTransposeReshapeReductions() {
        assertGradientMatches("matmul", inputs: [a, m]) { sum(square(matmul($0[0], $0[1]))) }
        assertGradientMatches("transpose", inputs: [a]) { sum(matmul($0[0].transposed(), $0[0]) * .constant(testTensor([4, 4], seed: 7))) }
        assertGradientMatches("reshape", inputs: [a]) { sum(square($0[0].reshaped([2, 6])) * .constant(testTensor([2, 6], seed: 8))) }
        assertGradientMatches("mean", inputs: [a]) { mean(exp($0[0])) }
        assertGradientMatches("sum axis", inputs: [a]) { sum(square($0[0].sum(alongAxis: 1))) + sum(square($0[0].sum(alongAxis: 0))) }
        let w = a
        assertGradientMatches("broadcast", inputs: [row]) { sum(square($0[0].broadcast(to: [3, 4])) * .constant(w)) }
    }

    func testElementwiseFunctions() {
        let positive = a.map { abs($0) + 0.5 }
        for (name, f) in [("exp", exp), ("tanh", tanh), ("sigmoid", sigmoid), ("sin", sin), ("cos", cos), ("square", square)]
            as [(String, (Variable<Double>) -> Variable<Double>)]
        {
            assertGradientMatches(name, inputs: [a]) { sum(f($0[0]) * .constant(b)) }
        }
        assertGradientMatches("log", inputs: [positive]) { sum(log($0[0]) * .constant(b)) }
        assertGradientMatches("sqrt", inputs: [positive]) { sum(sqrt($0[0]) * .constant(b)) }
    }

    func testEveryActivationAwayFromKinks() {
        let x = testTensor([5, 3], seed: 11, gap: 0.05).map { 3 * $0 }
        for act in Activation.all where act != .heaviside {
            assertGradientMatches("\(act)", inputs: [x], tolerance: 1e-7) { sum($0[0].activated(act) * .constant(testTensor([5, 3], seed: 12))) }
            // Second derivative: differentiate the first derivative's sum.
            let f = act.function
            for v in [-1.7, -0.3, 0.4, 2.2] {
                let h = 1e-5
                let fd = (f.derivatives[1](v + h) - f.derivatives[1](v - h)) / (2 * h)
                XCTAssertEqual(f.derivatives[2](v), fd, accuracy: 1e-6 * max(1, abs(fd)), "\(act) f'' at \(v)")
                let fd1 = (f.derivatives[0](v + h) - f.derivatives[0](v - h)) / (2 * h)
                XCTAssertEqual(f.derivatives[1](v), fd1, accuracy: 1e-6 * max(1, abs(fd1)), "\(act) f' at \(v)")
            }
        }
    }

    func testKnownActivationValues() {
        XCTAssertEqual(Activation.sigmoid(0), 0.5)
        XCTAssertEqual(Activation.softsign(1), 0.5)
        XCTAssertEqual(Activation.gaussian(0), 1)
        XCTAssertEqual(Activation.isru(alpha: 1)(1), 1 / 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(Activation.softplus(800), 800)  // no overflow
        XCTAssertEqual(Activation.gelu(1), 0.8413447460685429, accuracy: 1e-15)
        XCTAssertEqual(Activation.heaviside(0), 0)
        XCTAssertEqual(Activation.leakyReLU(slope: 0.1)(-2), -0.2, accuracy: 1e-15)
    }

    func testLosses() {
        let logits = testTensor([4, 3], seed: 20)
        let labels = [0, 2, 1, 2]
        var expected = 0.0
        for i in 0..<4 {
            let z = (0..<3).map { logits[i, $0] }
            expected += Foundation.log(z.map(Foundation.exp).reduce(0, +)) - z[labels[i]]
        }
        let ce = Loss.crossEntropy(logits: Variable(logits), labels: labels)
        XCTAssertEqual(ce.value.scalars[0], expected / 4, accuracy: 1e-14)
        assertGradientMatches("cross-entropy", inputs: [logits]) { Loss.crossEntropy(logits: $0[0], labels: labels) }
        let y = Tensor<Double>(shape: [4, 1], scalars: [1, -1, 1, -1])
        let p = testTensor([4, 1], seed: 21, gap: 0.1)
        assertGradientMatches("logistic", inputs: [p]) { Loss.logistic($0[0], labels: .constant(y)) }
        XCTAssertEqual(
            Loss.hinge(Variable(Tensor(shape: [2, 1], scalars: [0.5, 2])), labels: .constant(Tensor(shape: [2, 1], scalars: [1, 1]))).value.scalars[0], 0.25)
        assertGradientMatches("weight decay", inputs: [a, row]) { Loss.weightDecay($0, strength: 0.3) }
    }

    func testSeededBackwardOfNonScalarOutput() {
        // A seed makes a vector–Jacobian product of a non-scalar output.
        let x = Variable(Tensor<Double>(rows: [[1, 2, 3]]))
        let y = square(x)
        let g = Backward.gradients(of: y, wrt: [x], seed: Tensor(rows: [[1, 0, 2]]))
        XCTAssertEqual(g[0].value.scalars, [2, 0, 12])
        x.zeroGrad()
        sum(y).backward()
        XCTAssertEqual(x.grad?.scalars, [2, 4, 6])
    }

    func testConstantsAndNoGradModeRecordNothing() {
        let x = Variable(Tensor<Double>(rows: [[1, 2]]))
        XCTAssertTrue((x * x).requiresGrad)
        XCTAssertFalse(withoutGradients { x * x }.requiresGrad)
        XCTAssertFalse((Variable.constant(x.value) * .constant(x.value)).requiresGrad)
    }
}

final class TransposedMatmulTests: XCTestCase {
    func testEveryTransposeCombinationMatchesExplicitTransposesAndFiniteDifferences() {
        let a = testTensor([3, 4], seed: 41), b = testTensor([4, 5], seed: 42)
        let w = testTensor([3, 5], seed: 43)
        for (tA, tB) in [(false, false), (false, true), (true, false), (true, true)] {
            let lhs = tA ? a.transposed() : a, rhs = tB ? b.transposed() : b
            let expected = matmul(tA ? lhs.transposed() : lhs, tB ? rhs.transposed() : rhs)
            let got = matmul(lhs, rhs, transposingA: tA, transposingB: tB)
            XCTAssertEqual(got.shape, [3, 5])
            for (p, q) in zip(got.scalars, expected.scalars) { XCTAssertEqual(p, q, accuracy: 1e-14) }
            assertGradientMatches("matmul tA \(tA) tB \(tB)", inputs: [lhs, rhs]) {
                sum(matmul($0[0], $0[1], transposingA: tA, transposingB: tB) * .constant(w))
            }
        }
    }
}
