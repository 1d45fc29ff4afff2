import XCTest
import Foundation
import Graphics
import TestSupport
@testable import Plot

final class FigureTests: XCTestCase {
    func testFigureRoundTripsThroughJSONWithNaN() throws {
        var f = Figure(title: "t")
        f.line(x: [0, 1, 2], y: [1, .nan, 3], label: "a")
        f.axes.contour([0, 1, 2, 3], rows: 2, columns: 2, x: [0, 1], y: [0, 1], filled: true, colormap: "magma")
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let back = try d.decode(Figure.self, from: try e.encode(f))
        guard case .line(let l) = back.axes.marks[0] else { return XCTFail("line lost") }
        XCTAssertEqual(l.x, [0, 1, 2]); XCTAssertTrue(l.y[1].isNaN); XCTAssertEqual(l.y[2], 3)
        guard case .contour(let c) = back.axes.marks[1] else { return XCTFail("contour lost") }
        XCTAssertEqual(c.colormap, .magma)
        XCTAssertEqual(back.axes.title, "t")
    }

    func pixels(_ f: Figure, dpi: Double = 72) -> (width: Int, height: Int, rgba: [UInt8]) {
        let c = Canvas(.png(dpi: dpi), width: f.width, height: f.height)
        f.draw(on: c)
        return c.pixels()
    }

    func count(_ px: (width: Int, height: Int, rgba: [UInt8]), where test: (UInt8, UInt8, UInt8) -> Bool) -> Int {
        var n = 0
        for i in stride(from: 0, to: px.rgba.count, by: 4) where test(px.rgba[i], px.rgba[i + 1], px.rgba[i + 2]) { n += 1 }
        return n
    }

    func testLineIsDrawnInsideTheAxesAndNaNBreaksIt() {
        var f = Figure(width: 200, height: 150)
        f.line(x: [0, 1, 2, 3, 4], y: [0, 1, .nan, 3, 4], color: Color(hex: 0x0000ff))
        let px = pixels(f, dpi: 144)
        let blue = count(px) { r, g, b in b > 200 && r < 80 && g < 80 }
        XCTAssertGreaterThan(blue, 200)
        // The gap: no blue pixels on the vertical through x = 2 (between the pieces).
        var f2 = f; f2.axes.marks = []
        f2.line(x: [0, 4], y: [0, 4], color: Color(hex: 0xffffff, alpha: 0))
        let frame = PlotFrame(rect: Rect(x: 0, y: 0, width: 1, height: 1), xScale: .linear, yScale: .linear, xLimits: (0, 1), yLimits: (0, 1))
        _ = frame
        let c = Canvas(.png(dpi: 144), width: f.width, height: f.height)
        f.draw(on: c)
        let lim = f.axes.limits()
        let m = f.axes.margins(cell: Rect(x: 3, y: 3, width: f.width - 6, height: f.height - 6), canvas: c).margins
        let plot = Axes.inset(Rect(x: 3, y: 3, width: f.width - 6, height: f.height - 6), m)
        let x2 = Int(((plot.x + (2 - lim.x.0) / (lim.x.1 - lim.x.0) * plot.width) * 2).rounded())
        let column = (0..<px.height).filter { y in
            let o = (y * px.width + x2) * 4
            return px.rgba[o + 2] > 200 && px.rgba[o] < 80 && px.rgba[o + 1] < 80
        }
        XCTAssertEqual(column, [], "NaN lifts the pen at x = 2")
    }

    func testHeatmapColoursKnownCells() {
        // 2 × 2 grid: value 0 bottom-left … 3 top-right, viridis over 0…3.
        var f = Figure(width: 200, height: 200)
        f.axes.heatmap([0, 1, 2, 3], rows: 2, columns: 2, colorbar: nil)
        let c = Canvas(.png(dpi: 72), width: 200, height: 200)
        f.draw(on: c)
        let m = f.axes.margins(cell: Rect(x: 3, y: 3, width: 194, height: 194), canvas: c).margins
        let plot = Axes.inset(Rect(x: 3, y: 3, width: 194, height: 194), m)
        let px = c.pixels()
        func at(_ fx: Double, _ fy: Double) -> UInt32 {
            let x = Int(plot.x + fx * plot.width), y = Int(plot.y + fy * plot.height)
            let o = (y * px.width + x) * 4
            return UInt32(px.rgba[o]) << 16 | UInt32(px.rgba[o + 1]) << 8 | UInt32(px.rgba[o + 2])
        }
        XCTAssertEqual(at(0.25, 0.75), Colormap.viridis.hex(0), "row 0 is at the bottom")
        XCTAssertEqual(at(0.75, 0.75), Colormap.viridis.hex(1.0 / 3))
        XCTAssertEqual(at(0.25, 0.25), Colormap.viridis.hex(2.0 / 3))
        XCTAssertEqual(at(0.75, 0.25), Colormap.viridis.hex(1))
    }

