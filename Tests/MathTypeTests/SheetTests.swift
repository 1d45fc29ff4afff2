import Foundation
import Graphics
import XCTest
@testable import MathType

final class SheetTests: XCTestCase {
    static let renderer = try! MathRenderer()

    func testAllIssueFormulasRenderWithoutErrors() {
        for tex in FormulaSheet.required {
            let f = Self.renderer.layout(tex, style: .display, size: 12)
            XCTAssertEqual(f.errors, [], tex)
            XCTAssertGreaterThan(f.width, 0, tex)
            XCTAssertGreaterThan(f.height, 0, tex)
        }
    }

    func testSheetRendersToPNGAndPDF() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-math-sheet")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let png = FormulaSheet.draw(renderer: Self.renderer, kind: .png(dpi: 144))
        let pdf = FormulaSheet.draw(renderer: Self.renderer, kind: .pdf)
        try Data(png).write(to: dir.appendingPathComponent("sheet.png"))
        try Data(pdf).write(to: dir.appendingPathComponent("sheet.pdf"))
        try Data(FormulaSheet.drawInline(renderer: Self.renderer, kind: .png(dpi: 200))).write(to: dir.appendingPathComponent("inline.png"))
        try Data(FormulaSheet.drawInline(renderer: Self.renderer, kind: .pdf)).write(to: dir.appendingPathComponent("inline.pdf"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
    }

    /// Every formula of the sheet leaves ink: bands of inked rows separated by blank ones are at
    /// least as many as the formulas, and only the bad formula's band is red.
    func testEveryFormulaOfTheSheetDrawsInk() {
        let canvas = Canvas(.png(dpi: 72), width: 560, height: 2600)
        let formulas = FormulaSheet.required + FormulaSheet.more
        var y = 20.0
        var redRows: [Int] = []
        for tex in formulas {
            let f = Self.renderer.layout(tex, style: .display, size: 13)
            y += f.ascent
            f.draw(on: canvas, at: Point(20, y))
            if !f.errors.isEmpty { redRows.append(Int(y)) }
            y += f.descent + 10
        }
        let (w, h, rgba) = canvas.pixels()
        var bands = 0, inBand = false
        var redAt: [Int] = []
        for row in 0..<h {
            var ink = false
            for x in 0..<w {
                let o = (row * w + x) * 4
                if rgba[o] < 160 || rgba[o + 1] < 160 { ink = true }
                if rgba[o] > 150 && rgba[o + 1] < 90 && rgba[o + 2] < 90 { redAt.append(row) }
            }
            if ink && !inBand { bands += 1 }
            inBand = ink
        }
        XCTAssertGreaterThanOrEqual(bands, formulas.count)
        XCTAssertEqual(redRows.count, 1, "one formula of the sheet is deliberately wrong")
        XCTAssertFalse(redAt.isEmpty)
        XCTAssertTrue(redAt.allSatisfy { abs($0 - redRows[0]) < 20 }, "red only around the bad formula")
    }
}

final class OtherFontTests: XCTestCase {
    /// Any font with a MATH table works: the same formulas lay out with STIX Math, from its own metrics.
    func testSTIXMathLaysOutTheIssueFormulas() throws {
        let stix = MathRenderer(font: try MathFont(family: "STIX Math"))
        let lm = SheetTests.renderer
        let a = stix.font.constants, b = lm.font.constants
        XCTAssertNotEqual(stix.font.path, lm.font.path)
        XCTAssertTrue(
            [
                a.superscriptShiftUp != b.superscriptShiftUp, a.subscriptShiftDown != b.subscriptShiftDown,
                a.fractionRuleThickness != b.fractionRuleThickness,
            ].contains(true), "STIX has its own constants")
        for tex in FormulaSheet.required {
            let f = stix.layout(tex, style: .display, size: 12)
            XCTAssertEqual(f.errors, [], tex)
            XCTAssertGreaterThan(f.width, 0, tex)
        }
        let bar = stix.layout(#"\frac{a}{b}"#, style: .display, size: 10).items.compactMap {
            if case let .rule(_, y, _, h, _) = $0 { y + h / 2 } else { nil }
        }
        XCTAssertEqual(bar.first ?? 0, stix.font.constants.axisHeight, accuracy: 1e-9)
    }
}
