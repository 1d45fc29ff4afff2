import XCTest
import Notebook
@testable import Report

/// Formulas in HTML are inline SVG whose glyph symbols are named by id; every id on a page must
/// be unique, or a formula would draw another formula's glyphs.
final class MathHTMLTests: XCTestCase {
    func testFormulaIdsAreUniqueAcrossContentsAndBody() throws {
        let doc = try Document.parse(
            """
            ---
            title: Ids
            toc: true
            ---

            # Growth by $\\sigma_w/\\sqrt{2}$

            Let $\\gamma(t) = (\\cos 2\\pi t, \\sin 2\\pi t)$ and $x^2$.

            # Second $\\ell$

            $$\\sum_i x_i$$
            """, path: "ids.md")
        let html = HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "ids")
        let regex = try NSRegularExpression(pattern: #"id="([^"]+)""#)
        let ns = html as NSString
        let ids = regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
        XCTAssertGreaterThan(ids.count, 10, "formulas carry glyph symbols")
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        // Every glyph reference points at a symbol defined on the page.
        let refs = try NSRegularExpression(pattern: ##"href="#([^"]+)""##).matches(in: html, range: NSRange(location: 0, length: ns.length))
            .map { ns.substring(with: $0.range(at: 1)) }
        XCTAssertFalse(refs.isEmpty)
        XCTAssertTrue(Set(refs).isSubset(of: Set(ids)))
    }
}
