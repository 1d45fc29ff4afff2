import XCTest
@testable import MathType

final class MathFontTests: XCTestCase {
    func testLatinModernMathConstants() throws {
        let font = try MathFont()
        XCTAssertEqual(font.unitsPerEm, 1000)
        // Latin Modern Math's MATH table: axis height 250, rule thickness 40, superscript shift 363 units.
        XCTAssertEqual(font.axisHeight, 0.25, accuracy: 1e-9)
        XCTAssertEqual(font.fractionRuleThickness, 0.04, accuracy: 1e-9)
        XCTAssertEqual(font.superscriptShiftUp, 0.363, accuracy: 1e-9)
    }

    func testFontWithoutMathTableIsRejected() {
        XCTAssertThrowsError(try MathFont(family: "Latin Modern Roman")) { error in
            XCTAssertTrue("\(error)".contains("no OpenType MATH table"), "\(error)")
        }
    }
}
