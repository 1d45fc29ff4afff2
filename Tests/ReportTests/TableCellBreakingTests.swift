import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// Cells of a Markdown table in the PDF are broken into lines by Knuth–Plass, as paragraphs
/// are (ParagraphBreaking): read back from the rendered page, no cell line ends on an en dash
/// (Pango's own wrapping breaks after one), formulas break after a relation, and every line
/// of a cell stays inside its column.
final class TableCellBreakingTests: XCTestCase {
    func testCellsAreBrokenAsParagraphsAre() throws {
        let cell = "The Marchenko–Pastur law and the Tracy–Widom edge describe spectra of sample covariance matrices"
        let math = "with $R(\\theta) = \\sum_i \\ell(x_i) + \\lambda \\|\\theta\\|^2 = L + \\Omega$ as stated"
        let md = """
            | law | where it holds |
            |:----|:---------------|
            | \(cell) in the limit of large dimension and sample size | \(cell), \(math) |
            | \(math), a second row | short |
            """
        let doc = try Document.parse(md, path: "cells.md")
        let pdf = PDFReport.render(ExecutedNotebook(document: doc, outputs: [:]))
        let folder = try makeTemporaryFolder("folio-cells")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cells.pdf")
        try Data(pdf).write(to: file)
        let bbox = try Tools.output("pdftotext", ["-bbox-layout", "-f", "1", "-l", "1", file.path, "-"])
        let lines = try NSRegularExpression(
            pattern: #"<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>"#, options: .dotMatchesLineSeparators
        )
        .matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox))
        .map { m -> (xMin: Double, xMax: Double, words: [String]) in
            let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
            let words = try! NSRegularExpression(pattern: #"<word [^>]*>([^<]*)</word>"#)
                .matches(in: g(3), range: NSRange(g(3).startIndex..., in: g(3)))
                .map { HTMLScan.decodeEntities(String(g(3)[Range($0.range(at: 1), in: g(3))!])) }
            return (Double(g(1))!, Double(g(2))!, words)
        }
        XCTAssertGreaterThan(lines.count, 8, "the cells wrap: \(lines.map(\.words))")
        for line in lines {
            XCTAssertFalse(line.words.last?.hasSuffix("–") ?? false, "a cell line ends on an en dash: \(line.words)")
        }
        // The text block's right edge: no cell line runs into the margin.
        let style = PageStyle(paper: .a4)
        for line in lines { XCTAssertLessThanOrEqual(line.xMax, style.margin.left + style.textWidth + 0.5, "\(line.words)") }
    }
}
