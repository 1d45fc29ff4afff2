import XCTest
import TestSupport
@testable import Graphics

/// Quads filled through Folio's own PDF form XObject land where Cairo would put them, in their
/// colours, under any transform, and read back by poppler without complaint.
final class PDFFormTests: XCTestCase {
    func testNumbersAreWrittenInTheFewestCharacters() {
        func text(_ k: Int) -> String { var out: [UInt8] = []; PDFFormXObject.write(k, &out); return String(decoding: out, as: UTF8.self) }
        XCTAssertEqual(text(12_500), "12.5"); XCTAssertEqual(text(-250), "-0.25"); XCTAssertEqual(text(3000), "3")
        XCTAssertEqual(text(1), "0.001"); XCTAssertEqual(text(-1), "-0.001"); XCTAssertEqual(text(0), "0")
        XCTAssertEqual(text(460_125), "460.125"); XCTAssertEqual(PDFFormXObject.thousandths(0.2004), 200)
    }

    /// A 10 × 10 grid of 10-pt squares at (x0, y0), colours from a 6-level cube (exact in 8 bits).
    func grid(_ x0: Double, _ y0: Double) -> ([Canvas.Quad], [Color]) {
        var quads: [Canvas.Quad] = [], colors: [Color] = []
        for k in 0..<100 {
            let x = x0 + Double(k % 10) * 10, y = y0 + Double(k / 10) * 10
            quads.append((Point(x, y), Point(x + 10, y), Point(x + 10, y + 10), Point(x, y + 10)))
            colors.append(Color(red: Double(k % 6) / 5, green: Double(k / 6 % 6) / 5, blue: Double(k / 36) / 5))
        }
        return (quads, colors)
    }

    func render(_ pdf: [UInt8]) throws -> RasterImage {
        let dir = try makeTemporaryFolder("folio-pdfform").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/in.pdf"))
        let (status, _, complaints) = try Tools.run("pdftoppm", ["-r", "72", "-png", "-singlefile", dir + "/in.pdf", dir + "/out"])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(complaints, "", "poppler complains")
        return try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png")))))
    }

    func testQuadsLandInTheirColoursUnderATransform() throws {
        for (shift, zoom) in [((0.0, 0.0), 1.0), ((40.0, 30.0), 0.5)] {
            func pdf() -> [UInt8] {
                let c = Canvas(.pdf, width: 200, height: 150)
                c.translate(shift.0, shift.1); c.scale(zoom, zoom)
                let (q, col) = grid(20, 15)
                c.fillQuads(q, colors: col)
                return c.finish()
            }
            let bytes = pdf()
            XCTAssertTrue(bytes == pdf(), "re-render differs")
            XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("/Subtype /Form"), "written as Folio's form")
            let page = try render(bytes)
            let (_, colors) = grid(20, 15)
            for k in [0, 9, 37, 55, 90, 99] {
                let cx = shift.0 + zoom * (25 + Double(k % 10) * 10), cy = shift.1 + zoom * (20 + Double(k / 10) * 10)
                let c = colors[k]
                let want = [UInt8((c.red * 255).rounded()), UInt8((c.green * 255).rounded()), UInt8((c.blue * 255).rounded()), 255]
                XCTAssertEqual(page[x: Int(cx), y: Int(cy)], want, "square \(k) at zoom \(zoom)")
            }
            // Outside the grid the page stays white.
            XCTAssertEqual(page[x: Int(shift.0 + zoom * 10), y: Int(shift.1 + zoom * 10)], [255, 255, 255, 255])
            XCTAssertEqual(page[x: Int(shift.0 + zoom * 125), y: Int(shift.1 + zoom * 120)], [255, 255, 255, 255])
        }
    }
}
