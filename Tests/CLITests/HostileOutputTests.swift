import Foundation
import XCTest
import TestSupport

/// Cells that hand `folio` figures and tables it cannot draw, built through the public API:
/// `folio` does not crash, the cell fails (exit 1) with the field named at the cell's line.
/// (RunFiles.read throws the validation error; the runner turns it into the cell's failure.)
final class HostileOutputTests: CLITestCase {
    func assertCellError(_ r: CommandResult, file: String, line: Int, _ message: String, at: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, line: at)
        let pattern =
            NSRegularExpression.escapedPattern(for: "\(file):\(line)") + "(:[0-9]+)?: error: .*"
            + NSRegularExpression.escapedPattern(for: message)
        XCTAssertNotNil(r.stderr.range(of: pattern, options: .regularExpression), r.stderr, line: at)
    }

    func testAFigureWithLimitsOfTheWrongLengthFailsItsCell() throws {
        try write(
            "notebooks/limits.md",
            """
            # Limits

            ```swift
            let fine = 1
            ```

            ```swift
            var fig = Figure()
            fig.line(x: [0, 1, 2], y: [1, 3, 2])
            fig.axes.xLimits = [1]
            fig
            ```
            """)
        let r = try folio(["render", "notebooks/limits.md"])
        assertCellError(r, file: "notebooks/limits.md", line: 8, "figure panel 1: xLimits must hold two finite numbers, got [1.0]")
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
    }

    func testATableWithAShortRowFailsItsCell() throws {
        try write(
            "notebooks/table.md",
            """
            ```swift
            var t = Table(columns: [.init("a"), .init("b")])
            t.rows = [[.number(1)]]
            show(t)
            ```
            """)
        let r = try folio(["render", "notebooks/table.md"])
        assertCellError(r, file: "notebooks/table.md", line: 2, "table row 1 has 1 cells, the table has 2 columns")
    }

    func testOddButDrawableFiguresRender() throws {
        // NaN gaps, values beyond what an axis shows, reversed limits, a huge line width and
        // a bad dash: drawn (clamped or skipped), not errors.
        try write(
            "notebooks/odd.md",
            """
            ```swift
            var fig = Figure()
            fig.axes.line(x: [0, 1, .nan, 3, 1e308], y: [.infinity, 2, 3, 4, 5], width: 1e9, dash: [0, 0])
            fig.axes.yLimits = [6, 0]
            fig.axes.text("<b>not markup</b> & $x$", x: 1, y: 2, size: 8)
            fig
            ```
            """)
        let r = try folio(["render", "notebooks/odd.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try pdftotext("output/odd.pdf").contains("<b>not markup</b> &"))
    }
}
