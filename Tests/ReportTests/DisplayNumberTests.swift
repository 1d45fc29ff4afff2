import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// Equation numbers in the PDF, on layout data: beside a display that leaves room for them
/// (on its baseline, a quad or more from it), on a line of their own below, right-aligned, when
/// the display is too wide — never over the formula; `\tag{…}` in parentheses, `\tag*{…}` as written.
final class DisplayNumberTests: XCTestCase {
    struct Word {
        var text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double
    }

    /// The words of page 1 with their boxes, as `pdftotext -bbox` reads them.
    func words(_ markdown: String) throws -> [Word] {
        let doc = try Document.parse(markdown, path: "numbers.md")
        let pdf = PDFReport.render(ExecutedNotebook(document: doc, outputs: [:]))
        let folder = try makeTemporaryFolder("folio-numbers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("numbers.pdf")
        try Data(pdf).write(to: file)
        let bbox = try Tools.output("pdftotext", ["-bbox", "-f", "1", "-l", "1", file.path, "-"])
        let regex = try NSRegularExpression(
            pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        return regex.matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox)).map { m in
            let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
            return Word(text: HTMLScan.decodeEntities(g(5)), xMin: Double(g(1))!, yMin: Double(g(2))!, xMax: Double(g(3))!, yMax: Double(g(4))!)
        }
    }

    /// The display's words (between the lines "Before." and "After.") and its number.
    func display(_ tex: String, number: String) throws -> (formula: [Word], number: Word) {
        let all = try words("Before.\n\n$$\n\(tex)\n$$ {#eq-x}\n\nAfter.\n")
        guard let before = all.first(where: { $0.text == "Before." }), let after = all.first(where: { $0.text == "After." }),
            let n = all.first(where: { $0.text == number })
        else { throw MissingTool("the words Before., After. and \(number) in the rendered PDF: \(all.map(\.text))") }
        let formula = all.filter { $0.yMin > before.yMax && $0.yMax < after.yMin && $0.text != number }
        XCTAssertFalse(formula.isEmpty, "pdftotext reads the formula's glyphs")
        return (formula, n)
    }

    let style = PageStyle(paper: .a4)
    var rightMargin: Double { style.margin.left + style.textWidth }

    func testANumberBesideAShortDisplayIsOnItsBaselineAQuadAway() throws {
        let (formula, n) = try display(#"a = b + c"#, number: "(1)")
        let right = formula.map(\.xMax).max()!
        XCTAssertGreaterThanOrEqual(n.xMin - right, MathSetter.bodySize, "a quad or more between formula and number")
        XCTAssertEqual(n.xMax, rightMargin, accuracy: 1.5, "flush right")
        // On the same line: the number's box lies within the formula's line.
        let top = formula.map(\.yMin).min()!, bottom = formula.map(\.yMax).max()!
        XCTAssertTrue(n.yMin < bottom && n.yMax > top, "number \(n) beside formula \(top)…\(bottom)")
        // Centred on the measure: as much room on the left as on the right of the formula.
        let left = formula.map(\.xMin).min()!
        XCTAssertEqual(left - style.margin.left, rightMargin - right, accuracy: 2)
    }

    func testANumberThatDoesNotFitGoesBelowRightAligned() throws {
        let terms = (1...26).map { "a_{\($0)}" }.joined(separator: " + ")
        let (formula, n) = try display(terms + " = b", number: "(1)")
        let bottom = formula.map(\.yMax).max()!
        XCTAssertGreaterThanOrEqual(n.yMin, bottom, "the number is on a line below the formula, not over it")
        XCTAssertEqual(n.xMax, rightMargin, accuracy: 1.5, "flush right")
        // No glyph of the formula shares the number's box.
        for w in formula {
            XCTAssertFalse(w.xMax > n.xMin && w.xMin < n.xMax && w.yMax > n.yMin && w.yMin < n.yMax, "\(w) under \(n)")
        }
    }

    func testTagsAreInParenthesesAndStarredTagsAsWritten() throws {
        let (_, tagged) = try display(#"a = b \tag{A.1}"#, number: "(A.1)")
        XCTAssertEqual(tagged.xMax, rightMargin, accuracy: 1.5)
        let (formula, starred) = try display(#"a = b \tag*{ref}"#, number: "ref")
        XCTAssertEqual(starred.xMax, rightMargin, accuracy: 1.5)
        XCTAssertFalse(formula.contains { $0.text.contains("(ref)") || $0.text.contains("tag") })
        let html = HTMLReport.render(
            ExecutedNotebook(document: try Document.parse("$$ a \\tag*{ref} $$\n\n$$ b \\tag{B} $$\n", path: "t.md"), outputs: [:]),
            figureDirectory: "t")
        XCTAssertTrue(html.contains("<span class=\"eqno\">ref</span>"), "starred tag without parentheses in HTML")
        XCTAssertTrue(html.contains("<span class=\"eqno\">(B)</span>"))
    }

    /// TeX's rule on the measure itself: centred; pushed left to keep clear of a wide number;
    /// moved below when the two do not fit with a quad between them.
    func testPlacementFollowsTeXsRule() {
        let quad = 10.5
        let centred = DisplayPlacement.place(formulaWidth: 100, numberWidth: 15, measure: 400, quad: quad)
        XCTAssertEqual(centred, DisplayPlacement(formulaX: 150, numberX: 385))
        // (400 − 350)/2 = 25 < 2·15: centred in what the number leaves, a quad before it at least.
        let crowded = DisplayPlacement.place(formulaWidth: 350, numberWidth: 15, measure: 400, quad: quad)
        XCTAssertEqual(crowded.formulaX, 17.5, accuracy: 1e-9)
        XCTAssertFalse(crowded.numberBelow)
        let tight = DisplayPlacement.place(formulaWidth: 370, numberWidth: 15, measure: 400, quad: quad)
        XCTAssertFalse(tight.numberBelow)
        XCTAssertGreaterThanOrEqual(385 - (tight.formulaX + 370), quad - 1e-9)
        let below = DisplayPlacement.place(formulaWidth: 380, numberWidth: 15, measure: 400, quad: quad)
        XCTAssertEqual(below, DisplayPlacement(formulaX: 10, numberX: 385, numberBelow: true))
        let overfull = DisplayPlacement.place(formulaWidth: 450, numberWidth: 15, measure: 400, quad: quad)
        XCTAssertEqual(overfull, DisplayPlacement(formulaX: 0, numberX: 385, numberBelow: true))
        XCTAssertEqual(DisplayPlacement.place(formulaWidth: 100, numberWidth: nil, measure: 400, quad: quad).formulaX, 150)
    }
}
