import Foundation
import Graphics
import Notebook
import OutputChannel
import Plot
import TestSupport
@testable import Report
import XCTest

/// Well-formed but large content renders, in time linear in its size: long outputs and code
/// are laid out in chunks, wide and long tables and huge heatmaps draw, raster sizes are capped.
final class LargeContentTests: XCTestCase {
    func pdf(_ outputs: [Int: [CellOutput]], code: String = "let a = 1") throws -> [UInt8] {
        let doc = try Document.parse("---\ntitle: T\n---\n\n```swift\n\(code)\n```\n", path: "t.md")
        return PDFReport.render(ExecutedNotebook(document: doc, outputs: outputs))
    }

    func pdftotext(_ bytes: [UInt8]) throws -> String {
        let url = uniqueTemporaryURL("folio-large", suffix: ".pdf")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Tools.output("pdftotext", [url.path, "-"])
    }

    func testChunksKeepEveryLineAndCutLongLines() {
        let text = (0..<1000).map { "line \($0)" }.joined(separator: "\n") + "\n" + String(repeating: "x", count: 100_000)
        let chunks = TextChunks.plain(text, columns: 80)
        XCTAssertTrue(chunks.allSatisfy { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= TextChunks.maxLines })
        XCTAssertTrue(chunks.allSatisfy { $0.utf8.count <= TextChunks.maxBytes + 100 })
        let lines = chunks.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 1000 + 1250)  // 100 000 x's in pieces of 80
        XCTAssertEqual(lines[999], "line 999")
        XCTAssertEqual(lines.last, Substring(String(repeating: "x", count: 80)))
        XCTAssertEqual(TextChunks.plain("a<b&\u{0}", columns: 80), ["a&lt;b&amp;\u{FFFD}"])
        // Highlighted code: spans are closed at every line end, so chunks are valid markup alone.
        let code = "/* one\ntwo */ let x = \"\"\"\nthree\n\"\"\""
        XCTAssertEqual(
            TextChunks.swift(code),
            [
                "<span foreground=\"#6a737d\" font_style=\"italic\">/* one</span>\n"
                    + "<span foreground=\"#6a737d\" font_style=\"italic\">two */</span> <span foreground=\"#8a2a87\">let</span> x = "
                    + "<span foreground=\"#a33a1a\">&quot;&quot;&quot;</span>\n<span foreground=\"#a33a1a\">three</span>\n"
                    + "<span foreground=\"#a33a1a\">&quot;&quot;&quot;</span>"
            ])
    }

    func testAMebibyteOfOutputRendersInLinearTime() throws {
        // 10 000 lines of ~100 bytes, and the same mebibyte as one line without newlines.
        let lines = (0..<10_000).map { String(format: "%05d ", $0) + String(repeating: "abcdefghij", count: 10) }.joined(separator: "\n")
        let oneLine = String(repeating: "0123456789abcdef", count: 65_536)
        for text in [lines, oneLine] {
            let start = Date()
            let bytes = try pdf([0: [.stream(name: "stdout", text: text)]])
            let seconds = Date().timeIntervalSince(start)
            // Was ~100 s (a quadratic walk over one layout); a debug build now takes a few seconds.
            XCTAssertLessThan(seconds, 40, "\(text.count) bytes took \(seconds) s")
            let out = try pdftotext(bytes)
            if text == lines {
                XCTAssertTrue(out.contains("09999 abcdefghij"), "the last line is set")
                XCTAssertTrue(out.contains("05000 abcdefghij"))
            } else {
                // Every character is set (page numbers, lines of digits alone, left out).
                let body = out.split(separator: "\n").filter { !$0.allSatisfy(\.isNumber) && $0 != "T" }
                // (The running head and the title add a few letters of their own.)
                let set = body.joined().filter { "0123456789abcdef".contains($0) }.count
                XCTAssertTrue((0...16).contains(set - oneLine.count), "\(set) of \(oneLine.count) characters set")
            }
        }
    }

    func testATenThousandLineCellRenders() throws {
        let code = (0..<10_000).map { "let v\($0) = \($0) // comment \($0)" }.joined(separator: "\n")
        let start = Date()
        let out = try pdftotext(try pdf([:], code: code))
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        XCTAssertTrue(out.contains("let v9999 = 9999"))
    }

    func testWideAndLongTablesDrawAndThumbnail() throws {
        var wide = Table(columns: (0..<500).map { Table.Column("c\($0)") })
        wide.append((0..<500).map { .number(Double($0)) })
        let png = Thumbnail.png(wide)
        let image = try XCTUnwrap(RasterImage(png: png))
        XCTAssertLessThanOrEqual(max(image.width, image.height), 2000)
        XCTAssertGreaterThan(image.width, 100)
        var long = Table(columns: [Table.Column("i"), Table.Column("v")])
        for i in 0..<100_000 { long.rows.append([.number(Double(i)), .text("r\(i)")]) }
        let thumb = try XCTUnwrap(RasterImage(png: Thumbnail.png(long)))
        XCTAssertLessThanOrEqual(thumb.height, 2000)
    }

    func testATableTallerThanAPageContinuesWithItsHeader() throws {
        var long = Table(columns: [Table.Column("index"), Table.Column("name-column")])
        for i in 0..<3000 { long.rows.append([.number(Double(i)), .text("row\(i)")]) }
        let out = try pdftotext(pdf([0: [.table(long)]]))
        // Every row is set at the body size (not one page scaled to dust), the header on each page.
        XCTAssertTrue(out.contains("row0\n") || out.contains("row0 "), String(out.prefix(300)))
        XCTAssertTrue(out.contains("row2999"))
        let pages = out.components(separatedBy: "\u{0C}").count - 1
        XCTAssertGreaterThan(pages, 20)
        XCTAssertGreaterThanOrEqual(out.components(separatedBy: "name-column").count - 1, pages - 1)
    }

    func testInlineMathWiderThanPangoUnitsSets() throws {
        // 300 spaces at TeX's limit: 4.9 million points, past Pango's Int32 units (was a trap).
        let wide = String(repeating: #"\hspace{16383pt}"#, count: 300)
        let doc = try Document.parse("---\ntitle: T\n---\n\nBefore $x\(wide)y$ after.\n", path: "t.md")
        let out = try pdftotext(PDFReport.render(ExecutedNotebook(document: doc, outputs: [:])))
        XCTAssertTrue(out.contains("Before"), out)
        XCTAssertTrue(out.contains("formula too large"), out)
        // At the limit itself the formula is set and the text after it too. (A word before an
        // inline formula wider than the line is broken letter by letter by Pango: reported, not fixed here.)
        for w in [50, 16000] {
            let atLimit = try Document.parse("---\ntitle: T\n---\n\nBefore $x\\hspace{\(w)pt}y$ after.\n", path: "t.md")
            let set = try pdftotext(PDFReport.render(ExecutedNotebook(document: atLimit, outputs: [:])))
            XCTAssertTrue(set.contains("after."), "\(w): " + set)
            XCTAssertFalse(set.contains("formula too large"))
        }
    }

    func testHugeHeatmapsAndDPIsDrawOnEveryCanvas() throws {
        for (rows, columns) in [(1, 1_000_000), (1_000_000, 1)] {
            var fig = Figure(width: 300, height: 200)
            fig.axes.heatmap((0..<1_000_000).map { Double($0 % 977) }, rows: rows, columns: columns)
            XCTAssertNoThrow(try fig.validate())
            let png = try XCTUnwrap(RasterImage(png: FigureFiles.png(fig, dpi: 100)))
            XCTAssertEqual(png.width, Int((300.0 * 100 / 72).rounded(.up)))
            XCTAssertGreaterThan(FigureFiles.svg(fig).count, 1000)
            XCTAssertGreaterThan(FigureFiles.pdf(fig).count, 1000)
        }
        // A figure at 10⁷ dpi: the raster is capped at 32767 px a side and 64 Mpx.
        var fig = Figure(width: 100, height: 50)
        fig.line(x: [0, 1], y: [0, 1])
        let c = Canvas(.png(dpi: 1e7), width: 100, height: 50)
        guard case .png(let dpi) = c.kind else { return XCTFail() }
        XCTAssertLessThanOrEqual(100 * dpi / 72 * 50 * dpi / 72, Canvas.maxRasterPixels)
        XCTAssertEqual(Canvas.rasterDPI(.nan, width: 10, height: 10), 72)
        XCTAssertEqual(Canvas.rasterDPI(300, width: 10, height: 10), 300)
        XCTAssertLessThanOrEqual((14_400 * Canvas.rasterDPI(1000, width: 14_400, height: 10) / 72).rounded(.up), 32_767)
    }
}
