import Foundation
import XCTest
@testable import Graphics

/// Values a canvas may be handed from decoded figures: non-finite or huge coordinates, widths,
/// dashes and sizes; many images; images Cairo drops. Drawing stays well-formed and never traps.
final class HostileCanvasTests: XCTestCase {
    func testNonFiniteAndHugeValuesKeepTheContextUsable() {
        let c = Canvas(.png(dpi: 72), width: 40, height: 20)
        c.move(to: Point(.nan, .infinity)); c.line(to: Point(-1e300, 1e300))
        c.stroke(.black, width: .nan, dash: [0, 0])
        c.stroke(.black, width: 1e12, dash: [-1, .nan])
        c.circle(center: Point(10, 10), radius: .infinity)
        c.roundedRectangle(Rect(x: 0, y: 0, width: .nan, height: 5), radius: 2)
        c.fill(.black)
        // The context is still drawing: a red square after all of that shows.
        c.rectangle(Rect(x: 30, y: 5, width: 8, height: 8))
        c.fill(Color(red: 1, green: 0, blue: 0))
        let px = c.pixels()
        let o = (9 * px.width + 34) * 4
        XCTAssertEqual(Array(px.rgba[o..<(o + 3)]), [255, 0, 0])
    }

    func testRasterSizesAreCapped() {
        for (dpi, w, h) in [(1e7, 100.0, 100.0), (300.0, 1e9, 10.0), (.nan, 10.0, 10.0), (-5.0, 10.0, 10.0)] {
            let c = Canvas(.png(dpi: dpi), width: w, height: h)
            let px = c.pixels()
            XCTAssertLessThanOrEqual(max(px.width, px.height), 32_767, "\(dpi) \(w)")
            XCTAssertLessThanOrEqual(Double(px.width) * Double(px.height), Canvas.maxRasterPixels * 1.01)
            XCTAssertFalse(c.finish().isEmpty)
        }
    }

    func testThousandsOfImagesAndClippedOnesFinish() throws {
        let c = Canvas(.pdf, width: 600, height: 800)
        let image = IndexedImage(width: 4, height: 4, palette: [0xFF0000, 0x00FF00], indices: [UInt8]((0..<16).map { UInt8($0 % 2) }))
        let start = Date()
        for k in 0..<3000 { c.draw(image, in: Rect(x: Double(k % 60) * 10, y: Double(k / 60) * 10, width: 9, height: 9)) }
        // Fully clipped away: Cairo may leave it out of the file.
        c.save(); c.rectangle(Rect(x: 0, y: 0, width: 0, height: 0)); c.clip()
        c.draw(image, in: Rect(x: 5, y: 5, width: 50, height: 50))
        c.restore()
        let pdf = c.finish()
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        // Every placeholder Cairo wrote was replaced by its real image.
        XCTAssertNil(String(decoding: pdf, as: UTF8.self).range(of: "folio-pdf-image:"))
    }

    func testNULInTextIsShownNotATruncation() {
        XCTAssertEqual(TextLayout.escape("a\u{0}b<"), "a\u{FFFD}b&lt;")
        let c = Canvas(.pdf, width: 100, height: 100)
        let t = TextLayout(canvas: c, markup: TextLayout.escape("ab\u{0}cd"), font: Fonts.description(Fonts.serif, size: 10))
        XCTAssertEqual(t.text, "ab\u{FFFD}cd")
    }
}
