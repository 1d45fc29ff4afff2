import XCTest
import Notebook
@testable import Runner

final class TanglerTests: XCTestCase {
    func testProgramHasTypedParamsAndSourceLocations() throws {
        let doc = try Document.parse("---\nparams:\n  n: 3\n  s: 0.5\n---\n\n```swift\nlet a = params.n\n```\n\n```swift\n//| eval: false\nlet b = 2\n```\n", path: "nb/x.md")
        let src = Tangler.program(for: doc, params: doc.frontMatter.params, seed: 9)
        XCTAssertTrue(src.contains("    let n: Int\n    let s: Double\n"))
        XCTAssertTrue(src.contains("let params = NotebookParams(n: 3, s: 0.5)"))
        XCTAssertTrue(src.contains("let seed: UInt64 = 9"))
        XCTAssertTrue(src.contains("#sourceLocation(file: \"nb/x.md\", line: 8)\nlet a = params.n\n#sourceLocation()"))
        XCTAssertFalse(src.contains("let b = 2"), "eval: false cells are not compiled")
    }

    func testLastLineDisplay() {
        XCTAssertEqual(Tangler.displayingLastLine("let f = 1\nf\n\n"), "let f = 1\nshow(f)\n\n")
        XCTAssertEqual(Tangler.displayingLastLine("result.table"), "show(result.table)")
        XCTAssertEqual(Tangler.displayingLastLine("  fig"), "  show(fig)")
        for notDisplayed in ["print(x)", "x = 1", "let y = 2", "}", "return", "a + b", "// note", "f()", "x.y()"] {
            XCTAssertEqual(Tangler.displayingLastLine(notDisplayed), notDisplayed)
        }
    }
}
