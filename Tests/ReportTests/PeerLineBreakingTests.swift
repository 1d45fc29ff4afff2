import Foundation
import XCTest
import Graphics
import Notebook
import TestSupport
@testable import Report

/// Folio's paragraphs side by side with pdflatex's (issue #20): the notebooks' prose, set at
/// the same width, font and size by both, measured the same way on the PDFs.
final class PeerLineBreakingTests: XCTestCase {
    struct Comparison {
        var folio: WordSpacing, firstFit: WordSpacing, latex: WordSpacing
        var widths: [Double]
        /// Paragraphs with a line running past the measure (by more than a point).
        func overfull(_ w: WordSpacing) -> Int { zip(w.reach, widths).filter { $0 > $1 + 1 }.count }
        var p95: (folio: Double, latex: Double) {
            (WordSpacing.percentile(folio.justified, 0.95), WordSpacing.percentile(latex.justified, 0.95))
        }
        var maximum: (folio: Double, latex: Double) { (folio.justified.max() ?? 0, latex.justified.max() ?? 0) }
        /// Paragraphs whose line counts differ by at most one.
        var linesWithinOne: Double { linesWithinOne(folio) }
        func linesWithinOne(_ w: WordSpacing) -> Double {
            let close = zip(w.pages, latex.pages).filter { abs($0.count - $1.count) <= 1 }.count
            return Double(close) / Double(max(1, latex.pages.count))
        }
        /// Paragraphs with a line beyond 2× natural space in Folio but not in pdflatex — except
        /// where pdflatex instead runs a line more than `LineBreaker`'s `sloppyBeyond` (6 pt)
        /// into the margin: there Folio sets the paragraph loose on purpose (LaTeX's \sloppy).
        var looseOnlyInFolio: [Int] {
            zip(folio.pages, latex.pages).enumerated().compactMap { k, pair in
                let latexRunsOver = latex.reach[k] > widths[k] + 1
                return pair.0.dropLast().contains { $0 > 2 } && !pair.1.dropLast().contains { $0 > 2 } && !latexRunsOver ? k : nil
            }
        }
    }

    /// The prose of the notebooks and of the user guide (docs/guide, notebooks too), each
    /// paragraph set at three measures: the text width, a list item's and a narrow column's
    /// (where breaking is hardest).
    static let widthFactors = [1.0, 0.82, 0.64]

    func compare() throws -> Comparison {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let paragraphs =
            try LaTeXParagraphs.collect(from: root.appendingPathComponent("notebooks"))
            + LaTeXParagraphs.collect(from: root.appendingPathComponent("docs/guide"))
        XCTAssertGreaterThanOrEqual(paragraphs.count, 100, "a corpus of at least 100 distinct paragraphs")
        let style = PageStyle(paper: .a4)
        let dir = try makeTemporaryFolder("folio-peer")
        defer { try? FileManager.default.removeItem(at: dir) }

        let settings = Self.widthFactors.flatMap { f in paragraphs.map { ($0, (style.textWidth * f).rounded()) } }
        let numbering = Numbering(ExecutedNotebook(document: try Document.parse("", path: "p.md"), outputs: [:]))
        /// Folio's PDF of the corpus, one paragraph per page; with `firstFit`, the lines are
        /// Pango's (the breaking before Knuth–Plass, math pieces kept at their spacing).
        func folioPDF(firstFit: Bool) throws -> URL {
            let canvas = Canvas(.pdf, width: style.width, height: style.height)
            let composer = PDFComposer(canvas: canvas, style: style)
            for (k, (p, width)) in settings.enumerated() {
                let context = InlineContext(numbering: numbering)
                context.hyphenator = Hyphenator.english
                let rich = InlineMarkup.pango(p, context)
                var layout = composer.layout(rich, font: style.body, width: width, justify: true)
                if firstFit {
                    layout = TextLayout(
                        canvas: canvas, markup: rich.markup, font: style.body, width: width, justify: true, wrapAnywhere: true)
                    layout.reserve(
                        rich.inlineBoxes
                            + rich.mathBreaks.map { .init(offset: $0.offset, length: 1, width: $0.gap, ascent: 0, descent: 0) })
                }
                composer.flow(layout, rich: rich)
                if k + 1 < settings.count { composer.newPage() }
            }
            composer.finish()
            let url = dir.appendingPathComponent(firstFit ? "pango.pdf" : "folio.pdf")
            try Data(canvas.finish()).write(to: url)
            return url
        }

        let tex = LaTeXParagraphs.document(
            settings.map { (LaTeXParagraphs.latex($0.0)!, $0.1) }, size: style.bodySize, leading: 13)
        try tex.write(to: dir.appendingPathComponent("peer.tex"), atomically: true, encoding: .utf8)
        let (status, out, _) = try Tools.run(
            "pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "-output-directory", dir.path, dir.appendingPathComponent("peer.tex").path])
        XCTAssertEqual(status, 0, String(out.suffix(2000)))
        let natural = 0.333 * style.bodySize  // Latin Modern's interword space, in both
        func measure(_ pdf: URL, bottom: Double = .infinity) throws -> WordSpacing {
            let w = try WordSpacing(
                bboxLayout: try Tools.output("pdftotext", ["-bbox-layout", pdf.path, "-"]), naturalSpace: natural, bottom: bottom)
            XCTAssertEqual(w.pages.count, settings.count, "one paragraph per page")
            return w
        }
        return Comparison(
            folio: try measure(try folioPDF(firstFit: false), bottom: style.bottom),
            firstFit: try measure(try folioPDF(firstFit: true), bottom: style.bottom),
            latex: try measure(dir.appendingPathComponent("peer.pdf")), widths: settings.map(\.1))
    }

    func testJustifiedSpacingAndLineCountsMatchPdflatex() throws {
        let c = try compare()
        let summary = String(
            format:
                "%d paragraph settings, %d/%d justified lines; p95 Folio %.3f pdflatex %.3f; max Folio %.3f pdflatex %.3f; lines ±1: %.1f %%; overfull paragraphs Folio %d pdflatex %d",
            c.latex.pages.count, c.folio.justified.count, c.latex.justified.count, c.p95.folio, c.p95.latex,
            c.maximum.folio, c.maximum.latex, 100 * c.linesWithinOne, c.overfull(c.folio), c.overfull(c.latex))
        print("peer line breaking: " + summary)
        let pango = String(
            format: "Pango's first fit (before): p95 %.3f, max %.3f, lines ±1: %.1f %%, overfull paragraphs %d",
            WordSpacing.percentile(c.firstFit.justified, 0.95), c.firstFit.justified.max() ?? 0, 100 * c.linesWithinOne(c.firstFit), c.overfull(c.firstFit))
        print("peer line breaking: " + pango)
        XCTAssertLessThan(c.p95.folio, WordSpacing.percentile(c.firstFit.justified, 0.95), "better than Pango's; " + pango)
        XCTAssertLessThanOrEqual(c.p95.folio, c.p95.latex * 1.1, summary)
        XCTAssertEqual(c.looseOnlyInFolio, [], "paragraphs with a line beyond 2× natural space only in Folio; " + summary)
        XCTAssertGreaterThanOrEqual(c.linesWithinOne, 0.9, summary)
        XCTAssertLessThanOrEqual(c.overfull(c.folio), c.overfull(c.latex), "no more lines into the margin than pdflatex; " + summary)
    }
}
