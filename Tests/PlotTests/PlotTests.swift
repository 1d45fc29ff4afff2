import XCTest
import Graphics
@testable import Plot

final class PlotTests: XCTestCase {
    func testNiceTicks() {
        XCTAssertEqual(Ticks.linear(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1.0].map { $0 })
        XCTAssertEqual(Ticks.linear(0, 10), [0, 2, 4, 6, 8, 10])
        XCTAssertEqual(Ticks.linear(-3, 7), [-2, 0, 2, 4, 6])
        XCTAssertEqual(Ticks.linear(5.2, 6.3), [5.25, 5.5, 5.75, 6, 6.25])
        XCTAssertEqual(Ticks.linear(3, 3), [3])
        XCTAssertEqual(Ticks.linear(.nan, 1), [])
        for (lo, hi) in [(0.0, 1e-6), (-1e9, 1e9), (1, 1.0001)] {
            let t = Ticks.linear(lo, hi)
            XCTAssertTrue((3...8).contains(t.count), "\(lo)…\(hi): \(t)")
            XCTAssertTrue(t.allSatisfy { $0 >= lo - 1e-12 * abs(hi) && $0 <= hi + 1e-12 * abs(hi) })
        }
    }

    func testTickLabels() {
        XCTAssertEqual(Ticks.label(0.5, step: 0.5), "0.5")
        XCTAssertEqual(Ticks.label(-2, step: 2), "\u{2212}2")
        XCTAssertEqual(Ticks.label(5.25, step: 0.25), "5.25")
    }

    func testFigureRoundTripsThroughJSON() throws {
        var f = Figure(title: "t")
        f.line(x: [0, 1, 2], y: [1, .nan, 3], label: "a")
        // Gaps (NaN) are data: they must survive the trip, as strings.
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let back = try d.decode(Figure.self, from: try e.encode(f))
        XCTAssertEqual(back.series[0].x, [0, 1, 2])
        XCTAssertTrue(back.series[0].y[1].isNaN)
        XCTAssertEqual(back.series[0].y[2], 3)
    }

    func testLineIsDrawnInsideTheAxes() {
        var f = Figure(width: 200, height: 150)
        f.line(x: [0, 1], y: [0, 1], color: Color(hex: 0x0000ff))
        let c = Canvas(.png(dpi: 72), width: f.width, height: f.height)
        f.draw(on: c)
        let px = c.pixels()
        var blue = 0, nonWhite = 0
        for i in stride(from: 0, to: px.rgba.count, by: 4) {
            let (r, g, b) = (px.rgba[i], px.rgba[i + 1], px.rgba[i + 2])
            if b > 200 && r < 80 && g < 80 { blue += 1 }
            if r < 250 || g < 250 || b < 250 { nonWhite += 1 }
        }
        // A diagonal across ~150 px of plot area, 1.25 pt wide.
        XCTAssertGreaterThan(blue, 100)
        XCTAssertLessThan(nonWhite, px.width * px.height / 4)
    }
}
