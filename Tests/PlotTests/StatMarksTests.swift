import Foundation
import Graphics
import PlotData
import TestSupport
import XCTest
@testable import Plot

/// Box plots, error bars, opacity, annotations, twin y axes and shared colorbars: statistics
/// against matplotlib's, and positions and colours measured on the drawn figure.
final class StatMarksTests: XCTestCase {
    static let sample: [Double] = (0..<41).map { i in
        let u = Double((i * 7919) % 101) / 101
        return 10 * u * u + (i == 3 ? 40 : 0) + (i == 7 ? -25 : 0)
    }

    func testBoxStatisticsMatchMatplotlib() throws {
        let s = try XCTUnwrap(BoxStatistics(StatMarksTests.sample + [.nan], whis: 1.5))
        let list = StatMarksTests.sample.map { String($0) }.joined(separator: ",")
        let out = try Tools.python(
            """
            from matplotlib import cbook
            s = cbook.boxplot_stats([\(list)], whis=1.5)[0]
            print(s['q1'], s['med'], s['q3'], s['whislo'], s['whishi'], s['cilo'], s['cihi'])
            print(' '.join(repr(float(v)) for v in sorted(s['fliers'])))
            """)
        let lines = out.split(separator: "\n").map { $0.split(separator: " ").map { Double($0)! } }
        let mine = [s.q1, s.median, s.q3, s.lowerWhisker, s.upperWhisker, s.notchLower, s.notchUpper]
        for (a, b) in zip(mine, lines[0]) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(s.outliers, lines.count > 1 ? lines[1] : [])
        XCTAssertEqual(s.outliers.count, 2, "the two planted outliers")
    }

    func testBoxPlotDrawsBoxesWhiskersAndOutliersWhereTheStatisticsSay() {
        var f = Figure(width: 300, height: 220)
        f.axes.boxplot([StatMarksTests.sample, StatMarksTests.sample.map { $0 + 12 }], names: ["a", "b"], color: Color(hex: 0x0000ff))
        let plot = PlotProbe.plotRect(f), px = PlotProbe.pixels(f), g = PlotProbe.guides(f)
        let s = BoxStatistics(StatMarksTests.sample, whis: 1.5)!
        XCTAssertEqual(g.x.major, [1, 2], "names become the category ticks")
        let fr = g.frame
        // Inside the box: the light fill; between box and whisker cap: the whisker line, nothing beside it.
        let inBox = PlotProbe.rgb(px, Point(fr.px(1) + 10, fr.py((s.q1 + s.median) / 2)))
        XCTAssertTrue(inBox.2 > 200 && inBox.0 < 200 && inBox.0 > 80, "light blue fill \(inBox)")
        let whisker = PlotProbe.rgb(px, Point(fr.px(1), fr.py((s.q3 + s.upperWhisker) / 2)))
        XCTAssertTrue(whisker.2 > 150 && whisker.0 < 120, "whisker \(whisker)")
        XCTAssertFalse(PlotProbe.ink(PlotProbe.rgb(px, Point(fr.px(1) + 10, fr.py((s.q3 + s.upperWhisker) / 2)))))
        // Each outlier is a hollow circle: ink on its ring, none at its centre.
        for o in s.outliers {
            let c = fr.point(1, o)
            XCTAssertTrue((-2...2).contains { dy in PlotProbe.ink(PlotProbe.rgb(px, Point(c.x, c.y - 1.8 + Double(dy) * 0.25))) }, "ring of \(o)")
        }
        XCTAssertGreaterThan(plot.width, 100)
    }

