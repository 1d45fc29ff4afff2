import Tensor

/// Suite `tensor`: the same workloads as `scripts/peers/tensor.py`.
enum TensorSuite {
    static func cases() -> [BenchCase] {
        [1024].map { n in
            let a = Tensor<Float>(shape: [n, n], scalars: (0..<n * n).map { Float(($0 * 7919) % 1000) / 1000 - 0.5 })
            let b = Tensor<Float>(shape: [n, n], scalars: (0..<n * n).map { Float(($0 * 104729) % 1000) / 1000 - 0.5 })
            let flops = 2.0 * Double(n * n * n)
            return BenchCase(suite: "tensor", name: "sgemm-\(n)", unit: "GFLOP/s",
                             rate: { flops / $0 / 1e9 }) { _ = matmul(a, b) }
        }
    }
}
