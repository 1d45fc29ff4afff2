import XCTest
@testable import Graphics

final class DrawingTests: XCTestCase {
    func testPNGGoesThroughLibpngWithDPIRecorded() throws {
        let c = Canvas(.png(dpi: 150), width: 72, height: 36)
        c.rectangle(Rect(x: 0, y: 0, width: 36, height: 36)); c.fill(Color(hex: 0x0072B2))
        let png = c.finish()
        // pHYs: pixels per metre = round(150 / 0.0254) = 5906 on both axes, unit 1 (metre).
        let tag = Array("pHYs".utf8)
        guard let i = (0..<png.count - 13).first(where: { Array(png[$0..<$0 + 4]) == tag }) else { return XCTFail("no pHYs chunk") }
        func be32(_ k: Int) -> Int { png[k..<k + 4].reduce(0) { $0 << 8 | Int($1) } }
        XCTAssertEqual(be32(i + 4), 5906)
        XCTAssertEqual(be32(i + 8), 5906)
        XCTAssertEqual(png[i + 12], 1)
        // Round trip: 150 × 75 pixels, left half blue, right half white.
        let img = try XCTUnwrap(RasterImage(png: png))
        XCTAssertEqual(img.width, 150); XCTAssertEqual(img.height, 75)
        XCTAssertEqual(img[x: 10, y: 10], [0x00, 0x72, 0xB2, 255])
        XCTAssertEqual(img[x: 140, y: 70], [255, 255, 255, 255])
        XCTAssertNil(RasterImage(png: [1, 2, 3]))
    }

    func testPNGHoldsExactlyTheCanvasPixelsAsRGB() throws {
        // Antialiased text, a gradient and a translucent fill: every pixel of the file must be the
        // canvas pixel (the encoder reads Cairo's B, G, R, X rows directly).
        let c = Canvas(.png(dpi: 150), width: 120, height: 60)
        c.rectangle(Rect(x: 0, y: 0, width: 120, height: 60))
        c.fill(LinearGradient(from: Point(0, 0), to: Point(120, 0), stops: [(0, Color(hex: 0x0072B2)), (1, Color(hex: 0xE69F00))]))
        c.rectangle(Rect(x: 20, y: 10, width: 40, height: 30)); c.fill(Color(hex: 0xCC79A7).withAlpha(0.5))
        TextLayout(canvas: c, markup: "Figure 1", font: Fonts.description(Fonts.sans, size: 14)).draw(on: c, at: Point(8, 30))
        let expected = c.pixels()
        let png = c.finish()
        XCTAssertEqual(png[25], 2, "colour type RGB")
        let img = try XCTUnwrap(RasterImage(png: png))
        XCTAssertEqual(img.width, expected.width); XCTAssertEqual(img.height, expected.height)
        XCTAssertEqual(img.rgba, expected.rgba)
        XCTAssertGreaterThan(Set(stride(from: 0, to: img.rgba.count, by: 4).map { img.rgba[$0] }).count, 50)
    }

