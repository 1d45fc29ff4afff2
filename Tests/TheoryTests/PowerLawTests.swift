import Foundation
import Theory
import XCTest

final class PowerLawTests: XCTestCase {
    func testExactPowerLawIsRecovered() {
        let x = [50.0, 100, 400, 3200]
        let fit = PowerLaw.fit(x: x, y: x.map { 3 * pow($0, -0.5) })
        XCTAssertEqual(fit.exponent, -0.5, accuracy: 1e-12)
        XCTAssertEqual(fit.prefactor, 3, accuracy: 1e-10)
        XCTAssertEqual(fit(10_000), 0.03, accuracy: 1e-12)
    }

    func testNoisyDataGiveTheLeastSquaresSlope() {
        // Residuals ±ε in log y alternate and cancel in the slope for symmetric log x.
        let x = [1.0, 10, 100, 1000]
        let y = zip(x, [0.1, -0.1, -0.1, 0.1]).map { 2 * pow($0.0, 1.5) * exp($0.1) }
        XCTAssertEqual(PowerLaw.fit(x: x, y: y).exponent, 1.5, accuracy: 1e-12)
    }
}
