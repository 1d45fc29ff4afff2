import XCTest
import Tensor
@testable import Autograd

/// Central finite differences of a scalar function of several tensors.
func finiteDifferenceGradient(_ f: ([Tensor<Double>]) -> Double, at inputs: [Tensor<Double>], h: Double = 1e-5) -> [Tensor<Double>] {
    inputs.indices.map { k in
        Tensor(
            shape: inputs[k].shape,
            scalars: inputs[k].scalars.indices.map { i in
                var plus = inputs, minus = inputs
                var p = inputs[k].scalars, m = inputs[k].scalars
                p[i] += h; m[i] -= h
                plus[k] = Tensor(shape: inputs[k].shape, scalars: p)
                minus[k] = Tensor(shape: inputs[k].shape, scalars: m)
                return (f(plus) - f(minus)) / (2 * h)
            })
    }
}

/// Asserts that reverse mode agrees with finite differences to `tolerance` (relative to max(1, |g|)).
func assertGradientMatches(
    _ name: String, inputs: [Tensor<Double>], tolerance: Double = 1e-8,
    file: StaticString = #filePath, line: UInt = #line,
    _ f: @escaping ([Variable<Double>]) -> Variable<Double>
) {
    let (_, analytic) = valueAndGradient(at: inputs, f)
    let numeric = finiteDifferenceGradient({ ts in withoutGradients { f(ts.map(Variable.constant)).value.scalars[0] } }, at: inputs)
    for (a, n) in zip(analytic, numeric) {
        XCTAssertEqual(a.shape, n.shape, name, file: file, line: line)
        for (x, y) in zip(a.scalars, n.scalars) {
            XCTAssertEqual(x, y, accuracy: tolerance * max(1, abs(y)), "\(name): \(a.scalars) vs \(n.scalars)", file: file, line: line)
        }
    }
}

/// Deterministic test data in (−1, 1) (away from 0 by at least `gap` when asked, to avoid kinks).
func testTensor(_ shape: [Int], seed: UInt64, gap: Double = 0) -> Tensor<Double> {
    var g = SplitMix64(seed: seed)
    let n = shape.reduce(1, *)
    return Tensor(
        shape: shape,
        scalars: (0..<n).map { _ in
            let u = Double(g.next() >> 11) / Double(1 << 53) * 2 - 1
            return u >= 0 ? gap + u * (1 - gap) : -gap + u * (1 - gap)
        })
}

/// The same values in f32.
func float32(_ t: Tensor<Double>) -> Tensor<Float> { Tensor(shape: t.shape, scalars: t.scalars.map(Float.init)) }
