import Foundation
import XCTest
import MathType
import Notebook
import TestSupport
@testable import Report

/// Inline math in HTML breaks where the PDF's does: a formula with top-level relations and
/// binary operators is one inline SVG per piece (MathBreaks), with a break opportunity between
/// them, inside one span that keeps the formula's accessible name.
final class InlineMathWrapTests: XCTestCase {
    static let long = #"R(\theta) = \sum_i \ell(x_i) + \lambda \|\theta\|^2 + \mu \|\theta\|_1 = L + \Omega"#

    func page(_ tex: String) throws -> String {
        let doc = try Document.parse("Let $\(tex)$ hold for every choice.\n", path: "wrap.md")
        return HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "wrap")
    }

    func count(_ s: String, in html: String) -> Int { html.components(separatedBy: s).count - 1 }

    func testAFormulaIsOneSVGPerPieceInsideOneAccessibleSpan() throws {
        let pieces = MathRenderer.shared.layout(Self.long, style: .text, size: 12.6).pieces.count
        XCTAssertEqual(pieces, 6, "after =, +, +, = and +")
        let html = try page(Self.long)
        XCTAssertEqual(count("<span class=\"math-pieces\" role=\"img\" aria-label=\"\(HTML.escape(Self.long))\">", in: html), 1)
        XCTAssertEqual(count("<svg class=\"math\" aria-hidden=\"true\"", in: html), pieces)
        XCTAssertEqual(count("<wbr>", in: html), pieces - 1)
        // A formula with nothing to break at stays one SVG with its name on it.
        let single = try page(#"\sigma^\ell"#)
        XCTAssertEqual(count("<svg class=\"math\" role=\"img\" aria-label=\"\\sigma^\\ell\"", in: single), 1)
        XCTAssertEqual(count("math-pieces", in: single.replacingOccurrences(of: ".math-pieces", with: "")), 0)
    }

    /// Headless Chromium at a narrow measure: the formula, wider than the line, wraps between
    /// its pieces; no piece runs past the right edge, and the pieces of one line share a baseline.
    func testChromiumWrapsALongFormulaAtARelation() throws {
        _ = try Tools.path("chromium")
        let folder = try makeTemporaryFolder("folio-wrap")
        defer { try? FileManager.default.removeItem(at: folder) }
        var html = try page(Self.long)
        let probe = #"""
            <style>main{width:240px;max-width:240px}p{text-align:left}</style>
            <script>
            window.addEventListener('load', function(){
              var p = document.querySelector('main p'), box = p.getBoundingClientRect();
              var pieces = [].map.call(document.querySelectorAll('.math-pieces svg'), function(s){
                var r = s.getBoundingClientRect(); return [r.left - box.left, r.right - box.left, r.top, r.bottom];
              });
              document.body.setAttribute('data-probe', JSON.stringify({width: box.width, pieces: pieces}));
            });
            </script>
            """#
        html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        guard let json = try ChromiumProbe.run(html, in: folder) else { return }
        struct Probe: Decodable { var width: Double, pieces: [[Double]] }
        let m = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        XCTAssertLessThanOrEqual(m.width, 240, json)
        XCTAssertEqual(m.pieces.count, 6, json)
        let total = m.pieces.reduce(0) { $0 + $1[1] - $1[0] }
        XCTAssertGreaterThan(total, m.width, "the formula is wider than the line: unsplit it would run over")
        let lines = Dictionary(grouping: m.pieces, by: { ($0[3] * 2).rounded() / 2 })
        XCTAssertGreaterThan(lines.count, 1, "the formula wraps: \(json)")
        for piece in m.pieces { XCTAssertLessThanOrEqual(piece[1], m.width + 0.5, "a piece runs over: \(json)") }
        // Every line after the first starts with a piece at the left edge (the break is between pieces).
        let tops = m.pieces.map { $0[2] }
        for k in 1..<m.pieces.count where tops[k] > tops[k - 1] + 1 {
            XCTAssertLessThan(m.pieces[k][0], 1, "a wrapped piece begins its line: \(json)")
        }
    }

    /// A display wider than a phone's screen scrolls inside its own box; the page itself never
    /// scrolls sideways (the text around it keeps the screen's width).
    func testAWideDisplayScrollsInsideItsBoxNotThePage() throws {
        _ = try Tools.path("chromium")
        let folder = try makeTemporaryFolder("folio-wide")
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = try Document.parse("Before.\n\n$$\n\(Self.long) + \(Self.long)\n$$\n\nAfter.\n", path: "wide.md")
        var html = HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "wide")
        let probe = #"""
            <script>
            window.addEventListener('load', function(){
              var d = document.querySelector('.display-math'), svg = d.querySelector('svg');
              document.body.setAttribute('data-probe', JSON.stringify({
                page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
                box: d.clientWidth, content: d.scrollWidth, formula: svg.getBoundingClientRect().width}));
            });
            </script>
            """#
        html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        guard let json = try ChromiumProbe.run(html, in: folder, windowWidth: 420) else { return }
        struct Probe: Decodable { var page, view, box, content, formula: Double }
        let m = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        XCTAssertGreaterThan(m.formula, Double(m.view), "the formula is wider than the screen: \(json)")
        XCTAssertLessThanOrEqual(m.page, m.view, "the page does not scroll sideways: \(json)")
        XCTAssertGreaterThan(m.content, m.box, "the display scrolls inside its box: \(json)")
    }
}
