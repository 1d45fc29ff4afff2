import Foundation
import XCTest
import Notebook
import OutputChannel
import Plot
import TestSupport
@testable import Report

/// Figures and tables that float (LaTeX's `htp`, the cell option `fig-pos`), measured on the
/// rendered PDF: which page a figure, its caption and the text after its cell land on, and
/// where on the page.
final class FloatPlacementTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws {
        out = uniqueTemporaryURL("floats")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    /// Text block of an A4 page: from 72 pt to 769.9 pt.
    let (textTop, textBottom) = (72.0, 841.89 - 72)

    /// `count` paragraphs of five lines or so, each word `tag` + paragraph + word numbers.
    static func filler(_ tag: String, _ count: Int, words: Int = 55) -> String {
        (0..<count).map { p in (0..<words).map { "\(tag)\(p)w\($0)" }.joined(separator: " ") }.joined(separator: "\n\n")
    }

    /// A figure cell `label` whose figure is `height` points tall, with `TITLE-label` as its title.
    static func figureCell(_ label: String, position: String? = nil) -> String {
        "```swift\n//| label: \(label)\n//| caption: The figure \(label).\n//| echo: false\n"
            + (position.map { "//| fig-pos: \($0)\n" } ?? "") + "fig\n```\n"
    }

    /// Whether `word` is one of `filler(tag, …)`'s.
    static func isFiller(_ word: String, _ tag: String) -> Bool {
        word.range(of: "^\(tag)[0-9]+w[0-9]+", options: .regularExpression) != nil
    }

    static func figure(_ label: String, height: Double) -> CellOutput {
        var fig = Figure(width: 360, height: height, title: "TITLE-\(label)", xLabel: "x", yLabel: "y")
        fig.line(x: [0, 1, 2], y: [0, 1, 4])
        return .figure(fig)
    }

    func render(_ markdown: String, figures: [Int: [CellOutput]]) throws -> PDFPages {
        let doc = try Document.parse(markdown, path: "floats.md")
        let url = out.appendingPathComponent("floats-\(UUID().uuidString).pdf")
        try Data(PDFReport.render(ExecutedNotebook(document: doc, outputs: figures))).write(to: url)
        return try PDFPages(url)
    }

    /// How far down the text block the page's words reach (0 empty, 1 full).
    func fill(_ page: PDFPages.Page) -> Double {
        let lowest = page.words.filter { $0.yMax < textBottom + 4 }.map(\.yMax).max() ?? textTop
        return (lowest - textTop) / (textBottom - textTop)
    }

    func testAFigureThatDoesNotFitFloatsToTheNextPageTopAndTheTextAfterItFillsThisPage() throws {
        let md = "# Floats\n\n" + Self.filler("a", 4) + "\n\n" + Self.figureCell("fig-tall") + "\n" + Self.filler("b", 8)
        let pdf = try render(md, figures: [0: [Self.figure("fig-tall", height: 420)]])
        XCTAssertEqual(pdf.page(of: "b0w0"), 1, "the text after the cell goes on where the figure did not fit")
        XCTAssertEqual(pdf.page(of: "TITLE-fig-tall"), 2)
        XCTAssertEqual(pdf.page(of: "fig-tall."), 2, "the caption goes with its figure")
        let title = try XCTUnwrap(pdf.pages[1].word(containing: "TITLE-fig-tall"))
        XCTAssertLessThan(title.yMin, textTop + 30, "at the top of the page")
        // The figure is above the text that continues on its page.
        let next = try XCTUnwrap(pdf.pages[1].words.first { Self.isFiller($0.text, "b") })
        XCTAssertGreaterThan(next.yMin, title.yMin + 400)
        XCTAssertGreaterThan(fill(pdf.pages[0]), 0.9, "no half-empty page before the figure")
    }

    func testHereOnlyMovesTheFigureWithTheText() throws {
        let md = "# Floats\n\n" + Self.filler("a", 4) + "\n\n" + Self.figureCell("fig-tall", position: "H") + "\n" + Self.filler("b", 8)
        let pdf = try render(md, figures: [0: [Self.figure("fig-tall", height: 420)]])
        XCTAssertEqual(pdf.page(of: "TITLE-fig-tall"), 2)
        XCTAssertEqual(pdf.page(of: "b0w0"), 2, "H: nothing passes the figure")
        XCTAssertLessThan(fill(pdf.pages[0]), 0.7)
    }

