import Foundation
import Tensor

/// Suite `tensor`: the same workloads as `scripts/peers/tensor.py` (same sizes, same data
/// formulas), so each row compares like with like.
enum TensorSuite {
    /// Deterministic data in [-0.5, 0.5): element i is ((i·p) mod 1000)/1000 − 0.5.
    static func data<T: TensorScalar>(_ shape: [Int], _ p: Int, as _: T.Type) -> Tensor<T> {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { T(($0 * p) % 1000) / 1000 - 0.5 })
    }

    static func gemm<T: TensorScalar>(_ name: String, _ n: Int, as t: T.Type) -> BenchCase {
        let a = data([n, n], 7919, as: t), b = data([n, n], 104_729, as: t)
        let flops = 2.0 * Double(n * n * n)
        return BenchCase(suite: "tensor", name: "\(name)-\(n)", unit: "GFLOP/s", rate: { flops / $0 / 1e9 }) { _ = matmul(a, b) }
    }

    /// Elements per second for a workload on `count` elements.
    static func perElement(_ name: String, _ count: Int, _ body: @escaping () -> Void) -> BenchCase {
        BenchCase(suite: "tensor", name: name, unit: "Melem/s", rate: { Double(count) / $0 / 1e6 }, body: body)
    }

    static func cases() -> [BenchCase] {
        var out: [BenchCase] = []
        for n in [32, 64, 128, 256, 1024] { out.append(gemm("sgemm", n, as: Float.self)) }
        for n in [32, 64, 128, 256, 1024] { out.append(gemm("dgemm", n, as: Double.self)) }
        for (label, n, rows) in [("100", 100, 10), ("1e6", 1_000_000, 1000)] {
            let x = data([n], 7919, as: Float.self)
            out.append(perElement("tanh-affine-\(label)", n) { _ = tanh(x * 0.5 + 0.25) })
            out.append(perElement("sum-\(label)", n) { _ = x.sum() })
            let m = x.reshaped(rows, n / rows)
            out.append(perElement("softmax-rows-\(label)", n) { _ = m.softmax(axis: 1) })
        }
        var rng = RNG(seed: 0)
        out.append(perElement("normal-f32-1e7", 10_000_000) { _ = rng.normal([10_000_000], as: Float.self) })
        let a = data([512, 512], 7919, as: Double.self)
        let sym = a + a.T
        out.append(BenchCase(suite: "tensor", name: "svd-f64-512", unit: "calls/s", rate: { 1 / $0 }) { _ = svd(a) })
        out.append(BenchCase(suite: "tensor", name: "eigh-f64-512", unit: "calls/s", rate: { 1 / $0 }) { _ = eigh(sym) })
        // Every case runs on the available cores (FOLIO_THREADS=n sets another count); these also
        // on 2 threads and on all of them, against 1.
        out += ThreadScaling.rows(
            out, only: ["sgemm-1024", "dgemm-256", "tanh-affine-1e6", "softmax-rows-1e6", "normal-f32-1e7", "svd-f64-512", "eigh-f64-512"])
        // FOLIO_BENCH_CASES=a,b runs only those cases (and their peers): for quick iteration.
        if let only = ProcessInfo.processInfo.environment["FOLIO_BENCH_CASES"] {
            let names = Set(only.split(separator: ",").map(String.init))
            return out.filter { names.contains($0.name) }
        }
        return out
    }
}
