import XCTest
import Notebook
@testable import Runner

/// Compile errors are reported at exactly the Markdown lines where they are.
final class CompileErrorTests: XCTestCase {
    static let cells = [
        ["let a = 1", "let b = a + 1", "print(a, b)"],
        ["func twice(_ x: Int) -> Int {", "    return 2 * x", "}", "let c = twice(b)"],
        ["var total = 0", "for i in 0..<c {", "    total += i", "}", "print(total)"],
    ]

    /// The fixture with `bad` inserted before the given (cell, line) positions, and the
    /// Markdown lines where the inserted lines end up.
    static func notebook(injecting positions: Set<[Int]>) -> (String, [Int]) {
        var lines = ["---", "title: Many cells", "---", "", "Prose first.", ""]
        var expected: [Int] = []
        for (c, cell) in cells.enumerated() {
            lines.append("```swift")
            if c == 1 { lines.append("//| label: helpers") }
            for (i, code) in cell.enumerated() {
                if positions.contains([c, i]) {
                    lines.append("let bad\(c)_\(i): Int = \"not a number\"")
                    expected.append(lines.count)
                }
                lines.append(code)
            }
            if positions.contains([c, cell.count]) {
                lines.append("let bad\(c)_end: Int = \"not a number\"")
                expected.append(lines.count)
            }
            lines.append("```")
            lines.append("")
            lines.append("Prose between cells.")
            lines.append("")
        }
        return (lines.joined(separator: "\n"), expected)
    }

    func testErrorsInjectedAtManyLinesAreReportedAtExactlyThoseLines() throws {
        let f = try RunnerFixture()
        // One compile reports them all: first, middle and last lines of every cell, and a loop
        // body. (Not a function body: swiftc skips bodies once top-level code has errors.)
        let positions: Set<[Int]> = [[0, 0], [0, 2], [0, 3], [1, 0], [1, 4], [2, 0], [2, 3], [2, 5]]
        let (text, expected) = Self.notebook(injecting: positions)
        let (doc, result) = try f.run(text, cached: false)
        XCTAssertEqual(result.compilerInvocations, 1)
        XCTAssertEqual(result.programRuns, 0)
        XCTAssertEqual(result.compileErrors.map(\.line), expected)
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for d in result.compileErrors {
            XCTAssertEqual(d.file, doc.path)
            XCTAssertTrue(d.message.hasPrefix("cannot convert value of type 'String' to specified type 'Int'"), d.message)
            XCTAssertEqual(d.sourceLine, sourceLines[d.line - 1])
            XCTAssertEqual(d.column, d.sourceLine!.firstIndex(of: "\"")!.utf16Offset(in: d.sourceLine!) + 1, "caret at the string")
        }
    }

    func testEachSingleInjectionIsReportedAlone() throws {
        // A sample of single injections, each its own compile, to show no error leaks to a neighbour line.
        let f = try RunnerFixture()
        for position in [[0, 1], [1, 3], [2, 4]] {
            let (text, expected) = Self.notebook(injecting: [position])
            let (_, result) = try f.run(text, cached: false)
            XCTAssertEqual(result.compileErrors.map(\.line), expected, "\(position)")
        }
    }

    func testAnUnclosedBraceIsReportedInItsCellNotInGeneratedCode() throws {
        let f = try RunnerFixture()
        let (doc, result) = try f.run("```swift\nlet a = 1\n```\n\n```swift\nfor i in 0..<3 {\n    print(i)\n```\n", cached: false)
        XCTAssertFalse(result.compileErrors.isEmpty)
        for d in result.compileErrors {
            XCTAssertEqual(d.file, doc.path)
            XCTAssertFalse(d.description.contains("main.swift"), d.description)
            XCTAssertEqual(d.line, 6, "\(d)")
            XCTAssertEqual(d.column, 16, "\(d)")
        }
    }
}
