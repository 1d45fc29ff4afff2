import Foundation
import XCTest
@testable import Report

/// Writes the fixture report to `$FOLIO_REPORT_LOOK` when set, for a person to look at.
final class LookTests: XCTestCase {
    func testWriteFixtureForLooking() throws {
        guard let dir = ProcessInfo.processInfo.environment["FOLIO_REPORT_LOOK"] else { throw XCTSkip("set FOLIO_REPORT_LOOK=/dir") }
        let nb = try Fixture.notebook()
        try ReportWriter(outputDirectory: URL(fileURLWithPath: dir)).write(nb)
        for d in nb.diagnostics { print(d) }
    }
}

