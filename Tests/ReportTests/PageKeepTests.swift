import Foundation
import XCTest
import Notebook
import OutputChannel
import TestSupport
@testable import Report

/// What must not be parted by a page break, measured on rendered PDFs over a sweep of page
/// positions: a heading and the first two lines after it, the first and last two lines of a
/// paragraph (no widows, no orphans), a cell's code and the first lines of its output.
final class PageKeepTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws {
        out = uniqueTemporaryURL("keeps")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    func render(_ markdown: String, outputs: [Int: [CellOutput]] = [:]) throws -> PDFPages {
        let doc = try Document.parse(markdown, path: "keeps.md")
        let url = out.appendingPathComponent("keeps-\(UUID().uuidString).pdf")
        try Data(PDFReport.render(ExecutedNotebook(document: doc, outputs: outputs))).write(to: url)
        return try PDFPages(url)
    }

    /// One-line paragraphs that move what follows down the page by one line each.
    static func lines(_ n: Int) -> String { (0..<n).map { "Filler line \($0)." }.joined(separator: "\n\n") }

    /// A paragraph of `words` words `p<k>w<i>`, so that each word names its paragraph.
    static func paragraph(_ k: Int, words: Int) -> String { (0..<words).map { "p\(k)w\($0)" }.joined(separator: " ") }

    /// The distinct baselines (rounded) of the words of paragraph `k` on each page.
    func linesOfParagraph(_ k: Int, in pdf: PDFPages) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (n, page) in pdf.pages.enumerated() {
            let ys = Set(page.words.filter { $0.text.hasPrefix("p\(k)w") }.map { Int($0.yMax.rounded()) })
            if !ys.isEmpty { result[n + 1] = ys.count }
        }
        return result
    }

    func testAHeadingNeverEndsAPageAndTakesTwoLinesWithIt() throws {
        for n in stride(from: 36, through: 52, by: 1) {
            let md = Self.lines(n) + "\n\n## Kept heading\n\n" + Self.paragraph(0, words: 60) + "\n"
            let pdf = try render(md)
            let page = try XCTUnwrap(pdf.page(of: "Kept"), "filler \(n)")
            let heading = try XCTUnwrap(pdf.pages[page - 1].word(containing: "Kept"))
            let below = Set(pdf.pages[page - 1].words.filter { $0.text.hasPrefix("p0w") && $0.yMin > heading.yMax }.map { Int($0.yMax.rounded()) })
            XCTAssertGreaterThanOrEqual(below.count, 2, "filler \(n): the heading on page \(page) has \(below.count) lines of its paragraph below it")
        }
    }

    func testConsecutiveHeadingsStayTogetherWithTheText() throws {
        for n in stride(from: 38, through: 52, by: 2) {
            let md = Self.lines(n) + "\n\n# Outer heading\n\n## Inner heading\n\n" + Self.paragraph(0, words: 40) + "\n"
            let pdf = try render(md)
            let outer = try XCTUnwrap(pdf.page(of: "Outer")), inner = try XCTUnwrap(pdf.page(of: "Inner"))
            XCTAssertEqual(outer, inner, "filler \(n)")
            XCTAssertEqual(linesOfParagraph(0, in: pdf)[inner].map { $0 >= 2 }, true, "filler \(n)")
        }
    }

    func testNoParagraphLeavesASingleLineAtTheBottomOrTopOfAPage() throws {
        // Paragraphs of three to six lines across every position of a page break.
        for n in stride(from: 30, through: 50, by: 1) {
            let md = Self.lines(n) + "\n\n" + (0..<6).map { Self.paragraph($0, words: 36 + 12 * ($0 % 4)) }.joined(separator: "\n\n") + "\n"
            let pdf = try render(md)
            for k in 0..<6 {
                let parts = linesOfParagraph(k, in: pdf)
                guard parts.count > 1 else { continue }
                for (page, count) in parts {
                    XCTAssertGreaterThanOrEqual(count, 2, "filler \(n): paragraph \(k) has \(count) line alone on page \(page) (\(parts))")
                }
            }
        }
    }

    func testACellsCodeKeepsWithTheFirstLinesOfItsOutput() throws {
        let code = (0..<6).map { "let codeLine\($0) = \($0)" }.joined(separator: "\n")
        let printed = (0..<8).map { "printedLine\($0)" }.joined(separator: "\n") + "\n"
        for n in stride(from: 34, through: 52, by: 1) {
            let md = Self.lines(n) + "\n\n```swift\n" + code + "\n```\n\nAfter the cell.\n"
            let pdf = try render(md, outputs: [0: [.stream(name: "stdout", text: printed)]])
            let last = try XCTUnwrap(pdf.page(of: "codeLine5")), first = try XCTUnwrap(pdf.page(of: "printedLine0"))
            XCTAssertEqual(last, first, "filler \(n): the code's last line on page \(last), its output's first on page \(first)")
            XCTAssertEqual(pdf.page(of: "printedLine1"), first, "filler \(n): two lines of the output with the code")
        }
    }
}
