import XCTest
import Tensor
import Autograd
@testable import Theory

final class RegionTests: XCTestCase {
    func testSawtoothHasTwoToTheNPieces() {
        for n in 1...8 {
            let net = Sawtooth.network(compositions: n)
            XCTAssertEqual(net.hiddenLayerCount, n)
            // The network computes h∘…∘h.
            for x in stride(from: 0.0, through: 1.0, by: 1.0 / 37) {
                var h = x
                for _ in 0..<n { h = Sawtooth.hat(h) }
                XCTAssertEqual(net(Tensor(shape: [1, 1], scalars: [x])).scalars[0], h, accuracy: 1e-12)
            }
            // Pieces on [0, 1], counted exactly. Breakpoints where a neuron switches without
            // changing the function (the second ReLU at the hat's zeros) are merged by slope.
            let pieces = affinePieces(net, n)
            XCTAssertEqual(pieces, 1 << n, "n = \(n)")
        }
    }

    /// Distinct affine pieces on [0, 1]: exact breakpoints, then merge neighbours with equal slope.
    func affinePieces(_ net: MLP<Double>, _ n: Int) -> Int {
        let cuts = [0.0] + LinearPieces.breakpoints(net, from: [0], to: [1]) + [1.0]
        func f(_ t: Double) -> Double { net(Tensor(shape: [1, 1], scalars: [t])).scalars[0] }
        var slopes: [Double] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b > a { slopes.append((f(b) - f(a)) / (b - a)) }
        var count = 1
        for (s, t) in zip(slopes, slopes.dropFirst()) where abs(s - t) > 1e-6 { count += 1 }
        return count
    }

    func testYarotskySupErrorIsExactlyAQuarterToTheNPlusOne() {
        for n in 1...10 {
            // The sup of x² − f_n(x) is attained at midpoints of the 2ⁿ pieces; search a fine grid too.
            var worst = 0.0
            let m = 1 << n
            for k in 0..<m {
                let mid = (Double(k) + 0.5) / Double(m)
                worst = max(worst, abs(mid * mid - Sawtooth.yarotskySquare(mid, terms: n)))
            }
            for i in 0...4096 {
                let x = Double(i) / 4096
                XCTAssertLessThanOrEqual(abs(x * x - Sawtooth.yarotskySquare(x, terms: n)), pow(4, -Double(n + 1)) * (1 + 1e-12))
            }
            XCTAssertEqual(worst, pow(4, -Double(n + 1)), accuracy: 1e-15 * pow(4, -Double(n + 1)) + 1e-18)
        }
    }

    func testYarotskyNetworkComputesTheApproximantWithItsErrorAndPieces() {
        for n in 1...8 {
            let net = Sawtooth.yarotskyNetwork(terms: n)
            XCTAssertEqual(net.hiddenLayerCount, n)
            // Equal to the function version on a grid that contains every breakpoint k/2ⁿ and midpoint.
            let xs = (0...4096).map { Double($0) / 4096 }
            let out = net(Tensor(shape: [xs.count, 1], scalars: xs)).scalars
            var worst = 0.0, worstAt = 0.0
            for (x, y) in zip(xs, out) {
                XCTAssertEqual(y, Sawtooth.yarotskySquare(x, terms: n), accuracy: 1e-12, "n = \(n), x = \(x)")
                if abs(y - x * x) > worst { (worst, worstAt) = (abs(y - x * x), x) }
            }
            // Max error 4^−(n+1), attained at a midpoint of a piece.
            XCTAssertEqual(worst, pow(4, -Double(n + 1)), accuracy: 1e-12, "n = \(n)")
            XCTAssertEqual((worstAt * Double(1 << n) - 0.5).truncatingRemainder(dividingBy: 1), 0, accuracy: 1e-9)
            // 2ⁿ affine pieces on [0, 1] (the interpolant of x² at 2ⁿ + 1 nodes).
            XCTAssertEqual(affinePieces(net, n), 1 << n, "n = \(n)")
        }
        // A wrong weight breaks the identity: the check can fail.
        var broken = Sawtooth.yarotskyNetwork(terms: 3)
        broken.parameters[2] = broken.parameters[2].map { $0 == 1 ? 0.9 : $0 }
        XCTAssertGreaterThan(abs(broken(Tensor(shape: [1, 1], scalars: [0.3])).scalars[0] - Sawtooth.yarotskySquare(0.3, terms: 3)), 1e-3)
    }

    func testExactPieceCountsBoundSampledCountsAndAgreeUnderRefinement() {
        let net = MLP<Double>(widths: [2, 16, 16, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 0.1), seed: 3)
        let a = [-2.0, -1.5], b = [2.0, 1.0]
        let exact = LinearPieces.count(net, from: a, to: b)
        var previous = 0
        for samples in [50, 500, 5000, 50_000] {
            let sampled = LinearPieces.sampledCount(net, from: a, to: b, samples: samples)
            XCTAssertLessThanOrEqual(sampled, exact)
            XCTAssertGreaterThanOrEqual(sampled, previous - 1)
            previous = sampled
        }
        XCTAssertEqual(previous, exact, "fine sampling finds every piece")
        XCTAssertGreaterThan(exact, 10)
    }

    func testRegionCountsOnAGridRespectZaslavsky() {
        // Without biases the 12 lines all pass through the origin: exactly 24 sectors.
        let grid = ActivationRegions.grid(resolution: 256, lo: -20, hi: 20, as: Double.self)
        let central = ActivationRegions(MLP<Double>(widths: [2, 12, 1], activation: .relu, initialization: .he, seed: 5), points: grid)
        XCTAssertEqual(central.regionOfPoint.count, 256 * 256)
        XCTAssertEqual(central.count, 24)
        // With biases: at most Zaslavsky's Σ_{j≤2} C(12, j) = 79, and many more than 24.
        let net = MLP<Double>(widths: [2, 12, 1], activation: .relu, initialization: .normal(weightVariance: 2, biasVariance: 4), seed: 5)
        let regions = ActivationRegions(net, points: grid)
        XCTAssertLessThanOrEqual(Double(regions.count), RegionBounds.zaslavsky(neurons: 12, inputDimension: 2))
        XCTAssertGreaterThan(regions.count, 40)
        XCTAssertEqual(RegionBounds.zaslavsky(neurons: 12, inputDimension: 2), 1 + 12 + 66)
        XCTAssertEqual(RegionBounds.serra(widths: [2, 12]), 79)
        // One input, width-2 layers: 3 per layer (the sawtooth's 2^L pieces fit under it).
        XCTAssertEqual(RegionBounds.serra(widths: [1, 2, 2, 2]), 27)
        // Grid layout: row 0 is the bottom (y = lo), x grows along columns.
        XCTAssertEqual(grid[0, 0], -20 + 40 * 0.5 / 256, accuracy: 1e-12)
        XCTAssertEqual(grid[0, 1], -20 + 40 * 0.5 / 256, accuracy: 1e-12)
        XCTAssertEqual(grid[1, 0], -20 + 40 * 1.5 / 256, accuracy: 1e-12)
        XCTAssertEqual(grid[256, 1], -20 + 40 * 1.5 / 256, accuracy: 1e-12)
    }
}
