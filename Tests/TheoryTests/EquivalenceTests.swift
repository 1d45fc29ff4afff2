import XCTest
import Tensor
import Autograd
@testable import Theory

final class EquivalenceTests: XCTestCase {
    let inputs = Tensor<Double>(
        shape: [10_000, 3],
        scalars: {
            var g = SplitMix64(seed: 42)
            return (0..<30_000).map { _ in Double(g.next() >> 11) / Double(1 << 53) * 4 - 2 }
        }())

    func gaps(_ activation: Activation) -> (signFlip: Double, scaling: Double, permutation: Double) {
        let net = MLP<Double>(widths: [3, 5, 4, 2], activation: activation, initialization: .normal(weightVariance: 2, biasVariance: 0.5), seed: 9)
        let flipped = Equivalence.signFlip(net, layer: 1, unit: 2)
        let scaled = Equivalence.scale(net, layer: 2, unit: 1, by: 3.7)
        let permuted = Equivalence.permute(net, layer: 1, by: [4, 2, 0, 1, 3])
        return (
            Equivalence.maxDifference(net, flipped, on: inputs), Equivalence.maxDifference(net, scaled, on: inputs),
            Equivalence.maxDifference(net, permuted, on: inputs)
        )
    }

    func testInvarianceTableOfTheReferences() {
        // Expected (sign flip, scaling, permutation): sigmoid ✗ ✗ ✓, tanh ✓ ✗ ✓, ReLU ✗ ✓ ✓, leaky ReLU ✗ ✓ ✓.
        let expected: [(Activation, Bool, Bool, Bool)] = [
            (.sigmoid, false, false, true), (.tanh, true, false, true),
            (.relu, false, true, true), (.leakyReLU(slope: 0.1), false, true, true),
        ]
        for (act, flip, scale, perm) in expected {
            let g = gaps(act)
            for (holds, gap, name) in [(flip, g.signFlip, "sign flip"), (scale, g.scaling, "scaling"), (perm, g.permutation, "permutation")] {
                if holds { XCTAssertLessThanOrEqual(gap, 1e-12, "\(act) \(name)") } else { XCTAssertGreaterThan(gap, 1e-3, "\(act) \(name)") }
            }
        }
    }

    func testSigmoidSignFlipHoldsUpToAnOutputBiasShift() {
        let net = MLP<Double>(widths: [3, 5, 1], activation: .sigmoid, seed: 2)
        let compensated = Equivalence.signFlip(net, layer: 1, unit: 3, compensateBias: true)
        XCTAssertLessThanOrEqual(Equivalence.maxDifference(net, compensated, on: inputs), 1e-12)
    }

    func testCanonicalisationSortsBiasesAndKeepsTheFunction() {
        let net = MLP<Double>(widths: [3, 6, 6, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 1), seed: 4)
        let canon = Equivalence.canonicalised(net)
        for k in [1, 3] { XCTAssertEqual(canon.parameters[k].scalars, canon.parameters[k].scalars.sorted(by: >)) }
        XCTAssertLessThanOrEqual(Equivalence.maxDifference(net, canon, on: inputs), 1e-12)
        // Canonicalising a permuted copy gives the same parameters.
        let shuffled = Equivalence.permute(net, layer: 1, by: [5, 3, 1, 0, 2, 4])
        XCTAssertEqual(Equivalence.canonicalised(shuffled).parameters, canon.parameters)
    }

    func testCoveringBoundReferenceValues() {
        XCTAssertEqual(CoveringBounds.log10Factorial(128), 215.59, accuracy: 0.005)
        XCTAssertEqual(CoveringBounds.parameterCount(inputs: 10, width: 128), 1537)
        let without = CoveringBounds.log10Shallow(
            inputs: 10, width: 128, weightBound: 1, inputBound: 1, lipschitz: 1, epsilon: 0.01, permutationDiscount: false)
        let with = CoveringBounds.log10Shallow(inputs: 10, width: 128, weightBound: 1, inputBound: 1, lipschitz: 1, epsilon: 0.01, permutationDiscount: true)
        XCTAssertEqual(without, 9394.7, accuracy: 0.05)
        XCTAssertEqual(with, 9179.1, accuracy: 0.05)
    }
}
