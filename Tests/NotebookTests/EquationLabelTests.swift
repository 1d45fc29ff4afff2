import XCTest

@testable import Notebook

/// Quarto's equation-label forms each make a numbered equation, wherever the display stands;
/// a label written any other way is a warning at its own place.
final class EquationLabelTests: XCTestCase {
    func equations(_ text: String) throws -> [(tex: String, label: String, line: Int)] {
        var result: [(String, String, Int)] = []
        for case .equation(let tex, let label, let line) in try Document.parse(text, path: "e.md").blocks { result.append((tex, label, line)) }
        return result
    }

    func assertOneEquation(_ text: String, tex: String = "a = b", line: Int, file: StaticString = #filePath, at: UInt = #line) throws {
        let doc = try Document.parse(text, path: "e.md")
        let found = try equations(text)
        XCTAssertEqual(found.count, 1, "\(doc.blocks)", file: file, line: at)
        XCTAssertEqual(found.first?.tex.trimmingCharacters(in: .whitespacesAndNewlines), tex, file: file, line: at)
        XCTAssertEqual(found.first?.label, "eq-x", file: file, line: at)
        XCTAssertEqual(found.first?.line, line, file: file, line: at)
        XCTAssertEqual(doc.warnings, [], file: file, line: at)
        for case .paragraph(let inlines, _) in doc.blocks {
            XCTAssertFalse(inlines.plainText.contains("{#"), "label printed as text: \(inlines)", file: file, line: at)
        }
    }

    func testTheOneLineForm() throws {
        try assertOneEquation("Text.\n\n$$ a = b $$ {#eq-x}\n\nMore.\n", line: 3)
        try assertOneEquation("Text.\n\n$$a = b$${#eq-x}\n", line: 3)
    }

    func testTheLabelOnTheClosingLineOfAMultiLineDisplay() throws {
        try assertOneEquation("Text.\n\n$$\na = b\n$$ {#eq-x}\n\nMore.\n", line: 3)
        // Quarto's form inside a paragraph: text directly above and below.
        let text = "Text before\n$$\na = b\n$$ {#eq-x}\nand text after.\n"
        try assertOneEquation(text, line: 2)
        let doc = try Document.parse(text, path: "e.md")
        XCTAssertEqual(doc.blocks.first, .paragraph([.text("Text before")], line: 1))
        XCTAssertEqual(doc.blocks.last, .paragraph([.text("and text after.")], line: 5))
    }

    func testTheLabelOnItsOwnLineAfterTheDisplay() throws {
        try assertOneEquation("$$\na = b\n$$\n{#eq-x}\nThe text goes on.\n", line: 1)
        try assertOneEquation("$$\na = b\n$$\n{#eq-x}\n\nThe text goes on.\n", line: 1)
        try assertOneEquation("$$ a = b $$\n{#eq-x}\n", line: 1)
        let doc = try Document.parse("$$\na = b\n$$\n{#eq-x}\nThe text goes on, see @eq-x.\n", path: "e.md")
        XCTAssertEqual(doc.blocks.last, .paragraph([.text("The text goes on, see "), .crossReference(label: "eq-x", line: 5), .text(".")], line: 5))
    }

    func testAOneLineDisplayInsideAParagraph() throws {
        let text = "We have\n$$ a = b $$ {#eq-x}\nfor all $n$.\n"
        try assertOneEquation(text, line: 2)
        XCTAssertEqual(try Document.parse(text, path: "e.md").blocks.last, .paragraph([.text("for all "), .math("n"), .text(".")], line: 3))
    }

    func testLaterLinesKeepTheirNumbers() throws {
        let doc = try Document.parse("$$\na\n$$ {#eq-x}\n{#eq-y}\n\n# Heading\n", path: "e.md")
        XCTAssertEqual(doc.blocks.last, .heading(level: 1, content: [.text("Heading")], line: 6))
    }

    func testALabelNotTakenIsAWarningAtItsPlace() throws {
        let doc = try Document.parse("Inline $a$ {#eq-a} is no display.\n\nA pandoc-crossref $$x$$ {#eq:b}\n\nStray {#eq-c} text.\n", path: "e.md")
        XCTAssertEqual(doc.warnings.map { "\($0.line):\($0.column)" }, ["1:12", "3:25", "5:7"])
        XCTAssertTrue(doc.warnings.allSatisfy { $0.severity == .warning })
        XCTAssertTrue(doc.warnings[0].message.contains("{#eq-a} is not taken: it must follow a display formula's closing $$"), doc.warnings[0].message)
        XCTAssertTrue(doc.warnings[1].message.contains("written {#eq-b}"), doc.warnings[1].message)
        XCTAssertEqual(doc.warnings[2].sourceLine, "Stray {#eq-c} text.")
    }

    func testLabelsInCodeAreNotLabels() throws {
        XCTAssertEqual(try Document.parse("`{#eq-a}` and\n\n```text\n$$ x $$ {#eq-b}\n```\n", path: "e.md").warnings, [])
    }
}
