import XCTest
@testable import Notebook

/// Front-matter keys the runner reads: declared inputs and execution options.
final class ExecutionFrontMatterTests: XCTestCase {
    func testInputsAndExecuteOptions() throws {
        let doc = try Document.parse(
            "---\ninputs: [data/a.csv, b.txt]\nexecute:\n  timeout: 30\n  optimize: true\n  output-lines: 50\n  output-bytes: 4096\n---\n", path: "x.md")
        XCTAssertEqual(doc.frontMatter.inputs, ["data/a.csv", "b.txt"])
        XCTAssertEqual(doc.frontMatter.timeout, 30)
        XCTAssertTrue(doc.frontMatter.optimize)
        XCTAssertEqual(doc.frontMatter.outputLines, 50)
        XCTAssertEqual(doc.frontMatter.outputBytes, 4096)
        XCTAssertEqual(try Document.parse("---\ninputs: one.csv\n---\n", path: "x.md").frontMatter.inputs, ["one.csv"])
    }

    func testBadExecuteOptionsAreErrorsAtTheirLine() {
        XCTAssertThrowsError(try Document.parse("---\ntitle: t\nexecute:\n  output-lines: -3\n---\n", path: "x.md")) { e in
            let d = e as! Diagnostic
            XCTAssertEqual(d.line, 4)
            XCTAssertEqual(d.message, "execute.output-lines needs a whole number > 0")
        }
        XCTAssertThrowsError(try Document.parse("---\ninputs:\n  key: value\n---\n", path: "x.md")) { e in
            XCTAssertEqual((e as! Diagnostic).message, "front matter 'inputs' needs a file path or a list of file paths")
        }
    }
}
