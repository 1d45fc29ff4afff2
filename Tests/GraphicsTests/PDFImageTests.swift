import XCTest
import TestSupport
@testable import Graphics

/// Images on PDF canvases: stored indexed or RGB with PNG predictors, at most `vectorImageDPI`,
/// never interpolated when drawn nearest, and decoded by a real reader (poppler) to the right colours.
final class PDFImageTests: XCTestCase {
    /// `pdfimages -list` rows as (width, height, color, interp).
    func images(_ pdf: [UInt8]) throws -> [(width: Int, height: Int, color: String, interp: String)] {
        let path = uniqueTemporaryURL("folio-pdfimage", suffix: ".pdf").path
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (status, out, err) = try Tools.run("pdfimages", ["-list", path])
        XCTAssertEqual(status, 0); XCTAssertEqual(err, "", "poppler complains")
        return out.split(separator: "\n").dropFirst(2).map { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (Int(f[3])!, Int(f[4])!, f[5], f[9])
        }
    }

    /// The page rendered by pdftoppm at `dpi`.
    func render(_ pdf: [UInt8], dpi: Int) throws -> RasterImage {
        let dir = try makeTemporaryFolder("folio-pdfimage").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/in.pdf"))
        let (status, _, err) = try Tools.run("pdftoppm", ["-r", "\(dpi)", "-png", "-singlefile", dir + "/in.pdf", dir + "/out"])
        XCTAssertEqual(status, 0); XCTAssertEqual(err, "", "poppler complains")
        return try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png")))))
    }

    func testIndexedImageKeepsCellsCrispAndExact() throws {
        // 4 × 2 cells, each its own colour, 50 pt square on the page.
        let palette: [UInt32] = [0xFF0000, 0x00FF00, 0x0000FF, 0x000000, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0x808080]
        let image = IndexedImage(width: 4, height: 2, palette: palette, indices: [0, 1, 2, 3, 4, 5, 6, 7])
        func pdf() -> [UInt8] {
            let c = Canvas(.pdf, width: 220, height: 120)
            c.draw(image, in: Rect(x: 10, y: 10, width: 200, height: 100))
            return c.finish()
        }
        let bytes = pdf()
        XCTAssertTrue(bytes == pdf(), "re-render differs")
        let list = try images(bytes)
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list[0].width, 4); XCTAssertEqual(list[0].height, 2)
        XCTAssertEqual(list[0].color, "index"); XCTAssertEqual(list[0].interp, "no")
        let page = try render(bytes, dpi: 72)
        for (k, colour) in palette.enumerated() {
            let x0 = 10 + 50 * (k % 4), y0 = 10 + 50 * (k / 4)
            let want: [UInt8] = [UInt8(colour >> 16), UInt8((colour >> 8) & 0xff), UInt8(colour & 0xff), 255]
            // Centre and both sides of every cell edge: one flat colour, no blur across the boundary.
            for (x, y) in [(x0 + 25, y0 + 25), (x0 + 2, y0 + 2), (x0 + 47, y0 + 47)] {
                XCTAssertEqual(page[x: x, y: y], want, "cell \(k) at (\(x), \(y))")
            }
        }
    }

    func testManyColoursGoRGBAndFineImagesStopAtTheImageResolution() throws {
        // 300 × 200 pixels, 60 000 colours, drawn 144 × 72 pt: at 100 dpi that is 200 × 100 pixels.
        var rgba = [UInt8](repeating: 255, count: 300 * 200 * 4)
        for y in 0..<200 {
            for x in 0..<300 {
                let o = (y * 300 + x) * 4
                rgba[o] = UInt8(x * 255 / 299); rgba[o + 1] = UInt8(y * 255 / 199); rgba[o + 2] = UInt8((x + y) % 256)
            }
        }
        let image = RasterImage(width: 300, height: 200, rgba: rgba)
        let c = Canvas(.pdf, width: 144, height: 72)
        c.draw(image, in: Rect(x: 0, y: 0, width: 144, height: 72))
        let bytes = c.finish()
        let list = try images(bytes)
        XCTAssertEqual(list.map(\.width), [200]); XCTAssertEqual(list.map(\.height), [100])
        XCTAssertEqual(list.first?.color, "rgb")
        // Stored pixel (i, j) is the source pixel under its centre (nearest), drawn flat: at 300 dpi
        // it covers 3 × 3 page pixels, whose middle one shows it exactly.
        let page = try render(bytes, dpi: 300)
        for (i, j) in [(20, 20), (100, 50), (180, 80), (199, 99)] {
            let sx = min(299, (2 * i + 1) * 300 / 400), sy = min(199, (2 * j + 1) * 200 / 200)
            XCTAssertEqual(page[x: 3 * i + 1, y: 3 * j + 1], image[x: sx, y: sy], "stored pixel (\(i), \(j))")
        }
        // A finer setting keeps every pixel.
        let fine = Canvas(.pdf, width: 144, height: 72)
        fine.vectorImageDPI = 300
        fine.draw(image, in: Rect(x: 0, y: 0, width: 144, height: 72))
        XCTAssertEqual(try images(fine.finish()).map(\.width), [300])
    }

    func testTransparentImagesStillDrawAndManyImagesShareAPage() throws {
        let c = Canvas(.pdf, width: 100, height: 100)
        // Half-transparent: Cairo's own path (an image with a soft mask).
        c.draw(RasterImage(width: 1, height: 1, rgba: [255, 0, 0, 128]), in: Rect(x: 0, y: 0, width: 50, height: 50))
        for k in 0..<12 {
            let v = UInt32(k * 20)
            c.draw(
                IndexedImage(width: 1, height: 1, palette: [v << 16 | v], indices: [0]),
                in: Rect(x: Double(k % 4) * 12 + 50, y: Double(k / 4) * 12 + 50, width: 10, height: 10))
        }
        let bytes = c.finish()
        XCTAssertEqual(try images(bytes).filter { $0.color == "index" }.count, 12)
        let page = try render(bytes, dpi: 72)
        XCTAssertEqual(page[x: 25, y: 25][0], 255); XCTAssertLessThan(page[x: 25, y: 25][1], 200, "blended red")
        for k in 0..<12 {
            let v = UInt8(k * 20)
            XCTAssertEqual(page[x: (k % 4) * 12 + 55, y: (k / 4) * 12 + 55], [v, 0, v, 255], "image \(k)")
        }
    }

    func testIndexedImagesOnRasterCanvasesUseThePalette() {
        let c = Canvas(.png(dpi: 72), width: 20, height: 10)
        c.draw(IndexedImage(width: 2, height: 1, palette: [0x0072B2, 0xE69F00], indices: [1, 0]), in: Rect(x: 0, y: 0, width: 20, height: 10))
        let p = c.pixels()
        XCTAssertEqual(Array(p.rgba[(5 * 20 + 3) * 4..<(5 * 20 + 3) * 4 + 4]), [0xE6, 0x9F, 0x00, 255])
        XCTAssertEqual(Array(p.rgba[(5 * 20 + 16) * 4..<(5 * 20 + 16) * 4 + 4]), [0x00, 0x72, 0xB2, 255])
    }
}
