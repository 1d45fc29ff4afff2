import XCTest
import Tensor
@testable import Theory

final class TrajectoryLengthTests: XCTestCase {
    func testInscribedPolygonPerimeter() {
        // A regular k-gon inscribed in the unit circle has perimeter 2k·sin(π/k).
        for k in [3, 4, 10, 1000] {
            let length = TrajectoryLength.polyline(Curves.circle(points: k), closed: true)
            XCTAssertEqual(length, 2 * Double(k) * sin(Double.pi / Double(k)), accuracy: 1e-12)
        }
    }

    func testLengthScalesLinearly() {
        // Length is positively homogeneous: ‖σγ‖ = σ‖γ‖.
        let circle = Curves.circle(points: 500)
        let scaled = 3.5 * circle
        XCTAssertEqual(TrajectoryLength.polyline(scaled), 3.5 * TrajectoryLength.polyline(circle), accuracy: 1e-12)
    }

    func testOpenCurveOmitsClosingSegment() {
        let square = Tensor<Double>(rows: [[0, 0], [1, 0], [1, 1], [0, 1]])
        XCTAssertEqual(TrajectoryLength.polyline(square), 3)
        XCTAssertEqual(TrajectoryLength.polyline(square, closed: true), 4)
    }
}
