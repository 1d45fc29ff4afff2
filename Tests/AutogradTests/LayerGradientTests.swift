import XCTest
import Tensor
@testable import Autograd

/// Gradients of the new operations and layers against central finite differences in f64, and
/// second derivatives (Hessian-vector products) through softmax and standardisation.
private func weighted(_ y: Variable<Double>, seed: UInt64) -> Variable<Double> { sum(y * .constant(testTensor(y.shape, seed: seed))) }

final class LayerGradientTests: XCTestCase {
    func testSoftmaxMaskingAndMoves() {
        let x = testTensor([3, 4, 5], seed: 1)
        for axis in [0, 1, -1] {
            assertGradientMatches("softmax \(axis)", inputs: [x]) { weighted($0[0].softmax(alongAxis: axis), seed: 2) }
            assertGradientMatches("logSoftmax \(axis)", inputs: [x]) { weighted($0[0].logSoftmax(alongAxis: axis), seed: 3) }
        }
        let mask = Tensor<Double>(shape: [1, 4, 5], scalars: (0..<20).map { $0 % 5 > $0 / 5 ? 1 : 0 })
        assertGradientMatches("masked softmax", inputs: [x]) { weighted($0[0].masked(where: mask, fill: -.infinity).softmax(), seed: 4) }
        assertGradientMatches("sliced", inputs: [x]) { weighted(square($0[0].sliced(1..<3, axis: 1)), seed: 5) }
        assertGradientMatches("permuted", inputs: [x]) { weighted(square($0[0].permuted([2, 0, 1])), seed: 6) }
        let y = testTensor([3, 2, 5], seed: 7)
        assertGradientMatches("concatenate", inputs: [x, y]) { weighted(square(concatenate([$0[0], $0[1], $0[0]], axis: 1)), seed: 8) }
        assertGradientMatches("stack", inputs: [x, x]) { weighted(square(stack([$0[0], $0[1]], axis: 2)), seed: 9) }
    }

    func testBatchedMatmulInEveryTransposition() {
        let a = testTensor([3, 4, 5], seed: 1), b = testTensor([3, 5, 2], seed: 2)
        let at = testTensor([3, 5, 4], seed: 3), bt = testTensor([3, 2, 5], seed: 4)
        assertGradientMatches("nn", inputs: [a, b]) { weighted(batchedMatmul($0[0], $0[1]), seed: 5) }
        assertGradientMatches("nt", inputs: [a, bt]) { weighted(batchedMatmul($0[0], $0[1], transposingB: true), seed: 6) }
        assertGradientMatches("tn", inputs: [at, b]) { weighted(batchedMatmul($0[0], $0[1], transposingA: true), seed: 7) }
        assertGradientMatches("tt", inputs: [at, bt]) { weighted(batchedMatmul($0[0], $0[1], transposingA: true, transposingB: true), seed: 8) }
        // Values: each batch entry is Tensor's 2-D matmul.
        let c = batchedMatmul(Variable.constant(a), .constant(b)).value
        for i in 0..<3 {
            let ref = matmul(a.select(i, axis: 0), b.select(i, axis: 0))
            XCTAssertEqual(c.select(i, axis: 0), ref)
        }
    }

    func testStatisticsAndNormalisationLayers() {
        let x = testTensor([5, 3, 2], seed: 1)
        assertGradientMatches("variance", inputs: [x]) { weighted($0[0].variance(alongAxes: [0, 2]), seed: 2) }
        assertGradientMatches("standardized", inputs: [x]) { weighted($0[0].standardized(alongAxes: [0, 2], eps: 1e-3), seed: 3) }
        let bn = BatchNorm<Double>(features: 3)
        let gb = [testTensor([3], seed: 4), testTensor([3], seed: 5)]
        assertGradientMatches("BatchNorm training", inputs: [x] + gb) { weighted(square(bn.forward($0[0], parameters: Array($0[1...]))), seed: 6) }
        var frozen = BatchNorm<Double>(features: 3)
        frozen.isTraining = false
        assertGradientMatches("BatchNorm evaluation", inputs: [x] + gb) { weighted(square(frozen.forward($0[0], parameters: Array($0[1...]))), seed: 7) }
        let ln = LayerNorm<Double>(shape: [3, 2])
        let gl = [testTensor([3, 2], seed: 8), testTensor([3, 2], seed: 9)]
        assertGradientMatches("LayerNorm", inputs: [x] + gl) { weighted(square(ln.forward($0[0], parameters: Array($0[1...]))), seed: 10) }
    }

