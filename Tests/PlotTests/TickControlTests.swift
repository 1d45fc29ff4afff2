import Foundation
import Graphics
import TestSupport
import XCTest
@testable import Plot

/// Tick positions, labels, count, formats, minor ticks, directions and log steps, measured on
/// the drawn figure (tick label positions from `pdftotext -bbox`, tick marks from pixels).
final class TickControlTests: XCTestCase {
    func figure(_ edit: (inout Axes) -> Void) -> Figure {
        var f = Figure(width: 300, height: 200)
        f.axes.line(x: [0, 10], y: [0, 1])
        edit(&f.axes)
        return f
    }

    func testFixedPositionsPutTheirLabelsUnderThoseValues() throws {
        let f = figure { $0.xTicks([1, 2.5, 9], labels: ["low", "mid", "high"]) }
        let plot = PlotProbe.plotRect(f), lim = f.axes.limits().x
        let words = try PlotProbe.words(f)
        for (word, value) in [("low", 1.0), ("mid", 2.5), ("high", 9.0)] {
            let w = try XCTUnwrap(words.first { $0.text == word }, "\(word) in \(words.map(\.text))")
            let centre = (w.box[0] + w.box[2]) / 2
            XCTAssertEqual(centre, plot.x + (value - lim.0) / (lim.1 - lim.0) * plot.width, accuracy: 1, word)
            XCTAssertGreaterThan(w.box[1], plot.maxY, "\(word) sits under the axis")
        }
        XCTAssertFalse(words.contains { $0.text == "5" }, "no automatic tick beside fixed ones")
    }

    func testMathLabelsAreTypesetAndPositionsOutsideTheLimitsAreDropped() {
        let f = figure { $0.xTicks([0, .pi / 2, .pi, 40], labels: ["0", "$\\pi/2$", "$\\pi$", "far"]) }
        let g = PlotProbe.guides(f)
        XCTAssertEqual(g.x.major, [0, .pi / 2, .pi])
        XCTAssertEqual(g.x.labels.count, 3)
        // "$\pi/2$" as math is wider than "$\pi$" and both are set (non-empty boxes).
        XCTAssertGreaterThan(g.x.labels[1].size.width, g.x.labels[2].size.width)
        XCTAssertGreaterThan(g.x.labels[2].size.width, 3)
    }

    func testCountHintChangesTheDensity() {
        let few = PlotProbe.guides(figure { $0.yTicks(count: 3) }).y.major.count
        let normal = PlotProbe.guides(figure { _ in }).y.major.count
        let many = PlotProbe.guides(figure { $0.yTicks(count: 11) }).y.major.count
        XCTAssertLessThan(few, normal)
        XCTAssertGreaterThan(many, normal)
        XCTAssertLessThanOrEqual(few, 3)
    }

    func testFormatsAndFormatterClosure() throws {
        XCTAssertEqual(TickText.markup([0, 0.25, 0.5], .percent), ["0%", "25%", "50%"])
        XCTAssertEqual(TickText.markup([200_000, 1_000_000], .plain), ["200000", "1000000"])
        let sci = TickText.markup([0, 1500, 1e6], .scientific)
        XCTAssertEqual(sci[0], "0")
        XCTAssertTrue(sci[1].hasPrefix("1.5×10"), sci[1])
        XCTAssertEqual(sci[2], Ticks.powerOfTenMarkup(6))
        let percent = try PlotProbe.words(figure { $0.yTicks(format: .percent) }).map(\.text)
        XCTAssertTrue(percent.contains("40%") && percent.contains("100%"), "\(percent)")
        let closure = try PlotProbe.words(figure { $0.xTicks(formatter: { "\(Int($0))ms" }) }).map(\.text)
        XCTAssertTrue(closure.contains("0ms") && closure.contains("10ms"), "\(closure)")
    }

    func testMinorTicksDivideEachInterval() {
        XCTAssertEqual(TickText.minor([0, 1, 2], parts: 4, scale: .linear, lo: -0.3, hi: 2.3, default: []), [-0.25, 0.25, 0.5, 0.75, 1.25, 1.5, 1.75, 2.25])
        XCTAssertEqual(TickText.minor([0, 1], parts: 0, scale: .log, lo: 1, hi: 10, default: [2, 3]), [])
        let g = PlotProbe.guides(figure { $0.xTicks(minor: 5) })
        XCTAssertEqual(g.x.minor.count, 4 * (g.x.major.count - 1) + g.x.minor.filter { $0 < g.x.major[0] || $0 > g.x.major.last! }.count)
    }

