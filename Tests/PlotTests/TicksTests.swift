import XCTest
import Graphics
@testable import Plot

final class TicksTests: XCTestCase {
    /// Extended Wilkinson labellings (Talbot et al. 2010 weights) for a table of ranges; the
    /// first two match R's labeling::extended.
    func testLinearTickTable() {
        let table: [(Double, Double, Int, [Double])] = [
            (0, 100, 5, [0, 25, 50, 75, 100]),
            (0, 1, 5, [0, 0.25, 0.5, 0.75, 1]),
            (0, 200, 5, [0, 50, 100, 150, 200]),
            (-2.3, 2.3, 5, [-2, -1, 0, 1, 2]),
            (5.2, 6.3, 5, [5.25, 5.5, 5.75, 6, 6.25]),
            (-0.44, 4.56, 4, [0, 2, 4]),
            (3, 97, 6, [20, 40, 60, 80]),
            (-1e9, 1e9, 5, [-1e9, -5e8, 0, 5e8, 1e9]),
        ]
        for (lo, hi, m, expected) in table {
            XCTAssertEqual(Ticks.linear(lo, hi, target: m), expected, "\(lo)…\(hi), m = \(m)")
        }
        XCTAssertEqual(Ticks.linear(3, 3), [3])
        XCTAssertEqual(Ticks.linear(.nan, 1), [])
        // Every range yields ≥ 2 ticks, inside it, evenly spaced.
        for (lo, hi) in [(0.0, 1e-6), (1, 1.0001), (-7.3, -7.1), (12345, 12399), (0.001, 0.0013)] {
            let t = Ticks.linear(lo, hi)
            XCTAssertGreaterThanOrEqual(t.count, 2, "\(lo)…\(hi): \(t)")
            XCTAssertTrue(t.allSatisfy { $0 >= lo - 1e-12 * abs(hi) && $0 <= hi + 1e-12 * abs(hi) }, "\(t)")
            let d = zip(t.dropFirst(), t).map { $0 - $1 }
            XCTAssertTrue(d.allSatisfy { abs($0 - d[0]) < 1e-9 * abs(d[0]) }, "\(t)")
        }
    }

    func testLabelsUseFewestDecimalsAndFactorPowersOfTen() {
        XCTAssertEqual(Ticks.labels([0, 0.25, 0.5]).labels, ["0.00", "0.25", "0.50"])
        XCTAssertEqual(Ticks.labels([-2, 0, 2]).labels, ["\u{2212}2", "0", "2"])
        XCTAssertEqual(Ticks.labels([0.1, 0.2, 0.3]).labels, ["0.1", "0.2", "0.3"], "no 0.30000000000000004")
        let big = Ticks.labels([0, 5e5, 1e6])
        XCTAssertEqual(big.exponent, 6)
        XCTAssertEqual(big.labels, ["0.0", "0.5", "1.0"])
        XCTAssertEqual(Ticks.labels([0, 2.5e-7, 5e-7]).exponent, -7)
        XCTAssertEqual(Ticks.label(-0.0, step: 1), "0", "negative zero prints as 0")
    }

    func testLogTicksAreDecadesWithMinorTicks() {
        XCTAssertEqual(Ticks.logMajor(1e-3, 10), [1e-3, 1e-2, 1e-1, 1, 10])
        XCTAssertEqual(Ticks.logMajor(1e-12, 1e12, maxCount: 7), [1e-12, 1e-8, 1e-4, 1, 1e4, 1e8, 1e12])
        XCTAssertEqual(Ticks.logMinor(1, 10), [2, 3, 4, 5, 6, 7, 8, 9].map(Double.init))
        XCTAssertEqual(Ticks.logMajor(-1, 10), [])
        XCTAssertEqual(Ticks.symlog(-1000, 1000, threshold: 1, maxCount: 9), [-1000, -100, -10, -1, 0, 1, 10, 100, 1000])
        XCTAssertEqual(Ticks.powerOfTenMarkup(-3), "10<span size=\"70%\" rise=\"3.2pt\">\u{2212}3</span>")
    }

    func testScalesInvertTheirForwardMap() {
        for scale in [AxisScale.linear, .log, .symlog(threshold: 2)] {
            for v in [0.5, 3.0, 1000.0] + (scale == .log ? [] : [-7.0, 0.0, -0.1]) {
                XCTAssertEqual(scale.inverse(scale.forward(v)), v, accuracy: 1e-9 * max(1, abs(v)), "\(scale) \(v)")
            }
        }
        XCTAssertTrue(AxisScale.log.forward(-1).isNaN)
        XCTAssertFalse(AxisScale.log.accepts(0))
    }

