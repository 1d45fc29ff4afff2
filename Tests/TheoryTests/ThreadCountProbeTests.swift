import XCTest
import Tensor
import Autograd
@testable import Theory

/// The probes that split their own loops across threads (trajectory lengths, loss landscapes,
/// activation regions) give the same bits on 1, 2, 3, 4 and 8 threads: their work is cut at
/// places fixed by the data, and sums are added in one order whoever computes the parts.
final class ThreadCountProbeTests: XCTestCase {
    func onEveryThreadCount<R: Equatable>(_ what: String, _ body: () -> R) {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        tensorThreads = 1
        let one = body()
        for threads in [2, 3, 4, 8] {
            tensorThreads = threads
            XCTAssertEqual(body(), one, "\(what): \(threads) threads")
        }
    }

    func testTrajectoryLengthsInEveryPathAndPrecision() {
        // Long enough for two halves of many chunks, and short (one part); a wide net takes the
        // layer-by-layer path.
        let narrow = MLP<Double>(widths: [2, 30, 30, 5], activation: .relu, outputActivation: .relu, seed: 4)
        let narrowF = MLP<Float>(widths: [2, 64, 64, 64], activation: .tanh, seed: 3)
        let wide = MLP<Float>(widths: [2, 140, 140], activation: .relu, outputActivation: .relu, seed: 9)
        for points in [50, 3001, 20_011] {
            let circle = Curves.circle(points: points), circleF = Curves.circle(points: points, as: Float.self)
            onEveryThreadCount("lengths, \(points) points") {
                (TrajectoryLength.measure(narrow, along: circle, closed: true) + TrajectoryLength.measure(narrowF, along: circleF)
                    + TrajectoryLength.measure(wide, along: circleF, closed: true)).map(\.bitPattern)
            }
        }
    }

    func testLossLandscapeAndActivationRegions() {
        var rng = RNG(seed: 8)
        let x = rng.normal([300, 2], as: Double.self), y = rng.normal([300, 1], as: Double.self)
        let net = MLP<Double>(widths: [2, 32, 32, 1], activation: .relu, seed: 2)
        let land = LossLandscape(net, x: x, y: y)
        let d1 = Directions.random(like: net.parameters, normalisation: .filter, seed: 4)
        let d2 = Directions.random(like: net.parameters, normalisation: .filter, seed: 5)
        let grid = LossLandscape<Double>.grid(span: 1, count: 13)
        onEveryThreadCount("landscape") {
            let s = land.surface(d1, d2, alphas: grid, betas: grid)
            return s.values.map(\.bitPattern) + s.inCentreRegion.map { $0 ? 1 : 0 } + [UInt64(s.switchingPreActivations)]
        }
        let points = ActivationRegions.grid(resolution: 200, lo: -3, hi: 3, as: Double.self)
        let regionsNet = MLP<Double>(widths: [2, 16, 16, 1], activation: .relu, initialization: .he, seed: 5)
        onEveryThreadCount("regions") {
            let r = ActivationRegions(regionsNet, points: points, chunk: 64)
            return r.regionOfPoint + [Int32(r.count)]
        }
    }
}