    /// A tick pointing in darkens pixels inside the frame above the x axis; out, below it.
    func testTickDirectionPutsTheMarksInsideOrOutside() {
        func inkAbove(_ d: TickDirection) -> (inside: Bool, outside: Bool) {
            let f = figure {
                $0.xTicks([5], labels: ["five"], direction: d); $0.marks = []; $0.xLimits = [0, 10]; $0.yLimits = [0, 1]
            }
            let plot = PlotProbe.plotRect(f), px = PlotProbe.pixels(f)
            let x = plot.x + plot.width / 2
            return (PlotProbe.ink(PlotProbe.rgb(px, Point(x, plot.maxY - 2.2))), PlotProbe.ink(PlotProbe.rgb(px, Point(x, plot.maxY + 2.2))))
        }
        XCTAssertTrue(inkAbove(.out) == (false, true))
        XCTAssertTrue(inkAbove(.in) == (true, false))
        XCTAssertTrue(inkAbove(.inout) == (true, true))
    }

    func testNarrowPanelsGetMoreThanTwoTicks() {
        var f = Figure(width: 330, height: 150, rows: 1, columns: 3)
        for c in 0..<3 { f[0, c].line(x: [0, 1], y: [0, 7]); f[0, c].title = "panel \(c + 1)" }
        let canvas = Canvas(.pdf, width: 330, height: 150)
        for length in [60.0, 75, 90] {
            for (lo, hi) in [(0.0, 1.0), (-0.04, 1.04), (0, 7), (0.3, 3.9)] {
                let g = AxisGuide.make(scale: .linear, lo: lo, hi: hi, length: length, horizontal: true, canvas: canvas)
                XCTAssertGreaterThanOrEqual(g.major.count, 3, "\(lo)…\(hi) over \(length) pt: \(g.major)")
            }
        }
        _ = canvas.finish()
    }

    func testLogAxesLabelDecadesOrOneTwoFive() {
        var f = Figure(width: 300, height: 260)
        f.axes.line(x: [0, 1], y: [1, 1000]); f.axes.yScale = .log
        XCTAssertEqual(PlotProbe.guides(f).y.major, [1, 10, 100, 1000])
        f.axes.yTicks(logSteps: .oneTwoFive)
        let major = PlotProbe.guides(f).y.major
        XCTAssertTrue([2, 5, 20, 50, 200, 500].allSatisfy { v in major.contains { abs($0 - v) < 1e-9 } }, "\(major)")
    }

    func testTickSettingsTravelAndOldFiguresDecodeUnchanged() throws {
        var f = figure { $0.xTicks([1, 2], labels: ["a", "b"], minor: 2, direction: .inout) }
        let back = try JSONDecoder().decode(Figure.self, from: JSONEncoder().encode(f))
        XCTAssertEqual(back, f)
        f.axes.xTicks = nil
        let plain = String(decoding: try JSONEncoder().encode(f), as: UTF8.self)
        for key in ["xTicks", "twin", "sharedColorbar"] { XCTAssertFalse(plain.contains(key), "\(key) is written only when set") }
        let object = try JSONSerialization.jsonObject(with: Data(plain.utf8)) as! [String: Any]
        let mark = ((object["panels"] as! [[String: Any]])[0]["marks"] as! [[String: Any]])[0]["line"] as! [String: Any]
        XCTAssertEqual(Set((mark["_0"] as! [String: Any]).keys), ["x", "y", "color", "width", "dash"], "an opaque line writes no alpha")
        XCTAssertEqual(try JSONDecoder().decode(Figure.self, from: Data(plain.utf8)), f)
    }

    func testBadTickSpecsAreReportedByName() {
        var f = figure { _ in }
        f.axes.xTicks = TickSpec(positions: [1, .nan], labels: ["a"], count: 0, minor: 99)
        let p = f.problems().joined(separator: "\n")
        for needle in ["xTicks: positions must be finite", "xTicks: 1 labels need as many positions, got 2", "count must be in 1…50", "minor must be in 0…20"] {
            XCTAssertTrue(p.contains(needle), "\(needle) in \(p)")
        }
    }
}
