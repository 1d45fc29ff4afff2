import XCTest
import Foundation
import Graphics
import TestSupport
@testable import Plot

final class TableTests: XCTestCase {
    static var sample: Table {
        Table(
            columns: [
                .init("activation"), .init("σ²", format: .fixed(digits: 2)), .init("growth", format: .percent(digits: 1)),
                .init("error", format: .scientific(digits: 1)), .init("trajectory"),
            ],
            rows: [
                [.text("ReLU"), .number(2), .number(0.125), .number(3.2e-5), .plot([1, 2, 4, 8, 16])],
                [.text("tanh"), .number(1.5), .number(-0.03), .number(0.0041), .plot([1, 1.2, 1.1, .nan, 1.3])],
                [.text("hard tanh"), .number(1), .number(0), .number(.nan), .empty],
            ])
    }

    func testNumberFormats() {
        XCTAssertEqual(Table.NumberFormat.fixed(digits: 2).format(2), "2.00")
        XCTAssertEqual(Table.NumberFormat.fixed(digits: 1).format(-0.04), "0.0", "no negative zero")
        XCTAssertEqual(Table.NumberFormat.percent(digits: 1).format(0.125), "12.5 %")
        XCTAssertEqual(Table.NumberFormat.scientific(digits: 1).format(3.2e-5), "3.2×10⁻⁵")
        XCTAssertEqual(Table.NumberFormat.automatic.format(1234.5678), "1235")
        XCTAssertEqual(Table.NumberFormat.automatic.format(-2.5), "\u{2212}2.5")
        XCTAssertEqual(Table.NumberFormat.automatic.format(.nan), "—")
        XCTAssertEqual(Table.NumberFormat.integer.format(41.6), "42")
    }

    func testTableDrawsTextAndInlinePlots() throws {
        let t = TableTests.sample
        let c = Canvas(.pdf, width: 400, height: 120)
        let size = t.measure(on: c)
        XCTAssertGreaterThan(size.width, 200); XCTAssertLessThan(size.width, 400)
        let h = t.draw(on: c, at: Point(10, 10))
        XCTAssertEqual(h, size.height, accuracy: 1)
        let dir = try makeTemporaryFolder("folio-plot")
        let pdf = dir.appendingPathComponent("t.pdf")
        try Data(c.finish()).write(to: pdf)
        let text = try Tools.output("pdftotext", ["-layout", pdf.path, "-"])
        for s in ["activation", "ReLU", "hard tanh", "2.00", "12.5 %", "−3.0 %", "—"] { XCTAssertTrue(text.contains(s), "\(s) missing in \(text)") }
        // Sparklines: blue ink in the last column of a PNG rendering.
        let p = Canvas(.png(dpi: 144), width: 400, height: 120)
        t.draw(on: p, at: Point(10, 10))
        let px = p.pixels()
        var blue = 0
        for i in stride(from: 0, to: px.rgba.count, by: 4) where px.rgba[i] < 60 && px.rgba[i + 2] > 150 { blue += 1 }
        XCTAssertGreaterThan(blue, 50)
        try? FileManager.default.removeItem(at: dir)
    }

    func testTableRoundTripsThroughJSON() throws {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let back = try d.decode(Table.self, from: try e.encode(TableTests.sample))
        XCTAssertEqual(back.columns, TableTests.sample.columns)
        XCTAssertEqual(back.rows[0], TableTests.sample.rows[0])
    }
}
