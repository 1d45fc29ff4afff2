import Foundation
import XCTest
@testable import Report

/// Writes the fixture report to `$FOLIO_REPORT_LOOK` when set, for a person to look at the
/// PDF pages and the site (`pdftoppm -png -r 80`, headless Chromium). The one test that may
/// skip (docs/contributing.md): an explicit opt-in that no setup script provides, not a missing tool.
final class LookTests: XCTestCase {
    func testWriteFixtureForLooking() throws {
        guard let dir = ProcessInfo.processInfo.environment["FOLIO_REPORT_LOOK"] else { throw XCTSkip("set FOLIO_REPORT_LOOK=/dir") }
        let nb = ResolvedNotebook(try Fixture.notebook())
        let written = try ReportWriter(outputDirectory: URL(fileURLWithPath: dir)).write(nb)
        for d in nb.diagnostics { print(d) }
        XCTAssertEqual(written.filter { $0.pathExtension == "png" }.count, 3)
        for url in written { XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.path) }
    }
}
