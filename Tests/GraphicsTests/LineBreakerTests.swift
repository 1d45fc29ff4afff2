import XCTest
@testable import Graphics

/// TeX's line breaking on boxes, glue and penalties: total fit, fitness classes, passes.
final class LineBreakerTests: XCTestCase {
    /// Words of the given widths with TeX's interword glue (3.33 plus 1.67 minus 1.11).
    func paragraph(_ widths: [Double]) -> [LineBreaker.Item] {
        var items: [LineBreaker.Item] = []
        for (k, w) in widths.enumerated() {
            if k > 0 { items.append(.glue(width: 3.33, stretch: 1.67, shrink: 1.11, breakable: true)) }
            items.append(.box(width: w))
        }
        items.append(.glue(width: 0, stretch: 100_000, shrink: 0, breakable: false))
        items.append(.penalty(width: 0, cost: -LineBreaker.infinitePenalty, flagged: false))
        return items
    }

    func lineWidths(_ items: [LineBreaker.Item], _ breaks: [LineBreaker.Break]) -> [Int] {
        var start = 0
        return breaks.map { b in
            defer { start = b.item + 1 }
            return items[start..<b.item].filter { if case .box = $0 { true } else { false } }.count
        }
    }

    /// A narrow paragraph that cannot be set within the tolerance is set in the last pass with
    /// the emergency stretch: loose lines, none overfull.
    func testLinesOfAnOrdinaryParagraphAreWithinTolerance() {
        let words: [Double] = [18, 25, 12, 30, 22, 15, 28, 19, 24, 11, 33, 17, 26, 14, 21, 29, 16, 23, 20, 27, 13, 31, 18, 22]
        let items = paragraph(words + words)
        var tex = LineBreaker.Parameters()
        tex.sloppyBeyond = .infinity  // TeX's own last pass, without LaTeX's \sloppy
        XCTAssertTrue(LineBreaker.breaks(items, width: 150, parameters: tex).contains { $0.ratio < -1 }, "without it, overfull")
        XCTAssertFalse(LineBreaker.breaks(items, width: 150).contains { $0.overflow > 6 }, "by default set loose instead")
        var p = LineBreaker.Parameters()
        p.emergencyStretch = 30
        let breaks = LineBreaker.breaks(items, width: 150, parameters: p)
        XCTAssertEqual(breaks.last?.item, items.count - 1, "the paragraph ends with its forced break")
        for b in breaks.dropLast() {
            XCTAssertGreaterThanOrEqual(b.ratio, -1)
            XCTAssertLessThanOrEqual(LineBreaker.badness(b.ratio), 200, "within tolerance, with the emergency stretch")
        }
        XCTAssertEqual(lineWidths(items, breaks).reduce(0, +), 48, "every word set once")
    }

    func testFitnessClassesAndBadnessAreTeXs() {
        XCTAssertEqual(LineBreaker.badness(1), 100)
        XCTAssertEqual(LineBreaker.badness(-1.01), 10_000, "overfull")
        XCTAssertEqual(LineBreaker.fitness(1.2), 0, "very loose")
        XCTAssertEqual(LineBreaker.fitness(0.6), 1, "loose")
        XCTAssertEqual(LineBreaker.fitness(0.1), 2, "decent")
        XCTAssertEqual(LineBreaker.fitness(-0.6), 3, "tight")
    }

    /// A hyphen is used only when the paragraph cannot be set well without it (second pass).
    func testHyphensWaitForTheSecondPass() {
        var items = paragraph([45, 45, 60])
        // "60" may be hyphenated as 25 + 35 (with a 3-point hyphen).
        let k = items.firstIndex(of: .box(width: 60))!
        items.replaceSubrange(k...k, with: [.box(width: 25), .penalty(width: 3, cost: 50, flagged: true), .box(width: 35)])
        let wide = LineBreaker.breaks(items, width: 160)
        XCTAssertEqual(wide.count, 1, "fits on one line: no hyphen")
        let narrow = LineBreaker.breaks(items, width: 122)
        XCTAssertEqual(narrow.count, 2)
        XCTAssertEqual(narrow.first.map { items[$0.item] }, .penalty(width: 3, cost: 50, flagged: true), "breaks at the hyphen")
    }

    /// A box wider than the line still sets, as an overfull line (TeX's last resort).
    func testABoxWiderThanTheLineOverflowsOnlyAsALastResort() {
        let items = paragraph([20, 300, 20])
        let breaks = LineBreaker.breaks(items, width: 100)
        XCTAssertFalse(breaks.isEmpty)
        XCTAssertTrue(breaks.contains { $0.ratio < -1 }, "the wide box's line is overfull")
        XCTAssertEqual(lineWidths(items, breaks).reduce(0, +), 3)
    }
}
