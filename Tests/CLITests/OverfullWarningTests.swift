import Foundation
import XCTest
import TestSupport

/// A line the paragraph breaker had to let run into the margin (a formula that cannot break,
/// wider than the line) is a warning at its paragraph's `file.md:line:col`, with how far it
/// runs over, measured: the number printed is what the PDF shows. Under `--strict`, an error.
final class OverfullWarningTests: CLITestCase {
    /// `\left( … \right)` never breaks: twenty terms are wider than the line (by less than
    /// the margin, so that the page shows all of it).
    static let wide = "(" + (1...20).map { "x_{\($0)}" }.joined(separator: " + ") + ")"
    static let text = "# Wide\n\nA short line first.\n\nThe sum $\\left" + wide.dropLast() + "\\right)$ is too wide.\n"

    func testAnOverfullLineIsAWarningAtItsParagraphWithTheOverflowTheRenderShows() throws {
        try write("notebooks/wide.md", Self.text)
        let r = try folio(["render"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let pattern = #"notebooks/wide\.md:5:1: warning: line (\d+) of the paragraph runs ([0-9.]+) pt into the margin"#
        let match = try XCTUnwrap(r.stderr.range(of: pattern, options: .regularExpression), r.stderr)
        let fields = r.stderr[match].split(separator: " ")
        let overflow = try XCTUnwrap(Double(fields[fields.count - 5]))
        XCTAssertEqual(r.stderr.components(separatedBy: "into the margin").count - 1, 1, "one line over, said once: \(r.stderr)")
        // The right edge of the ink on the formula's line, against the text block's (A4: 78 pt margins).
        let pdf = dir.appendingPathComponent("output/wide.pdf")
        let pages = try PDFPages(pdf)
        // The formula goes on a line of its own, between "The sum" and "is too wide."
        let above = try XCTUnwrap(pages.pages[0].word(containing: "sum")), below = try XCTUnwrap(pages.pages[0].word(containing: "wide."))
        let ink = try inkRight(pdf, top: above.yMax + 1, bottom: below.yMin - 1)
        XCTAssertEqual(ink - (595.276 - 78), overflow, accuracy: 2.5, "the warning says what the page shows (its logical box: the ink stops a little short)")
        XCTAssertGreaterThan(overflow, 10)
        XCTAssertLessThan(overflow, 78)

        let strict = try folio(["render", "--strict"])
        XCTAssertEqual(strict.status, 5, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("notebooks/wide.md:5:1: error: line "), strict.stderr)
    }

    func testAParagraphThatFitsSaysNothing() throws {
        try write("notebooks/fine.md", "# Fine\n\nThe sum $x_1 + x_2 + x_3$ fits on its line.\n")
        let r = try folio(["render"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("into the margin"), r.stderr)
    }

    /// The rightmost ink between `top` and `bottom` points on page 1, in points.
    func inkRight(_ pdf: URL, top: Double, bottom: Double) throws -> Double {
        let dpi = 144.0
        let stem = dir.appendingPathComponent("page").path
        _ = try Tools.output("pdftoppm", ["-r", "\(Int(dpi))", "-f", "1", "-l", "1", "-gray", "-singlefile", pdf.path, stem])
        let pgm = try Data(contentsOf: URL(fileURLWithPath: stem + ".pgm"))
        // Binary PGM: "P5\nW H\n255\n" then one byte per pixel.
        let header = String(decoding: pgm.prefix(40), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == " " })
        let (w, h) = (Int(header[1])!, Int(header[2])!)
        let start = pgm.count - w * h
        var right = 0
        for y in Int(top * dpi / 72)..<min(h, Int(bottom * dpi / 72)) {
            for x in stride(from: w - 1, to: right, by: -1) where pgm[start + y * w + x] < 128 {
                right = x
                break
            }
        }
        return Double(right + 1) * 72 / dpi
    }
}
