import XCTest
@testable import MathType

final class SpacingRegressionTests: XCTestCase {
    /// "1.5" sets as one number: the period is ordinary, with no space after it (TeX's mathcode).
    func testDecimalPointIsOrdinary() throws {
        let r = try MathRenderer()
        let decimal = r.layout("1.5", size: 10).width
        let parts = r.layout("1", size: 10).width + r.layout(".", size: 10).width + r.layout("5", size: 10).width
        XCTAssertEqual(decimal, parts, accuracy: 1e-9)
        // A comma is punctuation: thin space after it.
        let list = r.layout("1,5", size: 10).width
        let bare = r.layout("1", size: 10).width + r.layout(",", size: 10).width + r.layout("5", size: 10).width
        XCTAssertGreaterThan(list, bare + 0.5)
    }
}
