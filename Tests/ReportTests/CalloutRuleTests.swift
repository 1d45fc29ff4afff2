import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// A callout's coloured rule runs down its left side on every page it spans, not only on the
/// page where it ends (it used to be the grey quote rule there, overdrawn in colour at the end).
final class CalloutRuleTests: XCTestCase {
    func testTheColouredRuleIsOnEveryPageTheCalloutSpans() throws {
        let out = try makeTemporaryFolder("folio-callout-rule")
        defer { try? FileManager.default.removeItem(at: out) }
        let paragraph = "A line of the note that goes on long enough to fill most of the width of the text block. "
        let body = (1...70).map { "Paragraph \($0). " + String(repeating: paragraph, count: 2) }.joined(separator: "\n\n")
        let md = "# Notes\n\n::: {.callout-warning title=\"Long\"}\n\(body)\n:::\n"
        let pdf = out.appendingPathComponent("c.pdf")
        try Data(PDFReport.render(ExecutedNotebook(document: try Document.parse(md, path: "c.md"), outputs: [:]))).write(to: pdf)
        let pages = Int(try Tools.output("pdfinfo", [pdf.path]).split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        XCTAssertGreaterThanOrEqual(pages, 3, "the callout spans pages")
        for page in 1...pages {
            XCTAssertGreaterThan(try colouredRun(pdf, page: page, out: out), 200, "page \(page): a coloured rule at the left, down most of the page")
        }
    }

    /// The longest vertical run of strongly coloured (not grey) pixels in the left fifth of a
    /// page rendered at 72 dpi.
    func colouredRun(_ pdf: URL, page: Int, out: URL) throws -> Int {
        let stem = out.appendingPathComponent("p\(page)").path
        _ = try Tools.output("pdftoppm", ["-r", "72", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, stem])
        let ppm = try Data(contentsOf: URL(fileURLWithPath: stem + ".ppm"))
        // Binary PPM: "P6\nW H\n255\n" then three bytes per pixel.
        let header = String(decoding: ppm.prefix(40), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == " " })
        let (w, h) = (Int(header[1])!, Int(header[2])!)
        let start = ppm.count - w * h * 3
        var best = 0
        for x in 0..<(w / 5) {
            var run = 0
            for y in 0..<h {
                let i = start + (y * w + x) * 3
                let (r, g, b) = (Int(ppm[i]), Int(ppm[i + 1]), Int(ppm[i + 2]))
                if max(r, g, b) - min(r, g, b) > 60 { run += 1; best = max(best, run) } else { run = 0 }
            }
        }
        return best
    }
}
