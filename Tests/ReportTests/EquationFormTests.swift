import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// Each of Quarto's equation-label forms numbers its equation in the PDF and the HTML, and
/// references to it print its number; no label is left in the text.
final class EquationFormTests: XCTestCase {
    static let markdown = """
        # Forms

        One line:

        $$ a_1 = b $$ {#eq-one}

        Closing line, text directly around it
        $$
        a_2 = b
        $$ {#eq-closing}
        and the text goes on.

        $$
        a_3 = b
        $$
        {#eq-after}
        The label alone on the line after the display.

        We have
        $$ a_4 = b $$ {#eq-inside}
        inside a paragraph.

        See @eq-one, @eq-closing, @eq-after and @eq-inside.
        """

    func testEveryFormNumbersItsEquation() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-eq-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let document = try Document.parse(Self.markdown, path: "forms.md")
        XCTAssertEqual(document.warnings, [])
        try ReportWriter(outputDirectory: out).write(ExecutedNotebook(document: document, outputs: [:]))
        let pdf = out.appendingPathComponent("forms.pdf").path
        let text = try Tools.output("pdftotext", [pdf, "-"])
        for n in 1...4 { XCTAssertTrue(text.contains("(\(n))"), "equation (\(n)) in\n\(text)") }
        XCTAssertTrue(text.contains("See Equation (1), Equation (2), Equation (3) and Equation (4)."), text)
        XCTAssertFalse(text.contains("{#"), text)
        XCTAssertTrue(text.contains("and the text goes on."), text)
        let html = try String(contentsOf: out.appendingPathComponent("forms.html"), encoding: .utf8)
        for label in ["eq-one", "eq-closing", "eq-after", "eq-inside"] {
            XCTAssertTrue(html.contains("<div class=\"display-math\" id=\"\(label)\">"), label)
        }
        XCTAssertFalse(html.contains("{#eq"), html)
    }
}
