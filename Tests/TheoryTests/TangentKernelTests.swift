import Autograd
import Tensor
@testable import Theory
import XCTest

/// The layer-wise tangent kernel must equal J·Jᵀ from per-example Jacobians.
final class TangentKernelTests: XCTestCase {
    func maxRelativeDifference(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Double {
        let scale = b.scalars.map(abs).max()!
        return zip(a.scalars, b.scalars).map { abs($0 - $1) }.max()! / scale
    }

    func testGramEqualsJacobianProductInBothParametrisations() {
        let x = Tensor<Double>(shape: [5, 2], scalars: [0.3, -1, 1.2, 0.4, -0.7, 0.9, 0.05, 0.2, -1.1, -0.6])
        for (parametrisation, activation) in [(Parametrisation.ntk, Activation.relu), (.standard, .tanh), (.ntk, .erf)] {
            let net = MLP<Double>(
                widths: [2, 7, 5, 1], activation: activation,
                initialization: .normal(weightVariance: 2, biasVariance: 0.1),
                parametrisation: parametrisation, seed: 3)
            let j = net.parameterJacobian(x)
            let reference = matmul(j, j.transposed())
            let kernel = TangentKernel.gram(net, x)
            XCTAssertEqual(kernel.shape, [5, 5])
            XCTAssertLessThan(maxRelativeDifference(kernel, reference), 1e-13, "\(parametrisation) \(activation)")
        }
    }

    func testCrossKernelWithoutBiasesAndWithOutputActivation() {
        let x = Tensor<Double>(shape: [3, 1], scalars: [-1, 0.2, 0.8])
        let grid = Tensor<Double>(shape: [4, 1], scalars: [-0.5, 0, 0.5, 1.5])
        let net = MLP<Double>(
            widths: [1, 6, 1], activation: .softplus, outputActivation: .tanh,
            bias: false, seed: 9)
        let reference = matmul(net.parameterJacobian(grid), net.parameterJacobian(x).transposed())
        let kernel = TangentKernel.cross(net, grid, x)
        XCTAssertEqual(kernel.shape, [4, 3])
        XCTAssertLessThan(maxRelativeDifference(kernel, reference), 1e-13)
    }

    func testTheFactorisationIsNotTrivial() {
        // A kernel that ignored the hidden layers' sensitivities would differ from J·Jᵀ.
        let x = Tensor<Double>(shape: [2, 1], scalars: [-0.4, 0.9])
        var net = MLP<Double>(widths: [1, 4, 1], activation: .relu, seed: 1)
        let before = TangentKernel.gram(net, x)
        net.parameters[2] = 2 * net.parameters[2]
        let after = TangentKernel.gram(net, x)
        XCTAssertGreaterThan(maxRelativeDifference(after, before), 0.1)
    }
}