    /// Tick labels chosen for an axis never overlap, whatever its length and range.
    func testAxisLabelsNeverOverlap() {
        let canvas = Canvas(.pdf, width: 100, height: 100)
        for (lo, hi) in [(0.0, 1.0), (-123456.0, 987654.0), (1e-9, 1e-3), (0.001, 1e6), (12345.678, 12345.679), (0.05, 0.9), (3e-7, 4e-6)] {
            for length in [30.0, 60, 120, 300] {
                for (scale, horizontal) in [(AxisScale.linear, true), (.linear, false), (.log, true), (.log, false)] where scale == .linear || lo > 0 {
                    let g = AxisGuide.make(scale: scale, lo: lo, hi: hi, length: length, horizontal: horizontal, canvas: canvas)
                    let pos = g.major.map { (scale.forward($0) - scale.forward(lo)) / (scale.forward(hi) - scale.forward(lo)) * length }
                    for i in 1..<max(1, g.major.count) {
                        let need =
                            horizontal
                            ? (g.labels[i].size.width + g.labels[i - 1].size.width) / 2
                            : (g.labels[i].size.height + g.labels[i - 1].size.height) / 2
                        XCTAssertGreaterThanOrEqual(abs(pos[i] - pos[i - 1]), need, "\(scale) \(lo)…\(hi) over \(length) pt: \(g.major)")
                    }
                    XCTAssertFalse(g.major.isEmpty, "\(scale) \(lo)…\(hi) over \(length)")
                }
            }
        }
        _ = canvas.finish()
    }

    /// A log axis holding one decade tick or none gets 1-2-5 ticks with plain labels, never a
    /// lone "10⁻¹" (the coefficient-of-variation axis of the lazy-training notebook).
    func testLogAxesWithFewerThanTwoDecadesLabelOneTwoFive() {
        XCTAssertEqual(Ticks.logOneTwoFive(0.05, 0.9), [0.05, 0.1, 0.2, 0.5])
        XCTAssertEqual(["0.05", "0.1", "200", "1"], [0.05, 0.1, 200, 1].map(Ticks.logValueMarkup))
        XCTAssertEqual(Ticks.logValueMarkup(5e-7), "5×" + Ticks.powerOfTenMarkup(-7))
        let canvas = Canvas(.pdf, width: 100, height: 100)
        let tall = AxisGuide.make(scale: .log, lo: 0.05, hi: 0.9, length: 150, horizontal: false, canvas: canvas)
        XCTAssertEqual(tall.major, [0.05, 0.1, 0.2, 0.5])
        XCTAssertEqual(tall.minor.count, 10, "0.06…0.09, 0.3, 0.4, 0.6…0.9")
        let short = AxisGuide.make(scale: .log, lo: 0.05, hi: 0.9, length: 30, horizontal: false, canvas: canvas)
        XCTAssertEqual(short.major, [0.1], "too crowded for two labels: the decade alone")
        let decades = AxisGuide.make(scale: .log, lo: 0.005, hi: 0.9, length: 150, horizontal: false, canvas: canvas)
        XCTAssertEqual(decades.major, [0.01, 0.1], "two decades inside: decades as before")
        _ = canvas.finish()
    }

    func testTinySpansFarFromZeroFactorOutAnOffset() {
        let t = Ticks.linear(12345.678, 12345.679, target: 5)
        let l = Ticks.labelsWithOffset(t)
        XCTAssertEqual(l.offset, 12345.67, accuracy: 1e-9)
        XCTAssertEqual(l.offsetText, "+12345.67")
        XCTAssertEqual(l.exponent, 0)
        XCTAssertEqual(l.labels, ["0.00800", "0.00825", "0.00850", "0.00875", "0.00900"])
        XCTAssertEqual(Ticks.labelsWithOffset([0, 1, 2]).offset, 0, "ordinary ranges keep plain labels")
        let neg = Ticks.labelsWithOffset([-2.30260, -2.30259, -2.30258])
        XCTAssertEqual(neg.offset, -2.3026, accuracy: 1e-12)
        XCTAssertEqual(neg.offsetText, "\u{2212}2.3026")
        XCTAssertEqual(neg.labels, ["0", "1", "2"])
        XCTAssertEqual(neg.exponent, -5)
    }
}

/// Labels are placed by their top edge, so a math-only label must keep the text's line box.
final class LabelStrutTests: XCTestCase {
    func testMathOnlyAndMixedLabelsShareTheBaselineOfPlainText() {
        let canvas = Canvas(.pdf, width: 100, height: 100)
        let text = LabelRenderer.mixed(canvas, "step", family: LabelRenderer.family, size: 9, bold: false)
        let math = LabelRenderer.mixed(canvas, "$x$", family: LabelRenderer.family, size: 9, bold: false)
        let mixed = LabelRenderer.mixed(canvas, "step $k$", family: LabelRenderer.family, size: 9, bold: false)
        XCTAssertEqual(math.baseline, text.baseline, accuracy: 1e-9)
        XCTAssertEqual(mixed.baseline, text.baseline, accuracy: 1e-9)
        XCTAssertEqual(math.size.height, text.size.height, accuracy: 1e-9)
        let tall = LabelRenderer.mixed(canvas, "$\\frac{a}{b}$", family: LabelRenderer.family, size: 9, bold: false)
        XCTAssertGreaterThan(tall.size.height, text.size.height, "taller math still grows the box")
        _ = canvas.finish()
    }
}
