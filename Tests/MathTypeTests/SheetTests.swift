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
}
