import XCTest
import Tensor
@testable import Autograd

final class NetworkTests: XCTestCase {
    func testLayerConventionAndParameterVector() {
        let net = MLP<Double>(widths: [2, 20, 20, 2], activation: .relu, seed: 1)
        XCTAssertEqual(net.affineLayerCount, 3)
        XCTAssertEqual(net.hiddenLayerCount, 2)
        XCTAssertEqual(net.parameters.map(\.shape), [[20, 2], [20], [20, 20], [20], [2, 20], [2]])
        XCTAssertEqual(net.parameterCount, 2 * 20 + 20 + 400 + 20 + 40 + 2)
        var copy = net
        let flat = net.flatParameters
        copy.setFlatParameters(flat.map { 2 * $0 })
        XCTAssertEqual(copy.parameters[2].scalars, net.parameters[2].scalars.map { 2 * $0 })
        XCTAssertEqual(MLP<Double>(widths: [2, 5, 1], activation: .tanh, bias: false).parameters.map(\.shape), [[5, 2], [1, 5]])
    }

    func testInitialisationVariances() {
        // N(0, σ_w²/fan_in) with σ_w² = 4, fan_in = 400: sample variance within 5 %.
        let net = MLP<Double>(
            widths: [400, 400, 1], activation: .relu,
            initialization: .normal(weightVariance: 4, biasVariance: 0.25), seed: 3)
        let w = net.parameters[0].scalars
        let variance = w.map { $0 * $0 }.reduce(0, +) / Double(w.count)
        XCTAssertEqual(variance, 4.0 / 400, accuracy: 0.05 * 4.0 / 400)
        let b = net.parameters[1].scalars
        XCTAssertEqual(b.map { $0 * $0 }.reduce(0, +) / Double(b.count), 0.25, accuracy: 0.05)
        // Same seed, same network.
        XCTAssertEqual(
            MLP<Double>(widths: [3, 4, 1], activation: .relu, seed: 9).parameters,
            MLP<Double>(widths: [3, 4, 1], activation: .relu, seed: 9).parameters)
    }

    func testNTKParametrisationComputesTheSameFunctionClass() {
        // NTK storage is standard normal; the forward scale makes it equal in law to standard.
        let ntk = MLP<Double>(
            widths: [3, 50, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 0),
            parametrisation: .ntk, seed: 4)
        XCTAssertEqual(ntk.parameters[0].scalars.map { $0 * $0 }.reduce(0, +) / 150, 1, accuracy: 0.3)
        var standard = MLP<Double>(widths: [3, 50, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 0), seed: 4)
        standard.parameters = [
            ntk.parameters[0].map { $0 * (2.0 / 3).squareRoot() }, ntk.parameters[1],
            ntk.parameters[2].map { $0 * (2.0 / 50).squareRoot() }, ntk.parameters[3],
        ]
        let x = testTensor([5, 3], seed: 5)
        for (p, q) in zip(ntk(x).scalars, standard(x).scalars) { XCTAssertEqual(p, q, accuracy: 1e-12) }
    }

    func testNetworkGradientsAndInputGradients() {
        let net = MLP<Double>(widths: [3, 6, 5, 1], activation: .tanh, initialization: .xavier, seed: 2)
        let x = testTensor([7, 3], seed: 6), y = testTensor([7, 1], seed: 7)
        assertGradientMatches("mlp mse", inputs: net.parameters) { Loss.meanSquaredError(net.forward(.constant(x), parameters: $0), .constant(y)) }
        let gx = net.inputGradient(x)
        let fd = finiteDifferenceGradient({ ts in withoutGradients { net(ts[0]).scalars.reduce(0, +) } }, at: [x])[0]
        for (p, q) in zip(gx.scalars, fd.scalars) { XCTAssertEqual(p, q, accuracy: 1e-8) }
    }

    func testHessianVectorProductsAndSymmetricHessian() {
        let net = MLP<Double>(widths: [2, 4, 1], activation: .tanh, initialization: .xavier, seed: 8)
        let x = testTensor([6, 2], seed: 9), y = testTensor([6, 1], seed: 10)
        func loss(_ theta: [Variable<Double>]) -> Variable<Double> {
            Loss.meanSquaredError(net.forward(.constant(x), parameters: theta), .constant(y))
        }
        let v = net.parameters.enumerated().map { testTensor($0.element.shape, seed: 100 + UInt64($0.offset)) }
        let hv = Curvature.hessianVectorProduct(at: net.parameters, direction: v, loss)
        // Finite differences of gradients along v.
        let h = 1e-5
        let plus = zip(net.parameters, v).map { p, d in Tensor(shape: p.shape, scalars: zip(p.scalars, d.scalars).map { $0 + h * $1 }) }
        let minus = zip(net.parameters, v).map { p, d in Tensor(shape: p.shape, scalars: zip(p.scalars, d.scalars).map { $0 - h * $1 }) }
        let gp = valueAndGradient(at: plus, loss).gradient, gm = valueAndGradient(at: minus, loss).gradient
        for k in hv.indices {
            for i in hv[k].scalars.indices {
                let fd = (gp[k].scalars[i] - gm[k].scalars[i]) / (2 * h)
                XCTAssertEqual(hv[k].scalars[i], fd, accuracy: 1e-7 * max(1, abs(fd)))
            }
        }
        let shapes = net.parameters
        let H = Curvature.hessian(at: net.flatParameters) { flat in loss(ParameterVector.unflatten(flat, like: shapes)) }
        let p = H.shape[0]
        XCTAssertEqual(p, net.parameterCount)
        for i in 0..<p { for j in 0..<i { XCTAssertEqual(H[i, j], H[j, i], accuracy: 1e-12) } }
        // H·v from the full Hessian agrees with the HVP.
        let vflat = ParameterVector.flatten(v), hvflat = ParameterVector.flatten(hv)
        for i in 0..<p {
            let row = (0..<p).map { H[i, $0] * vflat.scalars[$0] }.reduce(0, +)
            XCTAssertEqual(row, hvflat.scalars[i], accuracy: 1e-10)
        }
    }

