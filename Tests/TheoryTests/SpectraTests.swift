import XCTest
import Tensor
import Autograd
@testable import Theory

final class SpectraTests: XCTestCase {
    func testGradientCovarianceOfARidgeFunctionIsRankOneAlongItsDirection() {
        // f(x) = a·tanh(vᵀx): every input gradient is parallel to v.
        var net = MLP<Double>(widths: [5, 1, 1], activation: .tanh, bias: false)
        let v = [0.5, -1.0, 2.0, 0.0, 1.5]
        net.parameters = [Tensor(shape: [1, 5], scalars: v), Tensor(shape: [1, 1], scalars: [1.3])]
        var rng = RNG(seed: 3)
        let points = rng.normal([400, 5], as: Double.self)
        let c = Spectra.gradientCovariance(net, points: points)
        XCTAssertGreaterThan(c.eigenvalues[0], 0.1)
        for w in c.eigenvalues.dropFirst() { XCTAssertEqual(w, 0, accuracy: 1e-12 * c.eigenvalues[0]) }
        XCTAssertEqual(c.eigenvalues, c.eigenvalues.sorted(by: >))
        let angle = Spectra.principalAngles(Spectra.leadingColumns(c.eigenvectors, 1), Tensor(shape: [5, 1], scalars: v))
        XCTAssertEqual(angle[0], 0, accuracy: 1e-6)
    }

    func testSchattenNormsOfADiagonalMatrix() {
        let w = Tensor<Double>(rows: [[3, 0], [0, 4]])
        XCTAssertEqual(Spectra.schattenNorm(w, p: 2), 5, accuracy: 1e-12)  // Frobenius
        XCTAssertEqual(Spectra.schattenNorm(w, p: 1), 7, accuracy: 1e-12)  // nuclear
        XCTAssertEqual(Spectra.schattenNorm(w, p: 0.5), pow(3.0.squareRoot() + 2, 2), accuracy: 1e-10)
    }

    func testPrincipalAngles() {
        let a = Tensor<Double>(rows: [[1, 0], [0, 1], [0, 0]])
        let b = Tensor<Double>(rows: [[0, 1], [1, 1], [0, 0]])  // the same plane, another basis
        for t in Spectra.principalAngles(a, b) { XCTAssertEqual(t, 0, accuracy: 1e-7) }
        let c = Tensor<Double>(rows: [[0], [0], [1]])
        XCTAssertEqual(Spectra.principalAngles(Spectra.leadingColumns(a, 1), c)[0], .pi / 2, accuracy: 1e-12)
    }

    func testKernelRegressionInterpolatesAndGPMeanFitsSine() {
        // GP posterior mean with the ReLU NNGP kernel through 10 points of sin on [0, π].
        let xs = (0..<10).map { Double($0) * .pi / 9 }, test = [0.3, 1.1, 2.05, 2.9]
        let inputs = Tensor<Double>(shape: [14, 1], scalars: xs + test)
        let k = InfiniteWidthKernels.compute(inputs, hiddenLayers: 3, nonlinearity: .relu, weightVariance: 2, biasVariance: 0.5).nngp
        let mean = KernelRegression.posteriorMean(jointKernel: k, trainCount: 10, targets: Tensor(xs.map(sin)), ridge: 1e-10)
        for (p, x) in zip(mean.scalars, test) { XCTAssertEqual(p, sin(x), accuracy: 0.05) }
        // At the training points the fit interpolates.
        let train = Tensor<Double>(shape: [10, 10], scalars: (0..<10).flatMap { i in (0..<10).map { k[i, $0] } })
        let fit = KernelRegression(kernel: train, targets: Tensor(xs.map(sin))).predict(crossKernel: train)
        for (p, x) in zip(fit.scalars, xs) { XCTAssertEqual(p, sin(x), accuracy: 1e-6) }
    }

    func testPCAOfATrajectoryFindsItsPlane() {
        let centre = Tensor<Double>(shape: [6], scalars: [1, 2, 3, 4, 5, 6])
        let u = [1.0, 0, 0, 0, 0, 0], w = [0.0, 0, 0.6, 0.8, 0, 0]
        let path = (0..<20).map { k -> Tensor<Double> in
            let t = Double(k) / 19
            return Tensor(shape: [6], scalars: (0..<6).map { centre.scalars[$0] + 3 * (1 - t) * u[$0] + 0.5 * sin(6 * t) * w[$0] })
        }
        let pca = Directions.pca(trajectory: path, centre: centre)
        XCTAssertEqual(pca.explained.0 + pca.explained.1, 1, accuracy: 1e-12)
        let plane = Tensor<Double>(shape: [6, 2], scalars: (0..<6).flatMap { [u[$0], w[$0]] })
        let found = Tensor<Double>(shape: [6, 2], scalars: (0..<6).flatMap { [pca.first.scalars[$0], pca.second.scalars[$0]] })
        for t in Spectra.principalAngles(plane, found) { XCTAssertEqual(t, 0, accuracy: 1e-6) }
        let coords = Directions.project(trajectory: path, centre: centre, onto: pca.first, pca.second)
        XCTAssertEqual(hypot(coords[0].0, coords[0].1), 3, accuracy: 1e-12)
    }

    func testLanczosFindsExtremeEigenvaluesFromProducts() {
        // H = diag(−2, 0.5, 1, …, 7) seen only through products.
        let diag = [-2.0, 0.5] + (0..<28).map { 1 + 6 * Double($0) / 27 }
        let ritz = HessianSpectrum.lanczos(dimension: diag.count, steps: 30, seed: 1) { v in zip(diag, v).map { $0 * $1 } }
        XCTAssertEqual(ritz.first!, -2, accuracy: 1e-8)
        XCTAssertEqual(ritz.last!, 7, accuracy: 1e-8)
    }
}

final class DescentTests: XCTestCase {
    func testGradientDescentOnAQuadraticAndNoiseReproducibility() {
        var rng = RNG(seed: 1)
        // r = ½(x² + 4y²): GD with η = 0.1 contracts x by 0.9 and y by 0.6 per step.
        let path = Descent.path(from: [1, 1], steps: 10, learningRate: 0.1, rng: &rng) { [$0[0], 4 * $0[1]] }
        XCTAssertEqual(path.count, 11)
        XCTAssertEqual(path[10][0], pow(0.9, 10), accuracy: 1e-15)
        XCTAssertEqual(path[10][1], pow(0.6, 10), accuracy: 1e-15)
        var a = RNG(seed: 5), b = RNG(seed: 5)
        let p = Descent.path(from: [0, 0], steps: 50, learningRate: 0.1, noise: 0.5, rng: &a) { $0 }
        let q = Descent.path(from: [0, 0], steps: 50, learningRate: 0.1, noise: 0.5, rng: &b) { $0 }
        XCTAssertEqual(p, q)
        XCTAssertNotEqual(p.last!, [0, 0])
        XCTAssertEqual(Descent.nearest([0.9, 0], among: [[-1, 0], [1, 0]]), 1)
    }
}
