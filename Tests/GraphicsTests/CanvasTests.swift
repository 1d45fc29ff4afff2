import XCTest
@testable import Graphics

final class CanvasTests: XCTestCase {
    func drawSample(_ canvas: Canvas) {
        canvas.rectangle(Rect(x: 10, y: 10, width: 50, height: 30))
        canvas.fill(Color(hex: 0xff0000))
        TextLayout(canvas: canvas, markup: "Hello <i>world</i>", font: Fonts.description(Fonts.serif, size: 12))
            .draw(on: canvas, at: Point(10, 50))
    }

    func testPDFIsByteIdenticalAcrossRenders() {
        func render() -> [UInt8] {
            let c = Canvas(.pdf, width: 200, height: 100, title: "t")
            drawSample(c)
            return c.finish()
        }
        let a = render(), b = render()
        XCTAssertEqual(Array(a.prefix(5)), Array("%PDF-".utf8))
        XCTAssertEqual(a, b)
        XCTAssertTrue(String(decoding: a, as: UTF8.self).contains("MediaBox [ 0 0 200 100 ]"))
    }

    func testPNGHasPixelsAtDPIAndFilledColour() {
        let c = Canvas(.png(dpi: 144), width: 100, height: 50)
        drawSample(c)
        let px = c.pixels()
        XCTAssertEqual(px.width, 200)
        XCTAssertEqual(px.height, 100)
        // Centre of the red rectangle (35, 25) pt → (70, 50) px.
        let o = (50 * px.width + 70) * 4
        XCTAssertEqual(Array(px.rgba[o..<o + 4]), [255, 0, 0, 255])
        // Background is white.
        XCTAssertEqual(Array(px.rgba[0..<4]), [255, 255, 255, 255])
        let png = c.finish()
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testSVGIsInPoints() {
        let c = Canvas(.svg, width: 120, height: 80)
        drawSample(c)
        let svg = String(decoding: c.finish(), as: UTF8.self)
        XCTAssertTrue(svg.contains("width=\"120pt\""), svg.prefix(300).description)
    }

    func testLatinModernResolvesThroughFontconfig() {
        XCTAssertEqual(Fonts.resolvedFamily(Fonts.serif), "Latin Modern Roman")
        XCTAssertEqual(Fonts.resolvedFamily(Fonts.mono), "DejaVu Sans Mono")
        XCTAssertNotNil(FontFiles.path(family: "Latin Modern Math"))
        XCTAssertNil(FontFiles.path(family: "No Such Font Family 123"))
    }

    func testTextLayoutWrapsToWidth() {
        let c = Canvas(.pdf, width: 300, height: 300)
        let words = Array(repeating: "word", count: 60).joined(separator: " ")
        let t = TextLayout(canvas: c, markup: words, font: Fonts.description(Fonts.serif, size: 10), width: 150)
        XCTAssertGreaterThan(t.lines.count, 5)
        XCTAssertLessThanOrEqual(t.size.width, 150.5)
        // Lines stack downwards with increasing baselines.
        let baselines = t.lines.map(\.baseline)
        XCTAssertEqual(baselines, baselines.sorted())
        _ = c.finish()
    }

    func testMarkupEscaping() {
        XCTAssertEqual(TextLayout.escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;")
    }
}
