import Foundation
import XCTest
import Graphics
import Notebook
import OutputChannel
import Plot
import TestSupport
@testable import Report

/// The parts the report is assembled from: numbering rules, the math seam's inline boxes,
/// the TeX fallback, Swift highlighting, and pagination that keeps figures with captions.
final class LayoutPartsTests: XCTestCase {
    func numbering(_ md: String, outputs: [Int: [CellOutput]] = [:]) throws -> Numbering {
        Numbering(ExecutedNotebook(document: try Document.parse(md, path: "n.md"), outputs: outputs))
    }

    func testSectionsNumberHierarchicallyAndSkipUnnumbered() throws {
        let n = try numbering("# A\n## A1\n## A2 {#sec-a2}\n# Notes {.unnumbered}\n# B\n### B-deep\n# A\n")
        XCTAssertEqual(n.headings.map { $0.number ?? "-" }, ["1", "1.1", "1.2", "-", "2", "2.0.1", "3"])
        XCTAssertEqual(n.headings.map(\.anchor), ["a", "a1", "sec-a2", "notes", "b", "b-deep", "a-2"], "anchors are unique")
        XCTAssertEqual(n.targets["sec-a2"]?.text, "Section 1.2")
        var plain = ExecutedNotebook(document: try Document.parse("# A\n## A2 {#sec-a2}\n", path: "n.md"), outputs: [:])
        plain.numberSections = false
        XCTAssertEqual(Numbering(plain).targets["sec-a2"]?.text, "Section “A2”", "no invisible numbers in references")
        // Documents whose sections start at level 2 number them 1, 2, not 0.1, 0.2.
        let m = try numbering("## One\n## Two\n### Two.a\n")
        XCTAssertEqual(m.headings.map { $0.number ?? "-" }, ["1", "2", "2.1"])
    }

    func testFiguresTablesAndEquationsNumberInOrderAndDuplicatesAreReported() throws {
        var fig = Figure(width: 100, height: 50)
        fig.line(x: [0, 1], y: [0, 1])
        let md = """
            $$ a $$ {#eq-a}

            ```swift
            //| label: fig-a
            f
            ```

            ```swift
            //| label: tbl-a
            //| caption: The table.
            t
            ```

            | x |
            |---|
            | 1 |

            : Second table. {#tbl-b}

            ```swift
            //| caption: Unlabelled but captioned.
            g
            ```

            $$ b $$ {#eq-b}
            """
        let n = try numbering(md, outputs: [0: [.figure(fig)], 1: [.value("x")], 2: [.figure(fig)]])
        XCTAssertEqual(n.targets["fig-a"]?.text, "Figure 1")
        XCTAssertEqual(n.figureNumbers, [0: "1", 2: "2"])
        XCTAssertEqual(n.targets["tbl-a"]?.text, "Table 1")
        XCTAssertEqual(n.targets["tbl-b"]?.text, "Table 2")
        XCTAssertEqual(n.targets["eq-a"]?.text, "Equation (1)")
        XCTAssertEqual(n.targets["eq-b"]?.text, "Equation (2)")
        XCTAssertEqual(n.diagnostics, [], "duplicate labels are rejected when the document is parsed (DuplicateLabelTests)")
    }

