import Graphics
import Notebook
import OutputChannel
import Plot
import TestSupport
@testable import Report
import XCTest

/// Every notebook gets a picture in the site index: its first figure, or its first table.
final class ThumbnailTests: XCTestCase {
    func render(_ outputs: [Int: [CellOutput]]) throws -> (URL, String) {
        let out = uniqueTemporaryURL("folio-thumb")
        let doc = try Document.parse("---\ntitle: T\n---\n\n```swift\nlet a = 1\n```\n", path: "t.md")
        try ReportWriter(outputDirectory: out).write(ExecutedNotebook(document: doc, outputs: outputs))
        return (out, try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8))
    }

    func testATableOnlyNotebookGetsItsFirstTableAsThumbnail() throws {
        var table = Table(columns: [Table.Column("width $n$"), Table.Column("loss", format: .scientific(digits: 1))])
        table.append([.number(20), .number(1e-10)])
        table.append([.number(2500), .number(3e-11)])
        let (out, index) = try render([0: [.table(table)]])
        defer { try? FileManager.default.removeItem(at: out) }
        XCTAssertTrue(index.contains("src=\"t/thumbnail.png\""), index)
        let image = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: out.appendingPathComponent("t/thumbnail.png")))))
        // Ink on white: the table's text and rules are drawn.
        var dark = 0
        for y in 0..<image.height { for x in 0..<image.width where image[x: x, y: y][0] < 128 { dark += 1 } }
        XCTAssertGreaterThan(dark, 100)
        XCTAssertGreaterThan(image.width, image.height, "a two-column, three-line table is wider than tall")
    }

    func testAFigureWinsOverATableAndNoOutputsMeanNoThumbnail() throws {
        var fig = Figure(width: 100, height: 80)
        fig.line(x: [0, 1], y: [0, 1])
        let table = Table(columns: [Table.Column("a")], rows: [[.number(1)]])
        let (out, index) = try render([0: [.table(table), .figure(fig)]])
        defer { try? FileManager.default.removeItem(at: out) }
        XCTAssertTrue(index.contains("src=\"t/cell-1.png\""), index)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("t/thumbnail.png").path))
        let (empty, plain) = try render([:])
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertFalse(plain.contains("<img"), plain)
    }
}

/// The abstract is inline Markdown with math, as in Quarto: typeset in the PDF and the page,
/// plain Unicode where only text fits (index, metadata).
final class AbstractMathTests: XCTestCase {
    func testAbstractMathIsTypesetInPageAndPlainInIndex() throws {
        let out = uniqueTemporaryURL("folio-abstract")
        defer { try? FileManager.default.removeItem(at: out) }
        let doc = try Document.parse("---\ntitle: T\nabstract: The distance falls like $n^{-1}$ and *slowly*.\n---\n\nText.\n", path: "a.md")
        XCTAssertEqual(doc.abstractInlines?.count, 5, "\(String(describing: doc.abstractInlines))")
        try ReportWriter(outputDirectory: out).write(ExecutedNotebook(document: doc, outputs: [:]))
        let page = try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8)
        let abstract = try XCTUnwrap(page.range(of: "<div class=\"abstract\">").map { String(page[$0.lowerBound...].prefix(4000)) })
        XCTAssertTrue(abstract.contains("<svg"), "math typeset as inline SVG")
        // Sized in em, so it follows the abstract's smaller type (and a heading's larger one).
        XCTAssertNotNil(
            abstract.range(
                of: #"<svg class="math"[^>]*vertical-align:-?[0-9.]+em[^>]*width="[0-9.]+em" height="[0-9.]+em""#,
                options: .regularExpression), abstract)
        XCTAssertTrue(abstract.contains("<em>slowly</em>"), abstract)
        XCTAssertFalse(abstract.contains("$n"), abstract)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // Plain prose as the page shows it: the formula's plain reading, the emphasis without its asterisks.
        XCTAssertTrue(index.contains("falls like n⁻¹ and slowly."), index)
    }
}

/// HTML paragraphs carry soft hyphens from our patterns (browsers may lack an English
/// dictionary), but links and code do not.
final class HTMLHyphenationTests: XCTestCase {
    func testParagraphWordsGetSoftHyphensButLinksAndCodeDoNot() throws {
        let doc = try Document.parse("Parametrisation matters. See [documentation](https://example.org/documentation) and `parametrisation`.\n", path: "h.md")
        let html = HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "h")
        let paragraph = try XCTUnwrap(html.range(of: "<p>Par").map { String(html[$0.lowerBound...].prefix(400)) })
        XCTAssertTrue(paragraph.hasPrefix("<p>Pa\u{AD}ram") || paragraph.contains("\u{AD}"), paragraph)
        XCTAssertEqual(paragraph.replacingOccurrences(of: "\u{AD}", with: "").prefix(27), "<p>Parametrisation matters.")
        XCTAssertTrue(paragraph.contains(">documentation</a>"), "link text unhyphenated: \(paragraph)")
        XCTAssertTrue(paragraph.contains("<code>parametrisation</code>"), paragraph)
    }
}
