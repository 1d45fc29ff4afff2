import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// Running heads typeset a section's inline math (σ with a raised ℓ, from the math font), not
/// its plain form "σ^ℓ"; a title's dollar signs stay text.
final class RunningHeadTests: XCTestCase {
    struct Word {
        var text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double
    }

    func pageTwoHead(title: String, section: String) throws -> [Word] {
        let filler = Array(repeating: "Words that fill the page so that the section runs on to the next one.", count: 12).joined(separator: " ")
        let md = "---\ntitle: \(title)\n---\n\n# \(section)\n\n" + Array(repeating: filler, count: 8).joined(separator: "\n\n") + "\n"
        let doc = try Document.parse(md, path: "heads.md")
        let folder = try makeTemporaryFolder("folio-heads")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("heads.pdf")
        try Data(PDFReport.render(ExecutedNotebook(document: doc, outputs: [:]))).write(to: file)
        let bbox = try Tools.output("pdftotext", ["-bbox", "-f", "2", "-l", "2", file.path, "-"])
        let regex = try NSRegularExpression(
            pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        let words = regex.matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox)).map { m in
            let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
            return Word(text: HTMLScan.decodeEntities(g(5)), xMin: Double(g(1))!, yMin: Double(g(2))!, xMax: Double(g(3))!, yMax: Double(g(4))!)
        }
        // The head is above the text block (72 pt from the top).
        return words.filter { $0.yMax < 60 }
    }

    func testSectionMathIsTypesetInTheHead() throws {
        let head = try pageTwoHead(title: "Trajectory length", section: "Law 1: the $\\sigma^\\ell$ scaling is exact")
        let text = head.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("Law 1: the"), text)
        XCTAssertTrue(text.contains("scaling is exact"), text)
        XCTAssertFalse(text.contains("^") || text.contains("\\sigma"), "no plain or TeX form in the head: \(text)")
        // σ and ℓ come from the math font; ℓ is raised above σ's baseline.
        let glyphs = head.flatMap { w in w.text.unicodeScalars.map { ($0, w) } }
        guard let sigma = glyphs.first(where: { $0.0 == "\u{1D70E}" })?.1, let ell = glyphs.first(where: { $0.0 == "ℓ" })?.1 else {
            return XCTFail("no math italic σ and ℓ in the head: \(text)")
        }
        if sigma.text == ell.text {
            XCTAssertTrue(sigma.text.hasSuffix("ℓ"), "ℓ follows σ: \(sigma.text)")
        } else {
            XCTAssertLessThan(ell.yMin, sigma.yMin - 1, "ℓ is a superscript: \(ell) vs \(sigma)")
        }
    }

    func testDollarSignsInTheTitleStayText() throws {
        let head = try pageTwoHead(title: "Costs of $5 and $6 per run", section: "Prices")
        let text = head.map(\.text).joined(separator: " ")
        XCTAssertTrue(text.contains("Costs of $5 and $6 per run"), text)
        XCTAssertTrue(text.contains("Prices"), text)
    }
}
