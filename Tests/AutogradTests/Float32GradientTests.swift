import XCTest
import Tensor
@testable import Autograd

/// Every differentiable op's gradient in f32 against central finite differences (≤ 1e-3 relative).
///
/// Step size: inputs are scaled to (−1, 1) and the test functions to |f| ≲ 1, so with h = 1e-2 the
/// truncation error (~h²·f‴/6 ≈ 1e-5) and the rounding error of f32 evaluations (~ε·|f|/h ≈ 1e-5)
/// both stay two orders below the tolerance. The differences are taken in f64 from f32 values.
private func assertFloatGradientMatches(
    _ name: String, inputs: [Tensor<Double>], h: Float = 1e-2, tolerance: Double = 1e-3,
    file: StaticString = #filePath, line: UInt = #line,
    _ f: @escaping ([Variable<Float>]) -> Variable<Float>
) {
    let x = inputs.map { Tensor<Float>(shape: $0.shape, scalars: $0.scalars.map(Float.init)) }
    let analytic = valueAndGradient(at: x, f).gradient
    func value(_ ts: [Tensor<Float>]) -> Double { Double(withoutGradients { f(ts.map(Variable.constant)).value.scalars[0] }) }
    for k in x.indices {
        XCTAssertEqual(analytic[k].shape, x[k].shape, name, file: file, line: line)
        for i in x[k].scalars.indices {
            var plus = x, minus = x
            var p = x[k].scalars, m = x[k].scalars
            p[i] += h; m[i] -= h
            plus[k] = Tensor(shape: x[k].shape, scalars: p)
            minus[k] = Tensor(shape: x[k].shape, scalars: m)
            // The step actually taken in f32 (x ± h is rounded).
            let numeric = (value(plus) - value(minus)) / Double(p[i] - m[i])
            let a = Double(analytic[k].scalars[i])
            XCTAssertEqual(
                a, numeric, accuracy: tolerance * max(1, abs(numeric)),
                "\(name): input \(k) element \(i)", file: file, line: line)
        }
    }
}

private let a = testTensor([3, 4], seed: 1), b = testTensor([3, 4], seed: 2), row = testTensor([4], seed: 3)
private let col = testTensor([3, 1], seed: 4), m = testTensor([4, 2], seed: 5)
private let weights = float32(testTensor([3, 4], seed: 9))

private func weighted(_ v: Variable<Float>) -> Variable<Float> { sum(v * .constant(weights)) }

final class Float32GradientTests: XCTestCase {
    func testArithmeticWithBroadcasting() {
        assertFloatGradientMatches("add", inputs: [a, b]) { weighted($0[0] + $0[1]) }
        assertFloatGradientMatches("sub row", inputs: [a, row]) { weighted($0[0] - $0[1]) }
        assertFloatGradientMatches("mul col", inputs: [a, col]) { weighted($0[0] * $0[1]) }
        assertFloatGradientMatches("div", inputs: [a, b.map { $0 + 2 }]) { weighted($0[0] / $0[1]) }
        assertFloatGradientMatches("neg, scalars", inputs: [a]) { weighted(3 - 2 * (-$0[0]) / 4 + 1) }
    }

    func testMatmulTransposeReshapeReductions() {
        let w = float32(testTensor([3, 5], seed: 43))
        let lhs = testTensor([3, 4], seed: 41), rhs = testTensor([4, 5], seed: 42)
        for (tA, tB) in [(false, false), (false, true), (true, false), (true, true)] {
            assertFloatGradientMatches("matmul tA \(tA) tB \(tB)", inputs: [tA ? lhs.transposed() : lhs, tB ? rhs.transposed() : rhs]) {
                sum(matmul($0[0], $0[1], transposingA: tA, transposingB: tB) * .constant(w))
            }
        }
        assertFloatGradientMatches("matmul squared", inputs: [a, m]) { sum(square(matmul($0[0], $0[1]))) }
        assertFloatGradientMatches("transpose", inputs: [a]) { weighted(matmul($0[0].transposed(), $0[0]).firstTwelve()) }
        assertFloatGradientMatches("reshape", inputs: [a]) { weighted(square($0[0].reshaped([2, 6])).reshaped([3, 4])) }
        assertFloatGradientMatches("mean", inputs: [a]) { mean(exp($0[0])) }
        assertFloatGradientMatches("sum axis", inputs: [a]) { sum(square($0[0].sum(alongAxis: 1))) + sum(square($0[0].sum(alongAxis: 0))) }
        assertFloatGradientMatches("broadcast", inputs: [row]) { weighted(square($0[0].broadcast(to: [3, 4]))) }
        assertFloatGradientMatches("select and pad", inputs: [testTensor([12], seed: 6)]) {
            weighted(($0[0].selecting(2..<10).padded(before: 1, after: 3) * $0[0]).reshaped([3, 4]))
        }
    }