    func testTopOnlySendsEvenAFigureThatFitsToTheNextPageTop() throws {
        let md = Self.filler("a", 2) + "\n\n" + Self.figureCell("fig-small", position: "t") + "\n" + Self.filler("b", 12)
        let pdf = try render(md, figures: [0: [Self.figure("fig-small", height: 150)]])
        XCTAssertEqual(pdf.page(of: "TITLE-fig-small"), 2)
        XCTAssertLessThan(try XCTUnwrap(pdf.pages[1].word(containing: "TITLE-fig-small")).yMin, textTop + 30)
        XCTAssertEqual(pdf.page(of: "b0w0"), 1)
    }

    func testAFigureThatFitsStaysHereByDefault() throws {
        let md = Self.filler("a", 2) + "\n\n" + Self.figureCell("fig-small") + "\n" + Self.filler("b", 2)
        let pdf = try render(md, figures: [0: [Self.figure("fig-small", height: 150)]])
        XCTAssertEqual(pdf.pages.count, 1)
        let a = try XCTUnwrap(pdf.pages[0].word(containing: "a1w54")), fig = try XCTUnwrap(pdf.pages[0].word(containing: "TITLE-fig-small"))
        let b = try XCTUnwrap(pdf.pages[0].word(containing: "b0w0"))
        XCTAssertLessThan(a.yMax, fig.yMin)
        XCTAssertLessThan(fig.yMax, b.yMin)
    }

    func testFloatsKeepTheirOrderAndATallOneGetsAPageOfFloats() throws {
        // The first is too tall to share a page with text (more than 80 % of it): a page of floats.
        let md = Self.filler("a", 4) + "\n\n" + Self.figureCell("fig-one") + "\n" + Self.figureCell("fig-two") + "\n" + Self.filler("b", 16)
        let pdf = try render(md, figures: [0: [Self.figure("fig-one", height: 600)], 1: [Self.figure("fig-two", height: 200)]])
        let one = try XCTUnwrap(pdf.page(of: "TITLE-fig-one")), two = try XCTUnwrap(pdf.page(of: "TITLE-fig-two"))
        XCTAssertEqual(one, 2)
        XCTAssertGreaterThanOrEqual(two, one, "floats keep their order")
        XCTAssertEqual(pdf.page(of: "b0w0"), 1, "the text after both cells fills the first page")
        XCTAssertFalse(pdf.pages[1].words.contains { Self.isFiller($0.text, "b") }, "a page of floats has no text: \(pdf.pages[1].text)")
        XCTAssertEqual(two, 3, "the second waits for the page after, at its top")
        XCTAssertLessThan(try XCTUnwrap(pdf.pages[2].word(containing: "TITLE-fig-two")).yMin, textTop + 30)
    }

    func testAFloatPageOnlyFigureGetsAPageOfItsOwn() throws {
        let md = Self.filler("a", 1) + "\n\n" + Self.figureCell("fig-page", position: "p") + "\n" + Self.filler("b", 14)
        let pdf = try render(md, figures: [0: [Self.figure("fig-page", height: 420)]])
        XCTAssertEqual(pdf.page(of: "TITLE-fig-page"), 2)
        XCTAssertEqual(pdf.page(of: "b0w0"), 1)
        XCTAssertFalse(pdf.pages[1].words.contains { Self.isFiller($0.text, "b") }, "nothing but floats on it")
    }

    func testAFigureInsideAQuoteStaysInIt() throws {
        let md =
            Self.filler("a", 4) + "\n\n> quoted\n>\n> " + Self.figureCell("fig-q").replacingOccurrences(of: "\n", with: "\n> ") + "\n\n" + Self.filler("b", 4)
        let pdf = try render(md, figures: [0: [Self.figure("fig-q", height: 420)]])
        XCTAssertEqual(pdf.page(of: "TITLE-fig-q"), 2)
        XCTAssertEqual(pdf.page(of: "b0w0"), 2)
    }
}