    func testLargePaletteImageShowsTheCellUnderEachPixelCentre() {
        // 300×200 cells in a 100×80 pt rectangle at 72 dpi (fewer pixels than cells: drawn at the
        // canvas's pixels), at a fractional offset. Neighbouring cells differ a lot, so a pixel
        // that took the wrong cell shows.
        let (w, h) = (300, 200)
        let palette: [UInt32] = (0..<256).map { (k: Int) -> UInt32 in UInt32(k) << 16 | UInt32(255 - k) << 8 | 0x40 }
        let indices: [UInt8] = (0..<(w * h)).map { (i: Int) -> UInt8 in UInt8((i % w * 7 + i / w * 13) % 256) }
        let image = IndexedImage(width: w, height: h, palette: palette, indices: indices)
        let rect = Rect(x: 10.3, y: 5.6, width: 100, height: 80)
        func render(_ draw: (Canvas) -> Void) -> [UInt8] {
            let c = Canvas(.png(dpi: 72), width: 120, height: 100)
            draw(c)
            return c.pixels().rgba
        }
        let px = render { $0.draw(image, in: rect, interpolation: .nearest) }
        var checked = 0
        for y in 6..<85 {
            for x in 11..<110 {
                let u = (Double(x) + 0.5 - rect.x) / rect.width * Double(w), v = (Double(y) + 0.5 - rect.y) / rect.height * Double(h)
                // Centres within a hair of a cell boundary may round either way.
                guard abs(u - u.rounded()) > 1e-6, abs(v - v.rounded()) > 1e-6 else { continue }
                let colour: UInt32 = palette[Int(indices[Int(v) * w + Int(u)])]
                let expected: [UInt8] = [UInt8(colour >> 16), UInt8((colour >> 8) & 0xff), UInt8(colour & 0xff)]
                let o = (y * 120 + x) * 4
                XCTAssertEqual(Array(px[o..<o + 3]), expected, "pixel \(x), \(y)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 7000)
        // Cairo's own nearest sampling of the full image (the RGBA path) agrees but for ties.
        let cairo = render { $0.draw(image.rgbaImage, in: rect, interpolation: .nearest) }
        let same = stride(from: 0, to: px.count, by: 4).filter { px[$0..<$0 + 4] == cairo[$0..<$0 + 4] }.count
        XCTAssertGreaterThan(Double(same) / Double(px.count / 4), 0.98)
    }

    func testImagesDrawWithNearestAndBilinearResampling() {
        // 2×2 checkerboard red/blue scaled to 100×100 pt.
        let img = RasterImage(width: 2, height: 2, rgba: [255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255, 255, 0, 0, 255])
        let near = Canvas(.png(dpi: 72), width: 100, height: 100)
        near.draw(img, in: Rect(x: 0, y: 0, width: 100, height: 100), interpolation: .nearest)
        let p = near.pixels()
        func at(_ px: (width: Int, height: Int, rgba: [UInt8]), _ x: Int, _ y: Int) -> [UInt8] {
            let o = (y * px.width + x) * 4; return Array(px.rgba[o..<o + 4])
        }
        XCTAssertEqual(at(p, 10, 10), [255, 0, 0, 255])
        XCTAssertEqual(at(p, 90, 10), [0, 0, 255, 255])
        XCTAssertEqual(at(p, 49, 49), [255, 0, 0, 255], "nearest keeps cells crisp up to the boundary")
        let smooth = Canvas(.png(dpi: 72), width: 100, height: 100)
        smooth.draw(img, in: Rect(x: 0, y: 0, width: 100, height: 100), interpolation: .bilinear)
        let mid = at(smooth.pixels(), 50, 25)
        XCTAssertTrue(mid[0] > 60 && mid[0] < 200 && mid[2] > 60 && mid[2] < 200, "bilinear blends: \(mid)")
    }

    func testLinearGradientRunsBetweenStops() {
        let c = Canvas(.png(dpi: 72), width: 256, height: 10)
        c.rectangle(Rect(x: 0, y: 0, width: 256, height: 10))
        c.fill(LinearGradient(from: Point(0, 0), to: Point(256, 0), stops: [(0, .black), (1, .white)]))
        let p = c.pixels()
        let row = (0..<256).map { Int(p.rgba[(5 * p.width + $0) * 4]) }
        XCTAssertLessThan(row[2], 6); XCTAssertGreaterThan(row[253], 249)
        XCTAssertEqual(Double(row[128]), 128, accuracy: 3)
        XCTAssertEqual(row, row.sorted(), "monotone")
    }

    func testDashesAndClipping() {
        let c = Canvas(.png(dpi: 72), width: 100, height: 20)
        c.move(to: Point(0, 5)); c.line(to: Point(100, 5))
        c.stroke(.black, width: 2, dash: [10, 10])
        c.save()
        c.rectangle(Rect(x: 0, y: 10, width: 50, height: 10)); c.clip()
        c.rectangle(Rect(x: 0, y: 10, width: 100, height: 10)); c.fill(Color(hex: 0xff0000))
        c.restore()
        let p = c.pixels()
        let dashRow = (0..<100).map { p.rgba[(5 * p.width + $0) * 4] < 128 }
        let switches = zip(dashRow, dashRow.dropFirst()).filter { $0 != $1 }.count
        XCTAssertEqual(switches, 9, "five 10-pt dashes with gaps")
        XCTAssertEqual(Array(p.rgba[(15 * p.width + 25) * 4..<(15 * p.width + 25) * 4 + 3]), [255, 0, 0])
        XCTAssertEqual(Array(p.rgba[(15 * p.width + 75) * 4..<(15 * p.width + 75) * 4 + 3]), [255, 255, 255], "clipped away")
    }

    func testEveryFormatIsByteIdenticalOnReRender() {
        for kind in [Canvas.Kind.pdf, .svg, .png(dpi: 150)] {
            func render() -> [UInt8] {
                let c = Canvas(kind, width: 120, height: 80)
                c.rectangle(Rect(x: 5, y: 5, width: 50, height: 30))
                c.fill(LinearGradient(from: Point(5, 0), to: Point(55, 0), stops: [(0, .black), (1, Color(hex: 0x56B4E9))]))
                c.draw(RasterImage(width: 1, height: 2, rgba: [0, 0, 0, 255, 255, 255, 255, 255]), in: Rect(x: 60, y: 5, width: 20, height: 20))
                TextLayout(canvas: c, markup: "x<sup>2</sup> text", font: Fonts.description(Fonts.sans, size: 9)).draw(on: c, at: Point(5, 50))
                return c.finish()
            }
            // Something else drawn in between must not change the ids Cairo hands out.
            let first = render()
            _ = Canvas(.svg, width: 10, height: 10).finish()
            XCTAssertTrue(first == render(), "\(kind) differs on re-render")
        }
    }
}
