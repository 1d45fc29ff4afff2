import Autograd
import Foundation
import Tensor

/// Suite `autograd`: one training step (forward, backward, gradient-descent update) of an MLP,
/// the same networks and batch sizes as `scripts/peers/autograd.py` (NumPy with hand-written
/// gradients, PyTorch eager, JAX jit — whichever are installed). Then Folio-only ratios for the
/// same nets against their bounds: backward / forward time ≤ 3, Hessian-vector product ≤ 5×
/// a forward pass.
enum AutogradSuite {
    static func data(_ shape: [Int], _ p: Int) -> Tensor<Float> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float(($0 * p) % 1000) / 1000 - 0.5 })
    }

    /// A net with its batch and loss as a function of the parameters.
    struct Workload {
        var name: String
        var net: MLP<Float>
        var loss: ([Variable<Float>]) -> Variable<Float>
    }

    /// Cross-entropy of a classifier (widths end in the class count).
    static func classifier(_ widths: [Int], batch: Int) -> Workload {
        let net = MLP<Float>(widths: widths, activation: .relu, seed: 1)
        let x = data([batch, widths[0]], 7919)
        let labels = (0..<batch).map { $0 % widths.last! }
        return Workload(name: name(widths, batch), net: net) { theta in
            Loss.crossEntropy(logits: net.forward(.constant(x), parameters: theta), labels: labels)
        }
    }

    /// Mean squared error of a small regression net (overhead-bound).
    static func regression(_ widths: [Int], batch: Int) -> Workload {
        let net = MLP<Float>(widths: widths, activation: .relu, seed: 1)
        let x = data([batch, widths[0]], 7919), y = data([batch, widths.last!], 104_729)
        return Workload(name: name(widths, batch), net: net) { theta in
            Loss.meanSquaredError(net.forward(.constant(x), parameters: theta), .constant(y))
        }
    }

    static func name(_ widths: [Int], _ batch: Int) -> String { "mlp-" + widths.map(String.init).joined(separator: "-") + "-b\(batch)" }

    /// One training step; the loss closure reads the parameters it is given, so updating the
    /// net's copy is the step (the peers update theirs in place too).
    static func trainingStep(_ w: Workload) -> BenchCase {
        var parameters = w.net.parameters
        var opt = Optimizer<Float>(.gradientDescent, learningRate: 0.01)
        return BenchCase(suite: "autograd", name: w.name, unit: "steps/s", rate: { 1 / $0 }) {
            let g = valueAndGradient(at: parameters, w.loss).gradient
            opt.update(&parameters, gradients: g)
        }
    }

    /// The forward pass that both ratios divide by: the loss, recorded for differentiation.
    static func forward(_ w: Workload) -> () -> Void {
        { _ = w.loss(w.net.parameters.map { Variable($0) }) }
    }

    /// Backward pass alone (on a recorded graph, which it leaves intact) over the forward pass.
    static func backwardOverForward(_ w: Workload) -> BenchCase {
        let theta = w.net.parameters.map { Variable($0) }
        let loss = w.loss(theta)
        return BenchCase(
            suite: "autograd", name: "backward/forward " + w.name, unit: "ratio", rate: { $0 },
            body: { _ = Backward.gradients(of: loss, wrt: theta) }, baseline: forward(w), bound: 3)
    }

    /// A whole Hessian-vector product (forward, backward with graph, second backward) over the forward pass.
    static func hvpOverForward(_ w: Workload) -> BenchCase {
        let v = w.net.parameters.enumerated().map { k, p in data(p.shape, 31 + 2 * k) }
        return BenchCase(
            suite: "autograd", name: "hvp/forward " + w.name, unit: "ratio", rate: { $0 },
            body: { _ = Curvature.hessianVectorProduct(at: w.net.parameters, direction: v, w.loss) },
            baseline: forward(w), bound: 5)
    }

    /// A full Hessian (N = 30 parameters, f64, as the new user's notebook) over its N separate
    /// Hessian-vector products with the unit vectors: it computes the same rows, so it must not
    /// cost more (bound 1).
    static func hessianOverHVPs() -> BenchCase {
        let net = MLP<Double>(widths: [2, 5, 2, 1], activation: .tanh, seed: 1)
        let x = Tensor<Double>(shape: [16, 2], scalars: (0..<32).map { Double(($0 * 7919) % 1000) / 1000 - 0.5 })
        let y = Tensor<Double>(shape: [16, 1], scalars: (0..<16).map { Double(($0 * 104_729) % 1000) / 1000 - 0.5 })
        let shapes = net.parameters
        func loss(_ flat: Variable<Double>) -> Variable<Double> {
            Loss.meanSquaredError(net.forward(.constant(x), parameters: ParameterVector.unflatten(flat, like: shapes)), .constant(y))
        }
        let theta = net.flatParameters, p = theta.count
        let units = (0..<p).map { i in Tensor<Double>(shape: [p], scalars: (0..<p).map { $0 == i ? 1 : 0 }) }
        return BenchCase(
            suite: "autograd", name: "hessian/\(p) hvps mlp-2-5-2-1-b16", unit: "ratio", rate: { $0 },
            body: { _ = Curvature.hessian(at: theta, loss) },
            baseline: { for e in units { _ = Curvature.hessianVectorProduct(at: [theta], direction: [e]) { loss($0[0]) } } },
            bound: 1)
    }

    static func cases() -> [BenchCase] {
        let nets = [classifier([784, 256, 256, 10], batch: 128), regression([2, 16, 16, 1], batch: 32)]
        let all =
            nets.map(trainingStep) + nets.map(backwardOverForward) + nets.map(hvpOverForward) + [hessianOverHVPs()]
        // AUTOGRAD_ONLY=prefix runs only the cases whose name starts with it (for profiling one workload).
        let env = ProcessInfo.processInfo.environment
        let chosen = env["AUTOGRAD_ONLY"].map { only in all.filter { $0.name.hasPrefix(only) } } ?? all
        // AUTOGRAD_ITERATIONS=n runs each chosen body n times and exits, without peers or timing
        // loops: a fixed amount of work for `perf stat` / `perf record` to compare builds by.
        if let n = env["AUTOGRAD_ITERATIONS"].flatMap(Int.init) { runFixed(chosen, iterations: n) }
        return chosen
    }

    /// Runs each case's body `iterations` times (one untimed warm-up first), prints the seconds
    /// per call, and ends the process.
    static func runFixed(_ cases: [BenchCase], iterations: Int) -> Never {
        let env = ProcessInfo.processInfo.environment
        // CPU time beside wall time: on a loaded machine (other builds) CPU time of a one-thread
        // run (FOLIO_THREADS=1) is the steadier measure of work.
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        func run(_ name: String, _ body: () -> Void) {
            body()
            let (start, cpu) = (DispatchTime.now().uptimeNanoseconds, cpuSeconds())
            for _ in 0..<iterations { body() }
            let calls = Double(max(iterations, 1))
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / calls
            let used = (cpuSeconds() - cpu) / calls
            print("\(name)\t\(String(format: "%.1f", wall * 1e6)) µs/call wall\t\(String(format: "%.1f", used * 1e6)) µs/call CPU")
        }
        for c in cases {
            run(c.name, c.body)
            if let baseline = c.baseline, env["AUTOGRAD_BASELINE"] != nil { run(c.name + " (baseline)", baseline) }
        }
        exit(0)
    }
}
