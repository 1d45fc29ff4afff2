import XCTest
import Tensor
import Autograd
@testable import Theory

final class TrajectoryLengthTests: XCTestCase {
    func testInscribedPolygonPerimeter() {
        // A regular k-gon inscribed in the unit circle has perimeter 2k·sin(π/k).
        for k in [3, 4, 10, 1000] {
            XCTAssertEqual(
                TrajectoryLength.polyline(Curves.circle(points: k), closed: true),
                2 * Double(k) * sin(Double.pi / Double(k)), accuracy: 1e-12)
        }
        let square = Tensor<Double>(rows: [[0, 0], [1, 0], [1, 1], [0, 1]])
        XCTAssertEqual(TrajectoryLength.polyline(square), 3)
        XCTAssertEqual(TrajectoryLength.polyline(square, closed: true), 4)
    }

    func testSigmaPowerLawWithZeroBiasesIsExact() {
        // Law 1: with zero biases, layer-ℓ length at σ equals σ^ℓ × the length at σ = 1
        // for the same standard-normal draws (ReLU is positively homogeneous).
        let family = RandomNetworkFamily<Float>(widths: [2] + Array(repeating: 20, count: 10) + [2], activation: .relu, seed: 7)
        let circle = Curves.circle(points: 2000, as: Float.self)
        let base = TrajectoryLength.measure(family.network(sigmaW: 1, sigmaB: 0), along: circle, closed: true)
        for sigma in [0.5, 2.0, 4.0] {
            let lengths = TrajectoryLength.measure(family.network(sigmaW: sigma, sigmaB: 0), along: circle, closed: true)
            for (l, (a, b)) in zip(lengths, base).enumerated() {
                XCTAssertEqual(a / (b * pow(sigma, Double(l))), 1, accuracy: 1e-5, "σ = \(sigma), layer \(l)")
            }
        }
        // With bias variance σ² the law is only approximate.
        let withBias = TrajectoryLength.measure(family.network(sigmaW: 2, sigmaB: 2), along: circle, closed: true)
        XCTAssertNotEqual(withBias[10] / (base[10] * pow(2, 10)), 1, accuracy: 1e-6)
    }

    func testLayerLengthsEqualPolylinesOfTheLayerOutputs() {
        for activation in [Activation.relu, .tanh, .leakyReLU(slope: 0.2)] {
            let net = MLP<Double>(
                widths: [2, 30, 30, 5], activation: activation, outputActivation: activation,
                initialization: .normal(weightVariance: 2, biasVariance: 0.1), seed: 4)
            let circle = Curves.circle(points: 3000)
            let lengths = TrajectoryLength.measure(net, along: circle, closed: true)
            let reference =
                [TrajectoryLength.polyline(circle, closed: true)]
                + net.layerOutputs(circle).map { TrajectoryLength.polyline($0, closed: true) }
            XCTAssertEqual(lengths.count, 4)
            for (a, b) in zip(lengths, reference) { XCTAssertEqual(a, b, accuracy: 1e-12 * b) }
            // Batches give each network's lengths.
            XCTAssertEqual(TrajectoryLength.measure([net, net], along: circle, closed: true), [lengths, lengths])
        }
        // A network too wide for single-threaded chunks goes layer by layer; open curves too.
        let wide = MLP<Float>(widths: [2, 140, 140], activation: .relu, outputActivation: .relu, seed: 9)
        let arc = Curves.segment(from: [-1, 0.5], to: [1, -0.25], points: 500, as: Float.self)
        let reference = [TrajectoryLength.polyline(arc)] + wide.layerOutputs(arc).map { TrajectoryLength.polyline($0) }
        for (a, b) in zip(TrajectoryLength.measure(wide, along: arc), reference) { XCTAssertEqual(a, b, accuracy: 1e-6 * b) }
        let narrow = MLP<Float>(widths: [2, 40, 40], activation: .relu, outputActivation: .relu, seed: 9)
        let reference2 = [TrajectoryLength.polyline(arc)] + narrow.layerOutputs(arc).map { TrajectoryLength.polyline($0) }
        for (a, b) in zip(TrajectoryLength.measure(narrow, along: arc), reference2) { XCTAssertEqual(a, b, accuracy: 1e-6 * b) }
        // The polyline itself: a square's perimeter, open and closed.
        let square = Tensor<Float>(shape: [4, 2], scalars: [0, 0, 1, 0, 1, 1, 0, 1])
        XCTAssertEqual(TrajectoryLength.polyline(square), 3)
        XCTAssertEqual(TrajectoryLength.polyline(square, closed: true), 4)
    }

    func testLogGrowthFitRecoversARate() {
        let lengths = (0..<8).map { 3 * pow(1.7, Double($0)) }
        let fit = TrajectoryLength.logGrowth(lengths)
        XCTAssertEqual(exp(fit.slope), 1.7, accuracy: 1e-12)
        XCTAssertEqual(exp(fit.intercept), 3, accuracy: 1e-12)
    }

    func testCurves() {
        let seg = Curves.segment(from: [0, 0], to: [3, 4], points: 11)
        XCTAssertEqual(TrajectoryLength.polyline(seg), 5, accuracy: 1e-12)
        let gc = Curves.greatCircle([1, 0, 0], [0, 0, 1], points: 400)
        XCTAssertEqual(TrajectoryLength.polyline(gc, closed: true), 2 * .pi, accuracy: 1e-3)
    }
}
