import Foundation
import Graphics
import TestSupport
import XCTest
@testable import Plot

/// `legend = .best` in a grid of narrow panels, the case #24 was filed for: a 1×3 figure whose
/// legends all went outside, halving every panel. matplotlib's `loc="best"` keeps each legend
/// inside its panel when a spot there is free, and so must Folio, measured on the drawn PDF.
final class LegendPlacementTests: XCTestCase {
    /// A 6.3 × 2.1 in figure of three panels, each with two falling loss curves (upper left to
    /// lower right, leaving the upper right free), labelled or not.
    static func narrowGrid(labelled: Bool) -> Figure {
        var f = Figure(width: 6.3 * 72, height: 2.1 * 72, rows: 1, columns: 3)
        let steps = (0...100).map(Double.init)
        for c in 0..<3 {
            let rate = 10 * Double(c + 1)
            f[0, c].line(x: steps, y: steps.map { exp(-$0 / rate) }, label: labelled ? "train" : nil)
            f[0, c].line(x: steps, y: steps.map { exp(-$0 / rate) + 0.1 }, label: labelled ? "test" : nil)
        }
        return f
    }

    /// Tick labels (the words that are numbers) with their boxes, sorted (the reading order
    /// pdftotext gives changes when legend words sit between them).
    static func tickLabels(_ words: [(text: String, box: [Double])]) -> [String] {
        words.filter { Double($0.text.replacingOccurrences(of: "\u{2212}", with: "-")) != nil }.map { "\($0.text) \($0.box)" }.sorted()
    }

    func testBestKeepsEveryLegendOfANarrowGridInsideItsPanel() throws {
        let labelled = Self.narrowGrid(labelled: true)
        let with = try PlotProbe.words(labelled), without = try PlotProbe.words(Self.narrowGrid(labelled: false))
        // An outside legend widens its panel's right margin and so narrows every plot of the
        // row: the tick labels would move. Inside, the legends take no room at all.
        XCTAssertFalse(Self.tickLabels(without).isEmpty)
        XCTAssertEqual(Self.tickLabels(with), Self.tickLabels(without), "a legend went outside and moved the plots")
        // And each panel draws its own legend, within its third of the figure.
        let cell = labelled.width / 3
        for name in ["train", "test"] {
            let boxes = with.filter { $0.text == name }.map(\.box).sorted { $0[0] < $1[0] }
            XCTAssertEqual(boxes.count, 3, "one '\(name)' entry per panel")
            for (k, b) in boxes.enumerated() {
                XCTAssertTrue(
                    b[0] > Double(k) * cell && b[2] < Double(k + 1) * cell, "'\(name)' of panel \(k + 1) at \(b), its cell ends at \(Double(k + 1) * cell)")
            }
        }
    }

    func testBestLegendCoversNoneOfTheCurvesWhenACornerIsFree() throws {
        let f = Self.narrowGrid(labelled: true)
        let c = Canvas(.pdf, width: f.width, height: f.height)
        defer { _ = c.finish() }
        // The middle panel, in the cell the figure gives it (a third of the width).
        let a = f[0, 1], cell = Rect(x: f.width / 3, y: 0, width: f.width / 3, height: f.height)
        let (m, outside) = a.margins(cell: cell, canvas: c)
        XCTAssertFalse(outside)
        let g = a.guides(plot: Axes.inset(cell, m), canvas: c)
        let o = try XCTUnwrap(g.legendOrigin, "the legend is inside")
        let s = g.legend!.size
        let box = Rect(x: o.x, y: o.y, width: s.width, height: s.height)
        XCTAssertTrue(box.x >= g.frame.rect.x && box.maxX <= g.frame.rect.maxX && box.y >= g.frame.rect.y && box.maxY <= g.frame.rect.maxY)
        let covered = Legend.samples(a, g.frame).filter { $0.x >= box.x && $0.x <= box.maxX && $0.y >= box.y && $0.y <= box.maxY }
        XCTAssertEqual(covered.count, 0, "the upper right is free, yet the legend at \(box) covers \(covered.prefix(3))")
    }
}