    /// The seam MathType will use: an inline box takes exactly its width in the line, and its
    /// drawing lands between the words around it.
    func testInlineMathBoxTakesItsRoomInTheLine() throws {
        let style = PageStyle(paper: .a4)
        let canvas = Canvas(.pdf, width: style.width, height: style.height)
        let composer = PDFComposer(canvas: canvas, style: style)
        var text = RichText()
        text.text("before ")
        text.box(
            MathBox(width: 40, ascent: 8, descent: 3) { c, p in
                c.rectangle(Rect(x: p.x, y: p.y - 8, width: 40, height: 11)); c.fill(.black)
            })
        text.text(" after")
        composer.flow(composer.layout(text, font: style.body), rich: text)
        composer.finish()
        let dir = try makeTemporaryFolder("folio-box")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("box.pdf")
        try Data(canvas.finish()).write(to: pdf)
        let bbox = try Tools.output("pdftotext", ["-bbox", pdf.path, "-"])
        func x(_ word: String, _ attr: String) -> Double? {
            guard let r = bbox.range(of: #"<word [^>]*>\#(word)</word>"#, options: .regularExpression),
                let a = bbox[r].range(of: #"\#(attr)="[\d.]+""#, options: .regularExpression)
            else { return nil }
            return Double(bbox[a].split(separator: "\"")[1])
        }
        let gap = try XCTUnwrap(x("after", "xMin")) - XCTUnwrap(x("before", "xMax"))
        let space =
            TextLayout(canvas: canvas, markup: "a a", font: style.body).size.width
            - TextLayout(canvas: canvas, markup: "aa", font: style.body).size.width
        XCTAssertEqual(gap, 40 + 2 * space, accuracy: 0.6, "the box's width plus two spaces")
    }

    /// Footnotes from headings and table cells reach the page bottom too.
    func testFootnotesFromHeadingsAndTableCellsAreSet() throws {
        let md = "# Title[^h]\n\n| a |\n|---|\n| x[^c] |\n\n[^h]: Heading note.\n[^c]: Cell note.\n"
        let nb = ExecutedNotebook(document: try Document.parse(md, path: "f.md"), outputs: [:])
        let dir = try makeTemporaryFolder("folio-fn")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("f.pdf")
        try Data(PDFReport.render(nb)).write(to: pdf)
        let text = try Tools.output("pdftotext", [pdf.path, "-"]).replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        assertInOrder(text, ["Title1", "x2", "1 Heading note.", "2 Cell note."])
    }

    /// A word longer than the line breaks inside the text block instead of running off the page.
    func testLongWordsStayInsideTheMargins() throws {
        let url = "https://example.org/" + String(repeating: "very-long-path-segment/", count: 12)
        let md = "See <\(url)> and `" + String(repeating: "identifier_", count: 12) + "` here.\n"
        let nb = ExecutedNotebook(document: try Document.parse(md, path: "w.md"), outputs: [:])
        let dir = try makeTemporaryFolder("folio-w")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("w.pdf")
        try Data(PDFReport.render(nb)).write(to: pdf)
        let bbox = try Tools.output("pdftotext", ["-bbox", pdf.path, "-"])
        let style = PageStyle(paper: .a4)
        let right = try NSRegularExpression(pattern: #"xMax="([\d.]+)""#)
            .matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox))
            .map { Double(bbox[Range($0.range(at: 1), in: bbox)!])! }
        XCTAssertGreaterThan(right.count, 5)
        XCTAssertLessThanOrEqual(right.max()!, style.width - style.margin.right + 0.5)
    }

    func testTagNamesADisplayEquation() throws {
        XCTAssertEqual(MathSetter.splitTag(#"a = b \tag{A.1}"#).tex, "a = b ")
        XCTAssertEqual(MathSetter.splitTag(#"a = b \tag{A.1}"#).tag, "A.1")
        XCTAssertNil(MathSetter.splitTag("a = b").tag)
        let doc = try Document.parse("$$ E = mc^2 \\tag{A.1} $$\n", path: "t.md")
        let html = HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "t")
        XCTAssertTrue(html.contains("<span class=\"eqno\">(A.1)</span>"), html)
        XCTAssertFalse(html.contains("tag"), "the tag is not shown as math")
    }

    func testSwiftHighlighterCoversTheCodeExactly() {
        let code = #"let s = "a \(b) \"q\"" // note"# + "\nvar x = 0x2A + 3.5e-2 /* c */ @MainActor Foo.bar()\n"
        let tokens = SwiftHighlighter.tokens(code)
        XCTAssertEqual(tokens.map(\.0).joined(), code, "nothing lost or duplicated")
        func kind(_ s: String) -> SwiftHighlighter.Kind?? { tokens.first { $0.0 == s }.map(\.1) }
        XCTAssertEqual(kind("let"), .keyword)
        XCTAssertEqual(kind(#""a \(b) \"q\"""#), .string)
        XCTAssertEqual(kind("// note"), .comment)
        XCTAssertEqual(kind("0x2A"), .number)
        XCTAssertEqual(kind("3.5e-2") ?? kind("3.5e"), .number)
        XCTAssertEqual(kind("/* c */"), .comment)
        XCTAssertEqual(kind("@MainActor"), .attribute)
        XCTAssertEqual(kind("Foo"), .type)
        XCTAssertEqual(SwiftHighlighter.html("a<b"), "a&lt;b")
    }

    /// A figure that does not fit below the text moves to the next page with its caption;
    /// the text before it stays on the first page.
    func testFigureThatDoesNotFitMovesWithItsCaption() throws {
        let filler = (1...30).map { "Paragraph \($0) fills the page with words that take room." }.joined(separator: "\n\n")
        let md = filler + "\n\n```swift\n//| label: fig-big\n//| caption: The big one.\n//| echo: false\nf\n```\n"
        var fig = Figure(width: 300, height: 300, title: "Big")
        fig.line(x: [0, 1], y: [0, 1])
        let nb = ExecutedNotebook(document: try Document.parse(md, path: "big.md"), outputs: [0: [.figure(fig)]])
        let dir = try makeTemporaryFolder("folio-big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("big.pdf")
        try Data(PDFReport.render(nb)).write(to: pdf)
        let page1 = try Tools.output("pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"])
        let page2 = try Tools.output("pdftotext", ["-f", "2", "-l", "2", pdf.path, "-"])
        XCTAssertTrue(page1.contains("Paragraph 1 "), page1)
        XCTAssertFalse(page1.contains("Big") || page1.contains("The big one"), "nothing of the figure on page 1:\n\(page1)")
        XCTAssertTrue(page2.contains("Big") && page2.contains("Figure 1: The big one."), page2)
    }
}

final class HyphenationTests: XCTestCase {
    func testLiangPatternsBreakWordsAsTeXDoes() throws {
        guard let h = Hyphenator.english else { throw MissingTool("hyphen-en-us") }
        func show(_ w: String) -> String {
            let b = Set(h.breaks(w))
            return w.enumerated().map { (b.contains($0.offset) ? "-" : "") + String($0.element) }.joined()
        }
        XCTAssertEqual(show("hyphenation"), "hy-phen-ation")
        XCTAssertEqual(show("computer"), "com-puter", "no break leaves fewer than three letters")
        XCTAssertEqual(show("trajectory"), "tra-jec-tory")
        XCTAssertEqual(show("the"), "the", "short words stay whole")
        XCTAssertEqual(h.hyphenate("a computer, 42"), "a com\u{00AD}puter, 42")
    }
}

extension HyphenationTests {
    /// Pango breaks a narrow justified paragraph at the soft hyphens and draws the hyphen.
    func testNarrowJustifiedTextBreaksInsideWords() throws {
        guard let h = Hyphenator.english else { throw MissingTool("hyphen-en-us") }
        let style = PageStyle(paper: .a4)
        let canvas = Canvas(.pdf, width: style.width, height: style.height)
        let words = "Trajectory lengths of representations increase exponentially through successive transformations"
        let hyphenated = TextLayout(canvas: canvas, markup: h.hyphenate(words), font: style.body, width: 110, justify: true)
        hyphenated.draw(on: canvas, at: Point(72, 72))
        XCTAssertGreaterThan(hyphenated.lines.count, 3)
        let dir = try makeTemporaryFolder("folio-hy")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(canvas.finish()).write(to: dir.appendingPathComponent("h.pdf"))
        let text = try Tools.output("pdftotext", [dir.appendingPathComponent("h.pdf").path, "-"])
        let broken = text.split(separator: "\n").filter { $0.hasSuffix("-") || $0.hasSuffix("\u{2010}") || $0.hasSuffix("\u{00AD}") }
        XCTAssertFalse(broken.isEmpty, "a line ends in a drawn hyphen:\n\(text)")
    }
}

/// Documents at the edges render without trapping and stay well-formed.
final class EdgeCaseTests: XCTestCase {
    func testEmptyAndDegenerateDocumentsRender() throws {
        let sources = [
            "", "---\ntitle: Only a title\ntoc: true\n---\n", "# Only a heading\n",
            "| a | b |\n|---|---|\n", "- \n- [ ]\n", "> \n", "$$ $$\n", "[^1]\n\n[^1]: \n",
            String(repeating: "word ", count: 4000), "```swift\n```\n",
            "|" + String(repeating: " col |", count: 30) + "\n|" + String(repeating: "---|", count: 30) + "\n|" + String(repeating: " 1 |", count: 30) + "\n",
        ]
        for (k, source) in sources.enumerated() {
            let doc = try Document.parse(source, path: "edge\(k).md")
            let nb = ExecutedNotebook(document: doc, outputs: [0: [.figure(Figure(width: 1, height: 1)), .value("")]])
            let pdf = PDFReport.render(nb)
            XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8), "document \(k)")
            let html = HTMLReport.render(nb, figureDirectory: "edge")
            XCTAssertTrue(html.hasSuffix("</html>\n"), "document \(k)")
        }
    }
}
