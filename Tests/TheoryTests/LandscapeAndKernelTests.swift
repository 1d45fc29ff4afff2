import XCTest
import Tensor
import Autograd
@testable import Theory

final class LandscapeAndKernelTests: XCTestCase {
    func testFilterNormalisedDirectionsHaveTheRowNormsOfTheWeights() {
        let net = MLP<Double>(widths: [2, 8, 8, 1], activation: .relu, seed: 1)
        let d = Directions.random(like: net.parameters, normalisation: .filter, seed: 3)
        for (k, (w, dk)) in zip(net.parameters, d).enumerated() {
            if w.rank == 1 { XCTAssertTrue(dk.scalars.allSatisfy { $0 == 0 }, "bias \(k) zeroed"); continue }
            let cols = w.shape[1]
            for r in 0..<w.shape[0] {
                let wn = Directions.norm(w.scalars[r * cols..<(r + 1) * cols]), dn = Directions.norm(dk.scalars[r * cols..<(r + 1) * cols])
                XCTAssertEqual(dn, wn, accuracy: 1e-9 * max(1, wn))
            }
        }
    }

    func testSurfaceCentreIsTheLossBitForBitAndOrientationIsRight() {
        let xs = (0..<40).map { Double($0) / 20 - 1 }
        let x = Tensor(shape: [20, 2], scalars: xs), y = Tensor(shape: [20, 1], scalars: (0..<20).map { sin(Double($0)) })
        let net = MLP<Double>(widths: [2, 16, 16, 1], activation: .relu, seed: 2)
        let land = LossLandscape(net, x: x, y: y)
        let d1 = Directions.random(like: net.parameters, normalisation: .filter, seed: 4)
        let d2 = Directions.random(like: net.parameters, normalisation: .filter, seed: 5)
        // Non-square grid: 7 alphas (columns) × 5 betas (rows).
        let surface = land.surface(d1, d2, alphas: LossLandscape<Double>.grid(span: 1, count: 7), betas: LossLandscape<Double>.grid(span: 0.5, count: 5))
        XCTAssertEqual(surface.values.count, 35)
        XCTAssertEqual(surface[row: 2, column: 3], land.centre, "centre bit for bit")
        XCTAssertEqual(surface[row: 2, column: 3].bitPattern, land.centre.bitPattern)
        // Entry (row r, column c) is θ* + α_c d1 + β_r d2, computed the slow way.
        for (r, c) in [(0, 6), (4, 1), (3, 0)] {
            var moved = net
            moved.parameters = zip(net.parameters, zip(d1, d2)).map { w, d in
                Tensor(shape: w.shape, scalars: (0..<w.count).map { w.scalars[$0] + surface.alphas[c] * d.0.scalars[$0] + surface.betas[r] * d.1.scalars[$0] })
            }
            XCTAssertEqual(surface[row: r, column: c], LossLandscape.meanSquaredError(moved(x), y), accuracy: 1e-12)
        }
        XCTAssertEqual(land.slice(d1, alphas: [0]), [land.centre])
        // The kernel's centre is the plain forward pass's loss.
        XCTAssertEqual(land.centre, LossLandscape.meanSquaredError(net(x), y), accuracy: 1e-13)
        // A custom loss takes the generic path and agrees with the kernel.
        let generic = LossLandscape(net, x: x, y: y, loss: { LossLandscape.meanSquaredError($0, $1) })
        let slow = generic.surface(d1, d2, alphas: surface.alphas, betas: surface.betas)
        for (a, b) in zip(slow.values, surface.values) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(slow.inCentreRegion, surface.inCentreRegion)
        XCTAssertEqual(slow.switchingPreActivations, surface.switchingPreActivations)
    }

    func testCrossEntropySurfaceMatchesTheForwardPassInBothPrecisions() {
        let n = 30, classes = 3
        let xs = (0..<(n * 4)).map { sin(Double($0) * 0.7) }
        var onehot = [Double](repeating: 0, count: n * classes)
        for i in 0..<n { onehot[i * classes + i % classes] = 1 }
        let x = Tensor(shape: [n, 4], scalars: xs), y = Tensor(shape: [n, classes], scalars: onehot)
        let net = MLP<Double>(widths: [4, 12, 9, classes], activation: .leakyReLU(slope: 0.1), seed: 6)
        let d1 = Directions.random(like: net.parameters, normalisation: .layer, seed: 1)
        let d2 = Directions.random(like: net.parameters, normalisation: .weight, seed: 2)
        let land = LossLandscape(net, x: x, y: y, objective: .crossEntropy)
        let axis = [-0.5, 0, 0.25]
        let surface = land.surface(d1, d2, alphas: axis, betas: axis)
        for (r, beta) in axis.enumerated() {
            for (c, alpha) in axis.enumerated() {
                var moved = net
                moved.parameters = zip(net.parameters, zip(d1, d2)).map { w, d in
                    Tensor(shape: w.shape, scalars: (0..<w.count).map { w.scalars[$0] + alpha * d.0.scalars[$0] + beta * d.1.scalars[$0] })
                }
                XCTAssertEqual(surface[row: r, column: c], LossLandscape.crossEntropy(moved(x), y), accuracy: 1e-12)
            }
        }
        XCTAssertTrue(surface.inCentreRegion[4], "the centre is in its own region")
        // f32 follows f64 to single precision.
        let f = MLP<Float>(widths: [4, 12, 9, classes], activation: .leakyReLU(slope: 0.1), seed: 6)
        let landF = LossLandscape(
            f, x: Tensor(shape: [n, 4], scalars: xs.map(Float.init)),
            y: Tensor(shape: [n, classes], scalars: onehot.map(Float.init)), objective: .crossEntropy)
        let toFloat = { (t: Tensor<Double>) in Tensor<Float>(shape: t.shape, scalars: t.scalars.map(Float.init)) }
        let sF = landF.surface(d1.map(toFloat), d2.map(toFloat), alphas: axis, betas: axis)
        for (a, b) in zip(sF.values, surface.values) { XCTAssertEqual(a, b, accuracy: 1e-5 * max(1, abs(b))) }
    }

