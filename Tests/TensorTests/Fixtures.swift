import Foundation
@testable import Tensor

/// Deterministic values in [-1, 1] from an LCG, independent of the RNG under test.
func lcgValues(_ n: Int, seed: UInt64) -> [Double] {
    var s = seed &* 6364136223846793005 &+ 1442695040888963407
    return (0..<n).map { _ in
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return Double(s >> 11) / Double(1 << 53) * 2 - 1
    }
}

func lcgTensor(_ shape: [Int], seed: UInt64) -> Tensor<Double> {
    Tensor(shape: shape, scalars: lcgValues(shape.reduce(1, *), seed: seed))
}

/// Largest absolute elementwise difference (shapes must match).
func maxDiff<T>(_ a: Tensor<T>, _ b: Tensor<T>) -> Double {
    precondition(a.shape == b.shape, "maxDiff: \(a.shape) vs \(b.shape)")
    return zip(a.scalars, b.scalars).map { Swift.abs(Double($0) - Double($1)) }.max() ?? 0
}
