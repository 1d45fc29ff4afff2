import Autograd
import Foundation
import Tensor
import Theory

/// Suite `theory`: the deep-learning-theory probes on the workloads of issue 9, the same sizes as
/// `scripts/peers/theory.py` (NumPy, PyTorch CPU — whichever are installed).
enum TheorySuite {
    static func data(_ shape: [Int], _ p: Int) -> Tensor<Float> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float(($0 * p) % 1000) / 1000 - 0.5 })
    }

    /// Lengths per layer of a 10 000-point circle through a 20-layer width-100 ReLU net (f32).
    static func trajectory(nets count: Int) -> BenchCase {
        let widths = [2] + Array(repeating: 100, count: 20)
        let nets = (0..<count).map { MLP<Float>(widths: widths, activation: .relu, outputActivation: .relu, seed: UInt64($0 + 1)) }
        let circle = Curves.circle(points: 10_000, as: Float.self)
        let name = count == 1 ? "trajectory-circle10000-20x100" : "trajectory-circle10000-20x100-batch\(count)"
        return BenchCase(suite: "theory", name: name, unit: "calls/s", rate: { 1 / $0 }) {
            if count == 1 {
                _ = TrajectoryLength.measure(nets[0], along: circle, closed: true)
            } else {
                _ = TrajectoryLength.measure(nets, along: circle, closed: true)
            }
        }
    }

    /// A (grid × grid) loss surface along two filter-normalised directions (f32).
    static func landscape(_ widths: [Int], samples: Int, grid: Int) -> BenchCase {
        let net = MLP<Float>(widths: widths, activation: .relu, seed: 1)
        let x = data([samples, widths[0]], 7919)
        let classes = widths.last!
        let land: LossLandscape<Float>
        if classes > 1 {
            var onehot = [Float](repeating: 0, count: samples * classes)
            for i in 0..<samples { onehot[i * classes + i % classes] = 1 }
            land = LossLandscape(net, x: x, y: Tensor(shape: [samples, classes], scalars: onehot), objective: .crossEntropy)
        } else {
            land = LossLandscape(net, x: x, y: data([samples, 1], 104_729), objective: .meanSquaredError)
        }
        let d1 = Directions.random(like: net.parameters, normalisation: .filter, seed: 2)
        let d2 = Directions.random(like: net.parameters, normalisation: .filter, seed: 3)
        let axis = LossLandscape<Float>.grid(span: 1, count: grid)
        let name = "landscape-" + widths.map(String.init).joined(separator: "-") + "-n\(samples)-\(grid)x\(grid)"
        return BenchCase(suite: "theory", name: name, unit: "surfaces/s", rate: { 1 / $0 }) {
            _ = land.surface(d1, d2, alphas: axis, betas: axis)
        }
    }

    /// Distinct activation patterns of a 2-32-32-32-1 ReLU net (the activation-regions notebook's
    /// initialisation) on a 1024² grid over [−2, 2]², in f64.
    static func regions() -> BenchCase {
        let net = MLP<Double>(
            widths: [2, 32, 32, 32, 1], activation: .relu,
            initialization: .normal(weightVariance: 2, biasVariance: 0.01), seed: 1)
        let grid = ActivationRegions.grid(resolution: 1024, lo: -2, hi: 2)
        return BenchCase(suite: "theory", name: "regions-2-32-32-32-1-1024x1024", unit: "calls/s", rate: { 1 / $0 }) {
            _ = ActivationRegions(net, points: grid).count
        }
    }

    /// All cases, or those whose names contain one of the comma-separated words of
    /// FOLIO_BENCH_THEORY (e.g. `FOLIO_BENCH_THEORY=regions`), to time one probe with its peers.
    static func cases() -> [BenchCase] {
        var all = [
            trajectory(nets: 1), trajectory(nets: 32),
            landscape([784, 100, 10], samples: 10_000, grid: 51), landscape([2, 64, 64, 1], samples: 1000, grid: 101),
            regions(),
        ]
        all += ThreadScaling.rows(all, only: Set(all.map(\.name)))  // each on 2 and all threads, against 1
        guard let filter = ProcessInfo.processInfo.environment["FOLIO_BENCH_THEORY"] else { return all }
        let words = filter.split(separator: ",").map(String.init)
        return all.filter { c in words.contains { c.name.contains($0) } }
    }
}