    func testReLUNNGPMatchesMonteCarloWithinThreeStandardErrors() {
        let x = Tensor<Double>(rows: [[1, 0.5, -0.3], [0.2, -1, 0.8], [-0.7, 0.4, 0.1]])
        let k = InfiniteWidthKernels.compute(x, hiddenLayers: 1, nonlinearity: .relu, weightVariance: 2, biasVariance: 0.1).nngp
        // Output covariance over many random networks (width 512, one hidden layer).
        var samples: [[Double]] = []
        for s in 0..<400 {
            let net = MLP<Double>(
                widths: [3, 512, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 0.1), seed: UInt64(1000 + s))
            samples.append(net(x).scalars)
        }
        for (i, j) in [(0, 0), (0, 1), (1, 2), (2, 2)] {
            let prods = samples.map { $0[i] * $0[j] }
            let mean = prods.reduce(0, +) / Double(prods.count)
            let se = (prods.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(prods.count - 1) / Double(prods.count)).squareRoot()
            // With one hidden layer the finite-width covariance equals the NNGP kernel exactly in
            // expectation (the hidden pre-activations are exactly Gaussian): only Monte-Carlo error remains.
            XCTAssertEqual(mean, k[i, j], accuracy: 3 * se, "K[\(i),\(j)]")
        }
    }

    func testEmpiricalNTKApproachesTheClosedForm() {
        let x = Tensor<Double>(rows: [[1, 0.5], [0.2, -1], [-0.7, 0.4], [0.3, 0.3]])
        let theta = InfiniteWidthKernels.compute(x, hiddenLayers: 1, nonlinearity: .erf, weightVariance: 1.5, biasVariance: 0.2).ntk
        func relativeError(width: Int, seed: UInt64) -> Double {
            let net = MLP<Double>(
                widths: [2, width, 1], activation: .erf, initialization: .normal(weightVariance: 1.5, biasVariance: 0.2),
                parametrisation: .ntk, seed: seed)
            let j = net.parameterJacobian(x)
            let k = matmul(j, j.transposed())
            var diff = 0.0, norm = 0.0
            for (p, q) in zip(k.scalars, theta.scalars) { diff += (p - q) * (p - q); norm += q * q }
            return (diff / norm).squareRoot()
        }
        var small = 0.0, large = 0.0
        for s in 0..<6 {
            small += relativeError(width: 64, seed: UInt64(s)) / 6
            large += relativeError(width: 1024, seed: UInt64(10 + s)) / 6
        }
        // Error ∝ n^(−1/2): 16× the width, about a quarter of the error.
        XCTAssertLessThan(large, small / 2.5)
        XCTAssertLessThan(large, 0.06)
    }
}

final class LandscapeCurvatureTests: XCTestCase {
    func testSmallSpanQuadraticFitMatchesHessianVectorProducts() {
        // A trained smooth network: at span 1e-3 the fitted a, b, c are the Hessian's quadratic form.
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<60 { xs.append(Double(i % 10) / 5 - 1 + Double(i / 10) * 0.03) }
        for i in 0..<30 { ys.append(sin(Double(i) / 4)) }
        let x = Tensor<Double>(shape: [30, 2], scalars: xs), y = Tensor<Double>(shape: [30, 1], scalars: ys)
        var net = MLP<Double>(widths: [2, 12, 12, 1], activation: .tanh, initialization: .xavier, seed: 6)
        net.train(x: x, y: y, steps: 300, optimizer: Optimizer(.adam, learningRate: 0.01))
        let land = LossLandscape(net, x: x, y: y)
        let d1 = Directions.random(like: net.parameters, normalisation: .filter, seed: 1)
        let d2 = Directions.random(like: net.parameters, normalisation: .filter, seed: 2)
        let grid = LossLandscape<Double>.grid(span: 1e-3, count: 11)
        let surface = land.surface(d1, d2, alphas: grid, betas: grid)
        let fit = LossLandscape<Double>.quadraticFit(surface)
        let h = land.hessianQuadraticForm(d1, d2)
        XCTAssertEqual(fit.a, h.a, accuracy: 0.05 * abs(h.a))
        XCTAssertEqual(fit.c, h.c, accuracy: 0.05 * abs(h.c))
        XCTAssertEqual(fit.b, h.b, accuracy: 0.05 * max(abs(h.b), 0.1 * (abs(h.a) + abs(h.c))))
    }

    func testMinimumOffsetOfASurface() {
        let s = LossLandscape<Double>.Surface(alphas: [-1, 0, 1], betas: [-1, 0, 1], values: [5, 4, 3, 2, 1, 0.5, 6, 7, 8])
        XCTAssertEqual(LossLandscape<Double>.minimumOffset(s).columns, 1)
        XCTAssertEqual(LossLandscape<Double>.minimumOffset(s).rows, 0)
    }
}