    func testAttentionEmbeddingAndRecurrentCells() {
        let attention = Attention<Double>(embedDimension: 6, heads: 2, causal: true, seed: 1)
        let x = testTensor([2, 4, 6], seed: 2)
        let p = attention.parameters.enumerated().map { i, t in t + 0.1 * testTensor(t.shape, seed: 20 + UInt64(i)) }
        assertGradientMatches("attention", inputs: [x] + p) { weighted(attention.forward($0[0], parameters: Array($0[1...])), seed: 3) }
        let embed = Embedding<Double>(count: 4, dimension: 3)
        let ids = IntTensor(shape: [2, 3], scalars: [1, 3, 1, 0, 1, 2])
        assertGradientMatches("embedding", inputs: embed.parameters) { weighted(square(embed.lookup(ids, weight: $0[0])), seed: 4) }
        let seq = testTensor([2, 3, 2], seed: 5)
        let cells: [any RecurrentCell<Double>] = [
            RNNCell(inputSize: 2, hiddenSize: 3, seed: 1), LSTMCell(inputSize: 2, hiddenSize: 3, seed: 2), GRUCell(inputSize: 2, hiddenSize: 3, seed: 3),
        ]
        for cell in cells {
            assertGradientMatches("\(type(of: cell))", inputs: [seq] + cell.parameters) { weighted(cell.forward($0[0], parameters: Array($0[1...])), seed: 6) }
        }
    }

    func testSequentialGradientIsTheConcatenationOfItsLayers() {
        let net = Sequential<Double>([
            DenseLayer(inputs: 3, outputs: 4, activation: .tanh, seed: 1), LayerNorm(shape: [4]),
            MLP(widths: [4, 5, 2], activation: .tanh, seed: 2),
        ])
        let x = testTensor([6, 3], seed: 3)
        assertGradientMatches("sequential", inputs: net.parameters) { weighted(net.forward(.constant(x), parameters: $0), seed: 4) }
    }

    /// H·v through softmax and standardisation (double backward) against differences of gradients.
    func testHessianVectorProductsThroughSoftmaxAndStandardisation() {
        let x = testTensor([4, 5], seed: 1), v = testTensor([4, 5], seed: 2)
        let losses: [(String, (Variable<Double>) -> Variable<Double>)] = [
            ("softmax", { weighted(square($0.softmax(alongAxis: 1)), seed: 3) }),
            ("standardized", { weighted(square($0.standardized(alongAxes: [0], eps: 1e-2)), seed: 4) }),
        ]
        for (name, loss) in losses {
            let leaf = Variable(x)
            let g = Backward.gradients(of: loss(leaf), wrt: [leaf], createGraph: true)[0]
            let hv = Backward.gradients(of: sum(g * .constant(v)), wrt: [leaf])[0].value
            func gradient(at t: Tensor<Double>) -> Tensor<Double> {
                let l = Variable(t)
                return Backward.gradients(of: loss(l), wrt: [l])[0].value
            }
            let h = 1e-5
            let numeric = (gradient(at: x + h * v) - gradient(at: x - h * v)) / (2 * h)
            for (a, b) in zip(hv.scalars, numeric.scalars) { XCTAssertEqual(a, b, accuracy: 1e-7 * max(1, abs(b)), name) }
        }
    }
}
