import XCTest

@testable import Notebook

/// The cell option `fig-pos`: LaTeX's placement letters, read and checked at their place.
final class FigurePositionTests: XCTestCase {
    func options(_ line: String) throws -> CellOptions {
        let document = try Document.parse("Text.\n\n```swift\n//| " + line + "\nlet a = 1\n```\n", path: "p.md")
        return try XCTUnwrap(document.cells.first).options
    }

    func testLettersAndTheirMeaning() throws {
        XCTAssertEqual(try options("label: x").figurePosition, .default)
        XCTAssertEqual(FigurePosition.default.description, "htp")
        XCTAssertEqual(try options("fig-pos: H").figurePosition, .fixed)
        XCTAssertTrue(try options("fig-pos: H").figurePosition.isFixed)
        let top = try options("fig-pos: t").figurePosition
        XCTAssertEqual([top.here, top.top, top.floatPage, top.isFixed], [false, true, false, false])
        XCTAssertEqual(try options("fig-pos: h").figurePosition.description, "ht", "LaTeX's h alone is ht")
        XCTAssertEqual(try options("fig-pos: pt").figurePosition.description, "tp")
        XCTAssertEqual(try options("fig-pos: p").figurePosition.description, "p")
    }

    func testAnythingElseIsAnErrorAtTheValue() throws {
        for bad in ["b", "htb", "!h", "hh", "Ht", "here"] {
            XCTAssertThrowsError(try options("fig-pos: " + bad), bad) { error in
                let d = error as? Diagnostic
                XCTAssertEqual(d?.line, 4, bad)
                XCTAssertEqual(d?.column, 14, bad)
                XCTAssertTrue(d?.message.contains("'fig-pos' must be H, or some of h, t and p") == true, "\(bad): \(String(describing: d))")
            }
        }
    }
}
