import Foundation
import XCTest
import Graphics
import Notebook
import TestSupport
@testable import Report

/// Knuth–Plass in the report's paragraphs, on layout data: where lines end, inside formulas
/// and around dashes, and what happens to a formula wider than the line.
final class ParagraphBreakingTests: XCTestCase {
    let style = PageStyle(paper: .a4)

    func layout(_ markdown: String, width: Double) throws -> (TextLayout, RichText, PDFComposer) {
        let doc = try Document.parse(markdown, path: "p.md")
        guard case .paragraph(let inlines, _)? = doc.blocks.first else { throw MissingTool("a paragraph in the fixture") }
        let canvas = Canvas(.pdf, width: style.width, height: style.height)
        let composer = PDFComposer(canvas: canvas, style: style)
        let context = InlineContext(numbering: Numbering(ExecutedNotebook(document: doc, outputs: [:])))
        context.hyphenator = Hyphenator.english
        let rich = InlineMarkup.pango(inlines, context)
        return (composer.layout(rich, font: style.body, width: width, justify: true), rich, composer)
    }

    /// The layout's lines as text (breaks are paragraph separators in the layout's text).
    func lineTexts(_ l: TextLayout) -> [String] { l.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func testNoLineEndsOnAnEnOrEmDash() throws {
        let words = "The Marchenko–Pastur law and the Tracy–Widom edge — both of random matrix theory — describe spectra"
        for width in stride(from: 120.0, through: 300, by: 7) {
            let (l, _, _) = try layout(words + " of sample covariance matrices.", width: width)
            for line in lineTexts(l).dropLast() {
                XCTAssertFalse(line.hasSuffix("–") || line.hasSuffix("—"), "width \(width): '\(line)'")
            }
        }
    }

    /// A long formula breaks after one of its relations or operators; from a measure of 220 pt
    /// on, every line stays inside it (narrower ones may run over, as TeX's do).
    func testInlineMathBreaksAfterRelationsAndOperators() throws {
        let md = "The risk is $R(\\theta) = \\sum_i \\ell(x_i) + \\lambda \\|\\theta\\|^2 + \\mu \\|\\theta\\|_1 = L + \\Omega$ as stated."
        var brokeInside = false
        for width in stride(from: 140.0, through: 300, by: 10) {
            let (l, rich, _) = try layout(md, width: width)
            XCTAssertFalse(rich.mathBreaks.isEmpty)
            for b in rich.mathBreaks where l.line(containing: b.offset + 1) > l.line(containing: b.offset - 1) {
                brokeInside = true
            }
            guard width >= 220 else { continue }
            XCTAssertEqual(l.overfullLines, [], "width \(width)")
            for line in l.lines.indices {
                XCTAssertLessThanOrEqual(
                    l.rects(covering: 0..<rich.length).filter { $0.line == line }.map { $0.rect.x + $0.rect.width }.max() ?? 0, width + 0.5)
            }
        }
        XCTAssertTrue(brokeInside, "some measure breaks the formula")
    }

    /// A formula wider than the line runs over as a last resort, and the composer notes the page.
    func testAFormulaWiderThanTheLineIsOverfullAndNoted() throws {
        let md =
            "See $\\alpha\\beta\\gamma\\delta\\epsilon\\zeta\\eta\\theta\\iota\\kappa\\lambda\\mu\\nu\\xi\\pi\\rho\\sigma\\tau\\upsilon\\phi\\chi\\psi\\omega$ here."
        let (l, rich, composer) = try layout(md, width: 100)
        XCTAssertEqual(l.overfullLines.count, 1)
        composer.flow(l, rich: rich)
        XCTAssertEqual(composer.overfullPages, [1])
        let (fits, _, _) = try layout("Plain words that fit on lines of this measure.", width: 100)
        XCTAssertEqual(fits.overfullLines, [])
    }
}
