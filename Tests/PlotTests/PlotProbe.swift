import Foundation
import Graphics
import TestSupport
import XCTest
@testable import Plot

/// Measurements of drawn figures the plot-control tests share: the plot rectangle of a
/// one-panel figure, the words of its PDF with their boxes, and pixels of its PNG.
enum PlotProbe {
    /// The plot rectangle of a one-panel figure without a title above the grid.
    static func plotRect(_ f: Figure) -> Rect {
        let c = Canvas(.pdf, width: f.width, height: f.height)
        let cell = Rect(x: 3, y: 3, width: f.width - 6, height: f.height - 6)
        let m = f.axes.margins(cell: cell, canvas: c).margins
        _ = c.finish()
        return f.axes.aspectAdjusted(Axes.inset(cell, m))
    }

    /// The guides of a one-panel figure as drawn.
    static func guides(_ f: Figure) -> AxesGuides {
        let c = Canvas(.pdf, width: f.width, height: f.height)
        defer { _ = c.finish() }
        return f.axes.guides(plot: plotRect(f), canvas: c)
    }

    /// Words of the figure's PDF (`pdftotext -bbox`), boxes as [xMin, yMin, xMax, yMax] in points.
    static func words(_ f: Figure) throws -> [(text: String, box: [Double])] {
        let url = uniqueTemporaryURL("plot-probe", suffix: ".pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Gallery.pdf(f)).write(to: url)
        let bbox = try Tools.output("pdftotext", ["-bbox", url.path, "-"])
        return try NSRegularExpression(pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
            .matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox)).map { m in
                let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
                return (g(5), (1...4).map { Double(g($0))! })
            }
    }

    /// Pixels of the figure at `dpi` (1 pt = dpi / 72 pixels).
    static func pixels(_ f: Figure, dpi: Double = 144) -> (width: Int, height: Int, rgba: [UInt8]) {
        let c = Canvas(.png(dpi: dpi), width: f.width, height: f.height)
        f.draw(on: c)
        return c.pixels()
    }

    /// The colour at a point given in points, at `dpi`.
    static func rgb(_ px: (width: Int, height: Int, rgba: [UInt8]), _ p: Point, dpi: Double = 144) -> (Int, Int, Int) {
        let k = dpi / 72
        let x = min(px.width - 1, max(0, Int(p.x * k))), y = min(px.height - 1, max(0, Int(p.y * k)))
        let o = (y * px.width + x) * 4
        return (Int(px.rgba[o]), Int(px.rgba[o + 1]), Int(px.rgba[o + 2]))
    }

    /// Whether a pixel is ink (clearly darker than white).
    static func ink(_ c: (Int, Int, Int)) -> Bool { c.0 + c.1 + c.2 < 600 }
}
