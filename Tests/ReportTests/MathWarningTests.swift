import Foundation
import XCTest
import Notebook
import OutputChannel
import Plot
@testable import Report

/// A formula that does not typeset is a warning at its place, wherever it is set: the text,
/// a display, a heading, a Markdown table, a footnote, the abstract, a caption, a cell's
/// figure and table (at the cell).
final class MathWarningTests: XCTestCase {
    static let markdown = """
        ---
        title: Bad math
        abstract: The $\\badAbstract$ law.
        ---

        # Heading with $\\badHeading$

        Prose with $x + \\badProse$ in it.[^1]

        $$
        a = b +
          c + \\badDisplay
        $$ {#eq-x}

        | a | b |
        |---|---|
        | $\\badTable$ | 1 |

        ```swift
        //| label: fig-x
        //| caption: The fit: $\\badCaption$
        show(fig)
        ```

        [^1]: A note with $\\badNote$.
        """

    func notebook() throws -> ExecutedNotebook {
        let document = try Document.parse(Self.markdown, path: "bad.md")
        var figure = Figure(width: 144, height: 108, xLabel: "depth $\\badFigure$")
        figure.line(x: [0, 1], y: [0, 1], label: "$\\ell$ fine")
        let table = Table(columns: [.init("$\\badCellTable$"), .init("b")], rows: [[.text("$\\sigma$"), .number(1)]])
        return ExecutedNotebook(document: document, outputs: [0: [.figure(figure), .table(table)]])
    }

    func testEveryBadFormulaIsAWarningAtItsPlace() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-math-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let resolved = ResolvedNotebook(try notebook())
        try ReportWriter(outputDirectory: out).write(resolved)
        let found = resolved.diagnostics.map { d -> String in
            let name = d.message.split(separator: "`").dropFirst().first.map(String.init) ?? d.message
            return "\(d.line):\(d.column) \(name)"
        }
        XCTAssertEqual(
            found,
            [
                "3:16 \\badAbstract",
                "6:17 \\badHeading",
                "8:17 x + \\badProse",
                "12:7 a = b +   c + \\badDisplay",
                "17:4 \\badTable",
                "19:1 \\badCellTable",
                "19:1 \\badFigure",
                "21:24 \\badCaption",
                "25:20 \\badNote",
            ])
        XCTAssertTrue(resolved.diagnostics.allSatisfy { $0.severity == .warning && $0.file == "bad.md" })
        XCTAssertTrue(resolved.diagnostics[0].message.hasSuffix("does not typeset: unknown command \\badAbstract"), resolved.diagnostics[0].message)
        XCTAssertTrue(resolved.diagnostics[6].message.contains("in the figure of cell 'fig-x'"), resolved.diagnostics[6].message)
        XCTAssertTrue(resolved.diagnostics[5].message.contains("in a table the cell shows"), resolved.diagnostics[5].message)
    }

    func testGoodMathWarnsNothingAndTheSinkGathersEveryKind() throws {
        let document = try Document.parse("# Fine $x^2$\n\n$$ \\frac{a}{b} \\tag{1} $$\n\nSee @eq-none and ![gone](missing.png).\n", path: "ok.md")
        let resolved = ResolvedNotebook(ExecutedNotebook(document: document, outputs: [:]))
        XCTAssertEqual(resolved.diagnostics.map(\.line), [5, 5])
        XCTAssertTrue(resolved.diagnostics.allSatisfy { !$0.message.contains("typeset") })
    }

    func testStrictRefusesToPublishAndLeavesTheOutputAsItWas() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-strict-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: out.appendingPathComponent("bad.pdf"))
        var writer = ReportWriter(outputDirectory: out)
        writer.strict = true
        XCTAssertThrowsError(try writer.write(ResolvedNotebook(try notebook()))) { error in
            XCTAssertEqual((error as? StrictFailure)?.diagnostics.count, 9)
        }
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("bad.pdf"), encoding: .utf8), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["bad.pdf"])
    }
}