    func testErrorBarsSpanTheirAsymmetricErrors() {
        var f = Figure(width: 300, height: 220)
        f.axes.errorbar(
            x: [1, 2, 3], y: [5, 6, 4], yerr: .asymmetric(lower: [1, 2, 0.5], upper: [3, 1, 2]), xerr: [0.2, 0.2, 0.2], color: Color(hex: 0xff0000))
        let px = PlotProbe.pixels(f), fr = PlotProbe.guides(f).frame
        func red(_ p: Point) -> Bool { let c = PlotProbe.rgb(px, p); return c.0 > 180 && c.1 < 120 && c.2 < 120 }
        for (x, y, lo, hi) in [(1.0, 5.0, 1.0, 3.0), (2, 6, 2, 1), (3, 4, 0.5, 2)] {
            let top = fr.py(y + hi), bottom = fr.py(y - lo), cx = fr.px(x)
            XCTAssertTrue(red(Point(cx, top + 1)) && red(Point(cx, bottom - 1)), "bar of \(x) reaches both ends")
            XCTAssertFalse(red(Point(cx, top - 3)) || red(Point(cx, bottom + 3)), "and stops there")
            XCTAssertTrue(red(Point(cx + 2, top)) && red(Point(cx - 2, bottom)), "caps at \(x)")
            XCTAssertTrue(red(Point(fr.px(x + 0.2) - 1, fr.py(y))) && !red(Point(fr.px(x + 0.2) + 3, fr.py(y))), "x bar of \(x)")
        }
        XCTAssertLessThan(fr.py(9.0), fr.rect.maxY, "limits hold the bars")
        XCTAssertGreaterThanOrEqual(f.axes.limits().y.1, 8)
    }

    /// Two overlapping translucent histograms: where they overlap, both colours show through.
    func testAlphaBlendsOverlappingMarks() {
        var f = Figure(width: 300, height: 220)
        f.axes.bar(x: [1], height: [4], width: 2, color: Color(hex: 0xff0000), alpha: 0.5)
        f.axes.bar(x: [2], height: [4], width: 2, color: Color(hex: 0x0000ff), alpha: 0.5)
        f.axes.line(x: [0, 3], y: [1, 1], color: Color(hex: 0x00ff00), width: 4, alpha: 0.5)
        let px = PlotProbe.pixels(f), fr = PlotProbe.guides(f).frame
        let left = PlotProbe.rgb(px, fr.point(0.5, 3)), both = PlotProbe.rgb(px, fr.point(1.5, 3)), line = PlotProbe.rgb(px, fr.point(0.5, 1))
        XCTAssertEqual(left.0, 255, accuracy: 2); XCTAssertEqual(left.1, 128, accuracy: 3); XCTAssertEqual(left.2, 128, accuracy: 3)
        // Blue at 0.5 over (255, 128, 128): (128, 64, 191).
        XCTAssertEqual(both.0, 128, accuracy: 3); XCTAssertEqual(both.1, 64, accuracy: 3); XCTAssertEqual(both.2, 191, accuracy: 3)
        // Green at 0.5 over the red bar: (128, 191, 64).
        XCTAssertEqual(line.0, 128, accuracy: 3); XCTAssertEqual(line.1, 191, accuracy: 3); XCTAssertEqual(line.2, 64, accuracy: 3)
        var bad = Figure()
        bad.axes.scatter(x: [1], y: [1])
        if case .scatter(var m) = bad.axes.marks[0] { m.alpha = 1.5; bad.axes.marks[0] = .scatter(m) }
        XCTAssertEqual(bad.problems(), ["figure panel 1: mark 1 (scatter): alpha must be in 0…1, got 1.5"])
    }

