import XCTest
import Tensor
@testable import Autograd

/// The layers' values against NumPy implementations of PyTorch's equations, in f64 to 1e-12.
final class LayerReferenceTests: XCTestCase {
    func values(_ v: Variable<Double>) -> [Double] { v.value.scalars }

    func assertClose(_ a: [Double], _ b: [Double], _ name: String, tolerance: Double = 1e-12, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, name, line: line)
        let worst = zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, tolerance, "\(name): largest relative difference \(worst)", line: line)
    }

    func testSoftmaxAlongEachAxis() throws {
        let x = 3 * testTensor([3, 4, 5], seed: 1)
        for axis in 0..<3 {
            let ours = Variable.constant(x).softmax(alongAxis: axis)
            let ref = try numpyReference("e = np.exp(x - x.max(axis=\(axis), keepdims=True)); out = e / e.sum(axis=\(axis), keepdims=True)", ["x": x])
            assertClose(values(ours), ref, "softmax axis \(axis)")
            let logs = Variable.constant(x).logSoftmax(alongAxis: axis)
            assertClose(values(logs), ref.map { Foundation.log($0) }, "logSoftmax axis \(axis)")
        }
    }

    func testBatchNormTrainingEvaluationAndRunningStatistics() throws {
        let x = testTensor([6, 3, 4], seed: 2), x2 = 2 * testTensor([6, 3, 4], seed: 3) + 0.5
        let gamma = testTensor([3], seed: 4), beta = testTensor([3], seed: 5)
        var bn = BatchNorm<Double>(features: 3, eps: 1e-5, momentum: 0.1)
        bn.parameters = [gamma, beta]
        let theta = [Variable.constant(gamma), .constant(beta)]
        let y1 = bn.forward(.constant(x), parameters: theta)
        _ = bn.forward(.constant(x2), parameters: theta)
        bn.isTraining = false
        let evaluated = bn.forward(.constant(x), parameters: theta)
        let common = """
            def train(x): return (x - x.mean(axis=(0, 2), keepdims=True)) / np.sqrt(x.var(axis=(0, 2), keepdims=True) + 1e-5) * g.reshape(1, 3, 1) + b.reshape(1, 3, 1)
            rm, rv = np.zeros(3), np.ones(3)
            for batch in (x, x2):
                rm = 0.9 * rm + 0.1 * batch.mean(axis=(0, 2))
                rv = 0.9 * rv + 0.1 * batch.var(axis=(0, 2), ddof=1)
            """
        let inputs = ["x": x, "x2": x2, "g": gamma, "b": beta]
        assertClose(values(y1), try numpyReference(common + "\nout = train(x)", inputs), "training forward")
        assertClose(bn.runningMean.scalars, try numpyReference(common + "\nout = rm", inputs), "running mean")
        assertClose(bn.runningVariance.scalars, try numpyReference(common + "\nout = rv", inputs), "running variance (unbiased)")
        let evalRef = try numpyReference(
            common + "\nout = (x - rm.reshape(1, 3, 1)) / np.sqrt(rv.reshape(1, 3, 1) + 1e-5) * g.reshape(1, 3, 1) + b.reshape(1, 3, 1)", inputs)
        assertClose(values(evaluated), evalRef, "evaluation forward")
        XCTAssertEqual(bn.batchesTracked, 2)
    }

    func testLayerNorm() throws {
        let x = testTensor([2, 3, 4], seed: 6), gamma = testTensor([3, 4], seed: 7), beta = testTensor([3, 4], seed: 8)
        let ln = LayerNorm<Double>(shape: [3, 4], eps: 1e-5)
        let y = ln.forward(.constant(x), parameters: [.constant(gamma), .constant(beta)])
        let ref = try numpyReference(
            "m = x.mean(axis=(1, 2), keepdims=True); v = x.var(axis=(1, 2), keepdims=True); out = (x - m) / np.sqrt(v + 1e-5) * g + b",
            ["x": x, "g": gamma, "b": beta])
        assertClose(values(y), ref, "layer norm")
    }

    /// NumPy's multi-head attention, written from PyTorch's documented equations.
    let attentionReference = """
        def attention(q_in, k_in, v_in, heads, causal):
            B, L, E = q_in.shape; S = k_in.shape[1]; d = E // heads
            def proj(x, i): return x @ w_in[i*E:(i+1)*E].T + b_in[i*E:(i+1)*E]
            def split(x): return x.reshape(B, x.shape[1], heads, d).transpose(0, 2, 1, 3)
            q, k, v = split(proj(q_in, 0)), split(proj(k_in, 1)), split(proj(v_in, 2))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
            if causal: s = np.where(np.triu(np.ones((L, S)), 1) == 1, -np.inf, s)
            p = np.exp(s - s.max(axis=-1, keepdims=True)); p = p / p.sum(axis=-1, keepdims=True)
            o = (p @ v).transpose(0, 2, 1, 3).reshape(B, L, E)
            return o @ w_out.T + b_out
        """

    func testAttentionSelfCausalAndCross() throws {
        let e = 8
        var layer = Attention<Double>(embedDimension: e, heads: 2, causal: false, seed: 3)
        layer.parameters = [testTensor([3 * e, e], seed: 9), testTensor([3 * e], seed: 10), testTensor([e, e], seed: 11), testTensor([e], seed: 12)]
        let x = testTensor([2, 5, e], seed: 13), memory = testTensor([2, 7, e], seed: 14)
        let inputs = [
            "x": x, "mem": memory, "w_in": layer.parameters[0], "b_in": layer.parameters[1], "w_out": layer.parameters[2], "b_out": layer.parameters[3],
        ]
        let theta = layer.parameters.map(Variable.constant)
        assertClose(
            values(layer.forward(.constant(x), parameters: theta)), try numpyReference(attentionReference + "\nout = attention(x, x, x, 2, False)", inputs),
            "self-attention")
        let causal = Attention<Double>(embedDimension: e, heads: 2, causal: true, seed: 3)
        assertClose(
            values(causal.forward(.constant(x), parameters: theta)), try numpyReference(attentionReference + "\nout = attention(x, x, x, 2, True)", inputs),
            "causal")
        let cross = layer.forward(query: .constant(x), key: .constant(memory), value: .constant(memory), parameters: theta)
        assertClose(values(cross), try numpyReference(attentionReference + "\nout = attention(x, mem, mem, 2, False)", inputs), "cross-attention")
        // Causality: changing the last position changes no earlier output.
        var later = x.scalars
        for i in 4 * e..<5 * e { later[i] += 1 }
        let moved = causal.forward(.constant(Tensor(shape: x.shape, scalars: later)), parameters: theta).value
        let base = causal.forward(.constant(x), parameters: theta).value
        for b in 0..<2 {
            for i in 0..<(4 * e) { XCTAssertEqual(moved.scalars[b * 5 * e + i], base.scalars[b * 5 * e + i]) }
        }
    }

    /// NumPy's RNN, LSTM and GRU cells unrolled, from PyTorch's documented equations.
    let recurrentReference = """
        sig = lambda z: 1 / (1 + np.exp(-z))
        def run(kind, x, H):
            B, T, _ = x.shape; h = np.zeros((B, H)); c = np.zeros((B, H)); outs = []
            for t in range(T):
                gi = x[:, t] @ wih.T + bih; gh = h @ whh.T + bhh
                if kind == 'rnn': h = np.tanh(gi + gh)
                elif kind == 'lstm':
                    s = gi + gh; i, f, g, o = sig(s[:, :H]), sig(s[:, H:2*H]), np.tanh(s[:, 2*H:3*H]), sig(s[:, 3*H:])
                    c = f * c + i * g; h = o * np.tanh(c)
                else:
                    r = sig(gi[:, :H] + gh[:, :H]); z = sig(gi[:, H:2*H] + gh[:, H:2*H])
                    n = np.tanh(gi[:, 2*H:] + r * gh[:, 2*H:]); h = (1 - z) * n + z * h
                outs.append(h)
            return np.stack(outs, axis=1), c
        """

    func testRecurrentCellsUnrolled() throws {
        let (i, h) = (3, 4)
        let x = testTensor([2, 5, i], seed: 15)
        let cells: [(String, any RecurrentCell<Double>)] = [
            ("rnn", RNNCell<Double>(inputSize: i, hiddenSize: h, seed: 1)),
            ("lstm", LSTMCell<Double>(inputSize: i, hiddenSize: h, seed: 2)),
            ("gru", GRUCell<Double>(inputSize: i, hiddenSize: h, seed: 3)),
        ]
        for (kind, cell) in cells {
            let p = cell.parameters
            let inputs = ["x": x, "wih": p[0], "whh": p[1], "bih": p[2], "bhh": p[3]]
            let ours = cell.forward(.constant(x), parameters: p.map(Variable.constant))
            XCTAssertEqual(ours.shape, [2, 5, h])
            assertClose(values(ours), try numpyReference(recurrentReference + "\nout = run('\(kind)', x, \(h))[0]", inputs), kind)
        }
        let lstm = LSTMCell<Double>(inputSize: i, hiddenSize: h, seed: 2)
        let p = lstm.parameters
        let final = unroll(lstm, .constant(x), parameters: p.map(Variable.constant)).state
        let ref = try numpyReference(recurrentReference + "\nout = run('lstm', x, \(h))[1]", ["x": x, "wih": p[0], "whh": p[1], "bih": p[2], "bhh": p[3]])
        assertClose(values(final[1]), ref, "LSTM cell state")
    }

    func testEmbeddingLooksUpRows() {
        let table = Embedding<Double>(count: 5, dimension: 3, seed: 4)
        let ids = IntTensor(shape: [2, 3], scalars: [4, 0, 4, 2, 1, 3])
        let out = table.lookup(ids, weight: .constant(table.parameters[0]))
        XCTAssertEqual(out.shape, [2, 3, 3])
        for (k, id) in ids.scalars.enumerated() {
            XCTAssertEqual(Array(out.value.scalars[3 * k..<3 * k + 3]), Array(table.parameters[0].scalars[3 * id..<3 * id + 3]))
        }
        // The Layer form reads whole-number indices from a variable.
        let viaLayer = table.forward(.constant(Tensor(shape: [2, 3], scalars: ids.scalars.map(Double.init))), parameters: [.constant(table.parameters[0])])
        XCTAssertEqual(viaLayer.value, out.value)
    }
}