    /// Filled contours leave no background showing inside the domain, in any rasteriser:
    /// poppler at 72, 150 and 600 dpi, and Cairo itself.
    func testFilledContoursHaveNoSeams() throws {
        let n = 61
        var f = Figure(width: 160, height: 160)
        f.axes.contour(
            Gallery.grid(n, Gallery.peaks), rows: n, columns: n, x: [-3, 3], y: [-3, 3],
            filled: true, lines: false, colorbar: nil)
        let dir = try makeTemporaryFolder("folio-plot")
        let pdf = dir.appendingPathComponent("c.pdf")
        try Data(Gallery.pdf(f)).write(to: pdf)
        let c = Canvas(.pdf, width: f.width, height: f.height)
        let m = f.axes.margins(cell: Rect(x: 3, y: 3, width: 154, height: 154), canvas: c).margins
        let plot = Axes.inset(Rect(x: 3, y: 3, width: 154, height: 154), m)
        for dpi in [72, 150, 600] {
            _ = try Tools.output("pdftoppm", ["-png", "-r", "\(dpi)", "-singlefile", pdf.path, dir.appendingPathComponent("r\(dpi)").path])
            let img = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: dir.appendingPathComponent("r\(dpi).png")))))
            let s = Double(dpi) / 72
            var light = 0, inside = 0
            // Stay 1.5 px inside the plot edge (the frame line is drawn there).
            for y in Int((plot.y * s).rounded(.up)) + 2..<Int(plot.maxY * s) - 2 {
                for x in Int((plot.x * s).rounded(.up)) + 2..<Int(plot.maxX * s) - 2 {
                    let p = img[x: x, y: y]
                    inside += 1
                    // Viridis never gets near white; background would be (255, 255, 255).
                    if p[0] > 240 && p[1] > 240 && p[2] > 240 { light += 1 }
                }
            }
            XCTAssertGreaterThan(inside, 1000)
            XCTAssertEqual(light, 0, "\(dpi) dpi: \(light) background pixels inside the domain")
        }
        let px = pixels(f, dpi: 150)
        XCTAssertEqual(count(px) { r, g, b in r > 240 && g > 240 && b > 240 && false }, 0)
        try? FileManager.default.removeItem(at: dir)
    }

    func testPDFHasRequestedSizeEmbeddedFontsAndIsByteIdentical() throws {
        let dir = try makeTemporaryFolder("folio-plot")
        for (name, fig) in [("contours", Gallery.contours), ("log", Gallery.logLines), ("surface", Gallery.surface)] {
            let bytes = Gallery.pdf(fig)
            XCTAssertTrue(bytes == Gallery.pdf(fig), "\(name) PDF re-render differs")
            let pdf = dir.appendingPathComponent(name + ".pdf")
            try Data(bytes).write(to: pdf)
            let info = try Tools.output("pdfinfo", [pdf.path])
            let w = String(format: "%g", fig.width), h = String(format: "%g", fig.height)
            XCTAssertNotNil(info.range(of: "Page size:\\s+\(w) x \(h) pts", options: .regularExpression), info)
            let fonts = try Tools.output("pdffonts", [pdf.path])
            let rows = fonts.split(separator: "\n").dropFirst(2)
            XCTAssertFalse(rows.isEmpty, "\(name) has text")
            for row in rows {
                XCTAssertFalse(row.contains("Type 3"), String(row))
                XCTAssertTrue(row.contains("LMSans") || row.contains("DejaVu"), String(row))
            }
            let png = { () -> [UInt8] in
                let c = Gallery.png(fig); return c.finish()
            }
            XCTAssertTrue(png() == png(), "\(name) PNG re-render differs")
            let svg = { () -> [UInt8] in
                let c = Canvas(.svg, width: fig.width, height: fig.height); fig.draw(on: c); return c.finish()
            }
            XCTAssertTrue(svg() == svg(), "\(name) SVG re-render differs")
        }
        try? FileManager.default.removeItem(at: dir)
    }

    func testEmptyAndConstantDataGiveSensibleAxes() {
        let empty = Axes()
        XCTAssertTrue(empty.limits().x == (0, 1) && empty.limits().y == (0, 1))
        var constant = Axes()
        constant.line(x: [1, 2, 3], y: [5, 5, 5])
        XCTAssertEqual(constant.limits().y.0, 4.5, accuracy: 1e-12)
        XCTAssertEqual(constant.limits().y.1, 5.5, accuracy: 1e-12)
        var logEmpty = Axes(); logEmpty.yScale = .log
        logEmpty.line(x: [1, 2], y: [-1, 0])
        XCTAssertTrue(logEmpty.limits().y == (1, 10), "non-positive data on a log axis falls back to a decade")
        var single = Axes(); single.scatter(x: [0], y: [0])
        XCTAssertTrue(single.limits().x == (-1, 1))
        // All of them draw without trapping and with ticks.
        var f = Figure(width: 300, height: 120, rows: 1, columns: 3)
        f[0, 0] = empty; f[0, 1] = constant; f[0, 2] = logEmpty
        XCTAssertGreaterThan(count(pixels(f)) { r, _, _ in r < 100 }, 100)
    }

    func testLegendAvoidsTheData() {
        // Data fills the upper-right and lower-left: the legend goes upper-left or lower-right.
        var a = Axes()
        a.line(x: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], y: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], label: "diagonal")
        let c = Canvas(.pdf, width: 300, height: 200)
        let g = a.guides(plot: Rect(x: 40, y: 10, width: 250, height: 160), canvas: c)
        let o = try! XCTUnwrap(g.legendOrigin)
        let s = g.legend!.size
        let box = Rect(x: o.x, y: o.y, width: s.width, height: s.height)
        for p in Legend.samples(a, g.frame) {
            XCTAssertFalse(p.x >= box.x && p.x <= box.maxX && p.y >= box.y && p.y <= box.maxY, "legend covers \(p)")
        }
        XCTAssertTrue(box.x < 100 && box.y < 60, "upper left preferred after upper right: \(box)")
        // A plot full of data sends it outside, and the right margin grows to hold it.
        var full = Axes()
        full.heatmap((0..<100).map(Double.init), rows: 10, columns: 10, colorbar: nil)
        full.hline(50, label: "threshold")
        let (m, outside) = full.margins(cell: Rect(x: 0, y: 0, width: 300, height: 200), canvas: c)
        XCTAssertTrue(outside)
        XCTAssertGreaterThan(m.right, s.width)
        _ = c.finish()
    }

    func testNoInkTouchesTheFigureEdgeInAGrid() {
        var f = Figure(width: 400, height: 260, rows: 2, columns: 2, title: "Grid", panelLetters: true)
        for r in 0..<2 {
            for c in 0..<2 {
                f[r, c].line(x: [0, 1e5], y: [-12345.5, 98765.25], label: "series")
                f[r, c].xLabel = "a long x label \(r)\(c)"; f[r, c].yLabel = "y label"
                if c == 1 { f[r, c].yScale = .log; f[r, c].marks = []; f[r, c].line(x: [1, 10], y: [1e-3, 1e4]) }
            }
        }
        let px = pixels(f, dpi: 100)
        func ink(_ x: Int, _ y: Int) -> Bool { let o = (y * px.width + x) * 4; return px.rgba[o] < 230 || px.rgba[o + 1] < 230 || px.rgba[o + 2] < 230 }
        for x in 0..<px.width { XCTAssertFalse(ink(x, 0) || ink(x, px.height - 1), "ink at the top/bottom edge, x = \(x)") }
        for y in 0..<px.height { XCTAssertFalse(ink(0, y) || ink(px.width - 1, y), "ink at the left/right edge, y = \(y)") }
        XCTAssertGreaterThan(count(px) { r, _, _ in r < 100 }, 2000)
    }

    /// A trajectory under a surface is hidden by it; above it, it shows.
    func testSurfaceOccludesLinesBehindIt() {
        func orange(_ zOffset: Double) -> Int {
            var f = Figure(width: 240, height: 200)
            let n = 11
            f.axes.surface(Array(repeating: 0, count: n * n), rows: n, columns: n, x: [-1, 1], y: [-1, 1], colormap: .cividis)
            // Short enough that, seen from 30° above, the plane covers it entirely when below.
            f.axes.line3D(x: [-0.4, 0.4], y: [0, 0], z: [zOffset, zOffset], color: Color(hex: 0xff6600), width: 3)
            // Fix z limits so both runs share the same box.
            f.axes.points3D(x: [-1, 1], y: [-1, 1], z: [-1, 1], color: Color(hex: 0xffffff, alpha: 0))
            return count(pixels(f, dpi: 100)) { r, g, b in r > 220 && g > 70 && g < 140 && b < 60 }
        }
        let above = orange(0.2), below = orange(-0.2)
        XCTAssertGreaterThan(above, 100)
        XCTAssertEqual(below, 0, "the surface hides the line below it")
    }

    func testPanelsOfAGridShareAlignedPlotRectangles() {
        // Constrained layout: left margins per column are the max over rows.
        var f = Figure(width: 400, height: 300, rows: 2, columns: 1)
        f[0, 0].line(x: [0, 1], y: [0, 1])
        f[1, 0].line(x: [0, 1], y: [0, 123456.789]); f[1, 0].yLabel = "big"
        let c = Canvas(.pdf, width: 400, height: 300)
        let m0 = f[0, 0].margins(cell: Rect(x: 0, y: 0, width: 394, height: 147), canvas: c).margins
        let m1 = f[1, 0].margins(cell: Rect(x: 0, y: 147, width: 394, height: 147), canvas: c).margins
        XCTAssertLessThan(m0.left, m1.left, "the lower panel needs more room")
        _ = c.finish()
    }

    func testSharedAxesUseTheUnionOfLimits() {
        var f = Figure(width: 300, height: 200, rows: 2, columns: 2)
        f[0, 0].line(x: [0, 1], y: [0, 1]); f[1, 0].line(x: [5, 10], y: [0, 100])
        f[0, 1].line(x: [-3, 1], y: [2, 3]); f[1, 1].line(x: [0, 1], y: [0, 1])
        f.sharedX = true; f.sharedY = true
        let p = f.resolvedPanels()
        XCTAssertEqual(p[0].xLimits, p[2].xLimits, "column 0 shares x")
        XCTAssertEqual(p[0].xLimits?[1] ?? 0, Axes.fit([5, 10], scale: .linear, pad: true).1, accuracy: 1e-12)
        XCTAssertEqual(p[2].yLimits, p[3].yLimits, "row 1 shares y")
        XCTAssertNotEqual(p[0].xLimits, p[1].xLimits)
    }

    /// Simplification keeps the drawn curve within a fraction of a point of the data.
    func testPathSimplificationKeepsTheShape() {
        let c = Canvas(.png(dpi: 72), width: 400, height: 100)
        var path = PathSimplifier(canvas: c, tolerance: 0.1)
        let xs = (0..<10_000).map { 400 * Double($0) / 9999 }
        let pts = xs.map { Point($0, 50 + 40 * sin($0 / 20)) }
        path.move(to: pts[0])
        for p in pts.dropFirst() { path.line(to: p) }
        path.flush()
        // Count the emitted vertices by walking a flattened copy: fewer than a tenth remain,
        // and the stroked curve covers the same pixels as the exact one.
        c.stroke(.black, width: 1)
        let simplified = c.pixels()
        let exact = Canvas(.png(dpi: 72), width: 400, height: 100)
        exact.move(to: pts[0]); for p in pts.dropFirst() { exact.line(to: p) }
        exact.stroke(.black, width: 1)
        let e = exact.pixels()
        var maxDiff = 0
        for i in stride(from: 0, to: e.rgba.count, by: 4) { maxDiff = max(maxDiff, abs(Int(e.rgba[i]) - Int(simplified.rgba[i]))) }
        XCTAssertLessThan(maxDiff, 64, "pixels differ by at most a quarter of full ink")
        let pdf = Canvas(.pdf, width: 400, height: 100)
        var p2 = PathSimplifier(canvas: pdf)
        p2.move(to: pts[0]); for p in pts.dropFirst() { p2.line(to: p) }; p2.flush()
        pdf.stroke(.black, width: 1)
        let small = pdf.finish().count
        let full = Canvas(.pdf, width: 400, height: 100)
        full.move(to: pts[0]); for p in pts.dropFirst() { full.line(to: p) }
        full.stroke(.black, width: 1)
        XCTAssertLessThan(small * 4, full.finish().count, "the PDF path shrinks")
    }

    /// The traced region (chains closed along the border, even-odd) covers the same pixels as
    /// the per-cell triangles it replaces, for every level of a bumpy surface.
    func testTracedContourRegionsMatchTheCellwiseRegions() {
        let n = 41
        var a = Axes()
        a.contour(Gallery.grid(n, Gallery.peaks), rows: n, columns: n, x: [-3, 3], y: [-3, 3], filled: true)
        guard case .contour(let mark) = a.marks[0] else { return XCTFail() }
        let grid = ContourGrid(mark)
        let frame = PlotFrame(
            rect: Rect(x: 0, y: 0, width: 200, height: 200), xScale: .linear, yScale: .linear,
            xLimits: (-3, 3), yLimits: (-3, 3))
        for level in mark.levels.dropFirst() {
            let traced = Canvas(.png(dpi: 72), width: 200, height: 200)
            XCTAssertTrue(grid.addTracedRegion(atLeast: level, on: traced, frame: frame), "level \(level)")
            traced.setFillRule(evenOdd: true); traced.fill(.black)
            let cells = Canvas(.png(dpi: 72), width: 200, height: 200)
            grid.addRegion(atLeast: level, on: cells, frame: frame); cells.fill(.black)
            let p = traced.pixels().rgba, q = cells.pixels().rgba
            var differing = 0, inked = 0
            for i in stride(from: 0, to: p.count, by: 4) {
                if abs(Int(p[i]) - Int(q[i])) > 40 { differing += 1 }
                if q[i] < 128 { inked += 1 }
            }
            XCTAssertLessThan(differing, 20, "level \(level): \(differing) pixels differ (of \(inked) inked)")
        }
    }

    /// The colorbar spans exactly the plot's height; a parametric circle stays round.
    func testColorbarMatchesTheAxesHeightAndParametricCurvesKeepEqualAspect() {
        var f = Figure(width: 300, height: 200)
        f.axes.heatmap((0..<400).map(Double.init), rows: 20, columns: 20, colormap: .magma, colorbar: "v")
        let c = Canvas(.png(dpi: 72), width: 300, height: 200)
        f.draw(on: c)
        let cell = Rect(x: 3, y: 3, width: 294, height: 194)
        let m = f.axes.margins(cell: cell, canvas: c).margins
        let plot = Axes.inset(cell, m)
        let px = c.pixels()
        // The bar's middle column: magma from top (bright) to bottom (black) over the same rows as the plot.
        let x = Int(plot.maxX + Colorbar.gap + Colorbar.barWidth / 2)
        let coloured = (0..<px.height).filter { y in
            let o = (y * px.width + x) * 4
            return !(px.rgba[o] > 245 && px.rgba[o + 1] > 245 && px.rgba[o + 2] > 245)
        }
        XCTAssertEqual(Double(coloured.first!), plot.y, accuracy: 1.5)
        XCTAssertEqual(Double(coloured.last!), plot.maxY, accuracy: 1.5)

        var circle = Figure(width: 300, height: 150)
        let t = (0...200).map { 2 * Double.pi * Double($0) / 200 }
        circle.axes.parametric(x: t.map(cos), y: t.map(sin), color: Color(hex: 0x0000ff))
        let cc = Canvas(.png(dpi: 72), width: 300, height: 150)
        circle.draw(on: cc)
        let p = cc.pixels()
        var xs: [Int] = [], ys: [Int] = []
        for y in 0..<p.height {
            for x in 0..<p.width {
                let o = (y * p.width + x) * 4
                if p.rgba[o + 2] > 200 && p.rgba[o] < 100 { xs.append(x); ys.append(y) }
            }
        }
        let w = xs.max()! - xs.min()!, h = ys.max()! - ys.min()!
        XCTAssertEqual(Double(w), Double(h), accuracy: 2, "circle is \(w) × \(h) px")
    }
}