    func testPerExampleJacobianGivesTheEmpiricalNTK() {
        let net = MLP<Double>(widths: [2, 8, 1], activation: .tanh, seed: 12)
        let x = testTensor([4, 2], seed: 13)
        let J = net.parameterJacobian(x)
        XCTAssertEqual(J.shape, [4, net.parameterCount])
        // Row 2 equals the gradient of f(x₂) alone.
        let x2 = Tensor(shape: [1, 2], scalars: Array(x.scalars[4..<6]))
        let g = valueAndGradient(at: net.parameters) { sum(net.forward(.constant(x2), parameters: $0)) }.gradient
        XCTAssertEqual(Array(J.scalars[2 * net.parameterCount..<3 * net.parameterCount]), g.flatMap(\.scalars))
        let K = matmul(J, J.transposed())
        for i in 0..<4 { XCTAssertGreaterThan(K[i, i], 0); for j in 0..<4 { XCTAssertEqual(K[i, j], K[j, i], accuracy: 1e-14) } }
    }

    func testTrainingFitsAKnownFunction() {
        // 1-16-16-1 tanh net fits sin(πx) on 24 points with Adam.
        let xs = (0..<24).map { -1 + 2 * Double($0) / 23 }
        let x = Tensor(shape: [24, 1], scalars: xs), y = Tensor(shape: [24, 1], scalars: xs.map { sin(Double.pi * $0) })
        var net = MLP<Double>(widths: [1, 16, 16, 1], activation: .tanh, initialization: .xavier, seed: 5)
        let history = net.train(x: x, y: y, steps: 600, optimizer: Optimizer(.adam, learningRate: 0.01))
        XCTAssertEqual(history.losses.count, 600)
        XCTAssertGreaterThan(history.losses[0], 0.1)
        let final = withoutGradients { Loss.meanSquaredError(.constant(net(x)), .constant(y)).value.scalars[0] }
        XCTAssertLessThan(final, 2e-3)
    }

    func testNoiselessFullBatchSGDEqualsGradientDescentBitForBit() {
        let x = testTensor([10, 2], seed: 30), y = testTensor([10, 1], seed: 31)
        var sgd = MLP<Double>(widths: [2, 8, 1], activation: .relu, seed: 6)
        var gd = sgd
        sgd.train(x: x, y: y, steps: 25, optimizer: Optimizer(.gradientDescent, learningRate: 0.1), batchSize: 10, gradientNoise: 0)
        // Plain gradient descent written out by hand.
        var opt = Optimizer<Double>(.gradientDescent, learningRate: 0.1)
        for _ in 0..<25 {
            let g = valueAndGradient(at: gd.parameters) { Loss.meanSquaredError(gd.forward(.constant(x), parameters: $0), .constant(y)) }.gradient
            opt.update(&gd.parameters, gradients: g)
        }
        XCTAssertEqual(sgd.parameters, gd.parameters)
        // Noise changes the trajectory; minibatches too.
        var noisy = MLP<Double>(widths: [2, 8, 1], activation: .relu, seed: 6)
        noisy.train(x: x, y: y, steps: 25, optimizer: Optimizer(.gradientDescent, learningRate: 0.1), gradientNoise: 0.1, seed: 1)
        XCTAssertNotEqual(noisy.parameters, gd.parameters)
    }

    func testMomentumAndScheduleOnAQuadratic() {
        // f(θ) = ½θ², gradient θ: momentum reaches 0 from 1; step decay halves the rate every 10 steps.
        var theta = [Tensor<Double>(shape: [1], scalars: [1])]
        var opt = Optimizer<Double>(.momentum(0.5), learningRate: 0.1)
        for _ in 0..<200 { opt.update(&theta, gradients: theta) }
        XCTAssertEqual(theta[0].scalars[0], 0, accuracy: 1e-6)
        XCTAssertEqual(LearningRate.stepDecay(initial: 0.1, factor: 0.5, every: 10).at(step: 25), 0.025)
        XCTAssertEqual(LearningRate.cosine(initial: 1, steps: 10).at(step: 10), 0, accuracy: 1e-15)
    }
}