    func testElementwiseFunctions() {
        let positive = a.map { abs($0) + 0.5 }
        for (name, f) in [
            ("exp", exp), ("tanh", tanh), ("sigmoid", sigmoid), ("sin", sin), ("cos", cos), ("square", square),
            ("abs", abs),
        ] as [(String, (Variable<Float>) -> Variable<Float>)] {
            assertFloatGradientMatches(name, inputs: [a.map { $0 < 0 ? $0 - 0.05 : $0 + 0.05 }]) { weighted(f($0[0])) }
        }
        assertFloatGradientMatches("log", inputs: [positive]) { weighted(log($0[0])) }
        assertFloatGradientMatches("sqrt", inputs: [positive]) { weighted(sqrt($0[0])) }
    }

    func testEveryActivationAwayFromKinks() {
        // Inputs at least 0.05 from the kinks, so x ± h stays on one side.
        let x = testTensor([3, 4], seed: 11, gap: 0.05).map { 2 * $0 }
        for act in Activation.all where act != .heaviside {
            assertFloatGradientMatches("\(act)", inputs: [x]) { weighted($0[0].activated(act)) }
        }
    }

    func testLosses() {
        let logits = testTensor([4, 3], seed: 20)
        assertFloatGradientMatches("cross-entropy", inputs: [logits]) { Loss.crossEntropy(logits: $0[0], labels: [0, 2, 1, 2]) }
        let target = testTensor([4, 3], seed: 22)
        assertFloatGradientMatches("mean squared error", inputs: [logits, target]) { Loss.meanSquaredError($0[0], $0[1]) }
        let y = Tensor<Float>(shape: [4, 1], scalars: [1, -1, 1, -1])
        assertFloatGradientMatches("logistic", inputs: [testTensor([4, 1], seed: 21, gap: 0.1)]) { Loss.logistic($0[0], labels: .constant(y)) }
        assertFloatGradientMatches("hinge", inputs: [testTensor([4, 1], seed: 23, gap: 0.1)]) { Loss.hinge($0[0], labels: .constant(y)) }
        assertFloatGradientMatches("weight decay", inputs: [a, row]) { Loss.weightDecay($0, strength: 0.3) }
    }

    func testDenseLayersAndNetworks() {
        // The fused dense node: ReLU (away from its kink), a smooth activation, identity, NTK scales, no bias.
        let x = testTensor([5, 3], seed: 30), w = testTensor([4, 3], seed: 31), bias = testTensor([4], seed: 32)
        let outWeights = float32(testTensor([5, 4], seed: 33))
        for (act, ntk, hasBias) in [
            (Activation.relu, false, true), (.tanh, false, true), (.identity, false, true),
            (.sigmoid, true, true), (.relu, true, false),
        ] {
            let layer = Dense(
                inputs: 3, outputs: 4, activation: act, hasBias: hasBias, parametrisation: ntk ? .ntk : .standard,
                weightScale: ntk ? 0.8 : 1, biasScale: ntk ? 0.5 : 1)
            let inputs = hasBias ? [x, w, bias] : [x, w]
            // ReLU is piecewise linear: a smaller step (no truncation error to trade against) keeps
            // every pre-activation on its side of the kink — a step moves z by at most ~3h.
            let z = withoutGradients {
                Dense(
                    inputs: 3, outputs: 4, activation: .identity, hasBias: hasBias, parametrisation: .standard,
                    weightScale: layer.weightScale, biasScale: layer.biasScale
                )
                .forward(.constant(x), weight: .constant(w), bias: hasBias ? .constant(bias) : nil).value
            }
            if act == .relu { XCTAssertGreaterThan(z.scalars.map(abs).min()!, 0.01, "test data too close to the kink") }
            assertFloatGradientMatches("dense \(act) ntk \(ntk) bias \(hasBias)", inputs: inputs, h: act == .relu ? 2e-3 : 1e-2) { v in
                let out = layer.forward(v[0], weight: v[1], bias: hasBias ? v[2] : nil)
                return sum(out * .constant(outWeights))
            }
        }
        let net = MLP<Float>(widths: [3, 6, 5, 2], activation: .tanh, initialization: .xavier, seed: 2)
        let xs = Tensor<Float>(shape: [7, 3], scalars: testTensor([7, 3], seed: 6).scalars.map(Float.init))
        let params = net.parameters.map { Tensor<Double>(shape: $0.shape, scalars: $0.scalars.map(Double.init)) }
        assertFloatGradientMatches("mlp cross-entropy", inputs: params) {
            Loss.crossEntropy(logits: net.forward(.constant(xs), parameters: $0), labels: [0, 1, 1, 0, 1, 0, 0])
        }
    }
}

private extension Variable {
    /// The first 12 entries of a 4×4 variable as 3×4 (to weight with `weights`).
    func firstTwelve() -> Variable { reshaped([16]).selecting(0..<12).reshaped([3, 4]) }
}