    func testAnnotationCentresItsTextAndPointsAtTheTarget() throws {
        var f = Figure(width: 300, height: 220)
        f.axes.line(x: [0, 10], y: [0, 10], color: Color(hex: 0xdddddd))
        f.axes.annotate("saddle", point: (2, 2), textAt: (7, 3), color: Color(hex: 0x0000ff))
        let fr = PlotProbe.guides(f).frame, px = PlotProbe.pixels(f)
        let w = try XCTUnwrap(try PlotProbe.words(f).first { $0.text == "saddle" })
        XCTAssertEqual((w.box[0] + w.box[2]) / 2, fr.px(7), accuracy: 1)
        XCTAssertEqual((w.box[1] + w.box[3]) / 2, fr.py(3), accuracy: 2)
        // The arrow's head ends 2 pt short of the point, on the line from the text.
        let target = fr.point(2, 2), from = fr.point(7, 3)
        let dx = from.x - target.x, dy = from.y - target.y, len = (dx * dx + dy * dy).squareRoot()
        let nearHead = Point(target.x + dx / len * 5, target.y + dy / len * 5)
        let c = PlotProbe.rgb(px, nearHead)
        XCTAssertTrue(c.2 > 150 && c.0 < 120, "arrow head near the point: \(c)")
        XCTAssertFalse(PlotProbe.rgb(px, target).2 > 150 && PlotProbe.rgb(px, target).0 < 120, "the point itself stays clear")
    }

    func testTwinAxisHasItsOwnScaleLabelsAndJoinsTheLegend() throws {
        var f = Figure(width: 320, height: 220)
        f.axes.line(x: [0, 10], y: [0, 1], label: "loss")
        f.axes.twinY.line(x: [0, 20], y: [100, 900], label: "tokens")
        f.axes.twinY.yLabel = "tokens/s"
        let g = PlotProbe.guides(f)
        XCTAssertEqual(f.axes.limits().x.1, 20.8, accuracy: 1e-9, "the x axis holds both axes' marks")
        let t = try XCTUnwrap(g.twin)
        XCTAssertTrue(t.guide.major.contains(800), "\(t.guide.major)")
        XCTAssertEqual(g.legend?.entries.count, 2)
        let words = try PlotProbe.words(f)
        let w800 = try XCTUnwrap(words.first { $0.text == "800" })
        XCTAssertGreaterThan(w800.box[0], g.frame.rect.maxX, "right axis labels sit right of the plot")
        XCTAssertEqual((w800.box[1] + w800.box[3]) / 2, t.frame.py(800), accuracy: 1.5)
        XCTAssertTrue(words.contains { $0.text.hasPrefix("tokens/s") }, "the right label is drawn")
        XCTAssertNotEqual(f.axes.twin?.marks.first.map(\.kind), nil)
        guard case .line(let right) = f.axes.twin!.marks[0], case .line(let left) = f.axes.marks[0] else { return XCTFail() }
        XCTAssertNotEqual(left.color, right.color, "the colour cycle continues on the twin")
    }

    /// Two heatmaps of different ranges under one colorbar: the same value has the same colour in both.
    func testSharedColorbarMapsEveryPanelToOneRange() {
        var f = Figure(width: 400, height: 180, rows: 1, columns: 2)
        f[0, 0].heatmap([0, 1, 2, 3], rows: 2, columns: 2)
        f[0, 1].heatmap([2, 3, 4, 5], rows: 2, columns: 2)
        f.sharedColorbar = "value"
        let px = PlotProbe.pixels(f, dpi: 72)
        let c = Canvas(.pdf, width: 400, height: 180)
        let panels = f.sharingColors(f.resolvedPanels(), range: [0, 5])
        _ = c.finish()
        XCTAssertTrue(panels.allSatisfy { $0.colorbarLabel == nil })
        guard case .heatmap(let h) = panels[1].marks[0] else { return XCTFail() }
        XCTAssertEqual(h.valueRange, [0, 5])
        // Value 5 (top right of the right panel) is the top of viridis, value 3 appears in both.
        func find(_ hex: UInt32) -> Int {
            var n = 0
            for i in stride(from: 0, to: px.rgba.count, by: 4)
            where UInt32(px.rgba[i]) << 16 | UInt32(px.rgba[i + 1]) << 8 | UInt32(px.rgba[i + 2]) == hex { n += 1 }
            return n
        }
        let three = Colormap.viridis.hex(3.0 / 5)!
        XCTAssertGreaterThan(find(three), 2 * 100, "value 3 in both panels with one colour")
        XCTAssertGreaterThan(find(Colormap.viridis.hex(1)!), 100)
    }
}
