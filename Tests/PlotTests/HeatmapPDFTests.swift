import XCTest
import Graphics
import TestSupport
@testable import Plot

/// Heatmaps in PDFs: an indexed image in the colormap's order, never interpolated, every cell
/// kept when cells are coarser than `vectorImageDPI`, and at most that resolution when finer.
final class HeatmapPDFTests: XCTestCase {
    func imageList(_ pdf: [UInt8], _ dir: URL) throws -> [[String]] {
        let path = dir.appendingPathComponent("h.pdf")
        try Data(pdf).write(to: path)
        return try Tools.output("pdfimages", ["-list", path.path]).split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ").map(String.init) }
    }

    func testCoarseHeatmapKeepsEveryCellAndShowsTheKnownColours() throws {
        let dir = try makeTemporaryFolder("folio-plot")
        defer { try? FileManager.default.removeItem(at: dir) }
        var f = Figure(width: 200, height: 200)
        f.axes.heatmap([0, 1, 2, 3], rows: 2, columns: 2, colorbar: nil)
        let bytes = Gallery.pdf(f)
        let rows = try imageList(bytes, dir)
        XCTAssertEqual(rows.count, 1)
        // width height color … interp
        XCTAssertEqual(Array(rows[0][3...5]), ["2", "2", "index"]); XCTAssertEqual(rows[0][9], "no")
        // Rendered by poppler: the same cell colours as the PNG canvas test (row 0 at the bottom).
        let pdf = dir.appendingPathComponent("h.pdf")
        _ = try Tools.output("pdftoppm", ["-r", "72", "-png", "-singlefile", pdf.path, dir.appendingPathComponent("h").path])
        let page = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: dir.appendingPathComponent("h.png")))))
        let c = Canvas(.png(dpi: 72), width: 200, height: 200)
        let plot = Axes.inset(Rect(x: 3, y: 3, width: 194, height: 194), f.axes.margins(cell: Rect(x: 3, y: 3, width: 194, height: 194), canvas: c).margins)
        func at(_ fx: Double, _ fy: Double) -> UInt32 {
            let p = page[x: Int(plot.x + fx * plot.width), y: Int(plot.y + fy * plot.height)]
            return UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
        }
        XCTAssertEqual(at(0.25, 0.75), Colormap.viridis.hex(0))
        XCTAssertEqual(at(0.75, 0.75), Colormap.viridis.hex(1.0 / 3))
        XCTAssertEqual(at(0.25, 0.25), Colormap.viridis.hex(2.0 / 3))
        XCTAssertEqual(at(0.75, 0.25), Colormap.viridis.hex(1))
    }

    func testFineHeatmapIsStoredAtTheImageResolutionAndReRendersIdentically() throws {
        let dir = try makeTemporaryFolder("folio-plot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = 1024
        var f = Figure(width: 460.8, height: 345.6)
        f.axes.heatmap((0..<(n * n)).map { sin(Double($0 % n) / 50) * cos(Double($0 / n) / 50) }, rows: n, columns: n, colorbar: "")
        let bytes = Gallery.pdf(f)
        XCTAssertTrue(bytes == Gallery.pdf(f), "re-render differs")
        let rows = try imageList(bytes, dir)
        XCTAssertEqual(rows.count, 2, "the heatmap and its colorbar")
        let heat = rows[0]
        XCTAssertEqual(heat[5], "index"); XCTAssertEqual(heat[9], "no", "nearest: /Interpolate false")
        XCTAssertLessThan(Int(heat[3])!, n); XCTAssertLessThan(Int(heat[4])!, n)
        // x-ppi and y-ppi: the stored resolution, 100 dpi (rounded up to whole pixels).
        XCTAssertEqual(Double(heat[12])!, 100, accuracy: 1); XCTAssertEqual(Double(heat[13])!, 100, accuracy: 1)
        // Indexed in the colormap's order, the smooth field compresses to well under a byte a pixel.
        XCTAssertLessThan(bytes.count, Int(heat[3])! * Int(heat[4])! / 3)
    }
}
