import Foundation
import Graphics
import TestSupport
import XCTest
@testable import MathType

/// What the formulas look like in files: embedded subset fonts, extractable text, same bytes every time.
final class OutputTests: XCTestCase {
    static let renderer = try! MathRenderer()

    func writeSheetPDF() throws -> URL {
        let url = uniqueTemporaryURL("folio-math-output", suffix: ".pdf")
        try Data(FormulaSheet.draw(renderer: Self.renderer, kind: .pdf)).write(to: url)
        return url
    }

    func testPDFEmbedsSubsetFontsAndNoType3() throws {
        let pdf = try writeSheetPDF()
        defer { try? FileManager.default.removeItem(at: pdf) }
        let fonts = try Tools.output("pdffonts", [pdf.path])
        let rows = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(rows.isEmpty, fonts)
        for row in rows {
            XCTAssertTrue(row.contains("LatinModernMath"), String(row))
            XCTAssertFalse(row.contains("Type 3"), String(row))
            // name is SUBSET+Font, and the emb/sub columns say yes.
            XCTAssertTrue(row.range(of: #"^[A-Z]{6}\+"#, options: .regularExpression) != nil, String(row))
            XCTAssertTrue(row.contains("yes yes"), String(row))
        }
    }

    func testPDFTextIsExtractable() throws {
        let pdf = try writeSheetPDF()
        defer { try? FileManager.default.removeItem(at: pdf) }
        let text = try Tools.output("pdftotext", [pdf.path, "-"])
        for expected in [
            "test error", "otherwise", "tr(", "max(0,", "\u{1D703}" /* 𝜃 */, "\u{211D}" /* ℝ */,
            "\u{2112}" /* ℒ */, "\u{1D416}" /* 𝐖 */, "\u{1D73D}" /* 𝜽 */, "\u{21A6}" /* ↦ */,
        ] {
            XCTAssertTrue(text.contains(expected), "pdftotext lacks '\(expected)'")
        }
    }

    func testOutputIsByteIdentical() {
        XCTAssertTrue(
            FormulaSheet.draw(renderer: Self.renderer, kind: .pdf) == FormulaSheet.draw(renderer: Self.renderer, kind: .pdf),
            "PDF bytes differ between renders")
        let f = Self.renderer.layout(FormulaSheet.required[3], style: .display, size: 12)
        XCTAssertTrue(f.svg() == f.svg(), "SVG bytes differ between renders")
        XCTAssertTrue(f.png() == f.png(), "PNG bytes differ between renders")
    }

    func testStandaloneSVGHasTheFormulaSize() throws {
        let f = Self.renderer.layout(#"\frac{a}{b} + \sqrt{x}"#, style: .display, size: 12)
        let svg = String(decoding: f.svg(padding: 1), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.contains(#"width="\#(fmt(f.width + 2))pt""#) || svg.contains("width=\"\(fmt(f.width + 2))"), svg.prefix(300).description)
        // Glyphs become paths (SVG has no font embedding); the fraction bar and radical rule are rects/paths.
        XCTAssertGreaterThanOrEqual(svg.components(separatedBy: "<path").count - 1, 4)
        // Ids carry the prefix, so two formulas inlined in one page keep their own glyphs.
        let other = String(decoding: Self.renderer.layout("y", size: 12).svg(idPrefix: "eq2"), as: UTF8.self)
        XCTAssertTrue(svg.contains(#"id="m-glyph0-1""#) && svg.contains(##"href="#m-glyph0-1""##))
        XCTAssertTrue(other.contains(#"id="eq2-glyph0-1""#))
        XCTAssertFalse(svg.contains(#"id="glyph"#) || svg.contains("surface1"))
    }

    private func fmt(_ v: Double) -> String {
        var s = String(format: "%.6g", v)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() } }
        return s
    }

    func testPNGInkMatchesTheLayoutExtent() {
        // Ink of a drawn formula stays inside width × (ascent + descent).
        let f = Self.renderer.layout(#"\left(\sum_{i=1}^n x_i^2\right)^{1/2}"#, style: .display, size: 20)
        let pad = 4.0, dpi = 144.0
        let canvas = Canvas(.png(dpi: dpi), width: f.width + 2 * pad, height: f.height + 2 * pad)
        f.draw(on: canvas, at: Point(pad, pad + f.ascent))
        let (w, h, rgba) = canvas.pixels()
        var minX = w, maxX = 0, minY = h, maxY = 0
        for y in 0..<h {
            for x in 0..<w where rgba[(y * w + x) * 4] < 200 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        let px = dpi / 72
        XCTAssertGreaterThanOrEqual(Double(minX), (pad - 1) * px)
        XCTAssertLessThanOrEqual(Double(maxX), (pad + f.width + 1) * px)
        XCTAssertGreaterThanOrEqual(Double(minY), (pad - 1) * px)
        XCTAssertLessThanOrEqual(Double(maxY), (pad + f.height + 1) * px)
        // And it fills most of it.
        XCTAssertGreaterThan(Double(maxX - minX), 0.9 * f.width * px)
        XCTAssertGreaterThan(Double(maxY - minY), 0.8 * f.height * px)
    }
}
