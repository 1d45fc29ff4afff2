import Foundation
import Graphics
import PlotData

/// Drawing of the 2-D marks inside a plot frame (the canvas is already clipped to it).
extension Mark {
    func draw(on canvas: Canvas, frame f: PlotFrame) {
        switch self {
        case .line(let l): Mark.polyline(l.x, l.y, on: canvas, frame: f)
            canvas.setLineJoin(.round); canvas.setLineCap(.butt)
            canvas.stroke(l.color, width: l.width, dash: l.dash)
        case .scatter(let s): Mark.drawScatter(s, on: canvas, frame: f)
        case .band(let b): Mark.drawBand(b, on: canvas, frame: f)
        case .bars(let b):
            for i in 0..<min(b.left.count, b.width.count, b.height.count) where f.accepts(b.left[i], b.height[i]) && b.height[i] != b.baseline {
                let base = f.yScale.accepts(b.baseline) ? f.py(b.baseline) : f.rect.maxY
                let xa = f.px(b.left[i]), xb = f.px(b.left[i] + b.width[i]), yt = f.py(b.height[i])
                canvas.rectangle(Rect(x: xa, y: min(yt, base), width: xb - xa, height: abs(base - yt)))
            }
            canvas.fill(b.color, preserve: b.edge)
            if b.edge { canvas.stroke(.white, width: 0.4) }
        case .stem(let s):
            for (x, y) in zip(s.x, s.y) where f.accepts(x, y) {
                canvas.move(to: f.point(x, s.baseline)); canvas.line(to: f.point(x, y))
            }
            canvas.stroke(s.color, width: 1)
            for (x, y) in zip(s.x, s.y) where f.accepts(x, y) { canvas.circle(center: f.point(x, y), radius: 2.2) }
            canvas.fill(s.color)
        case .step(let s):
            var sx: [Double] = [], sy: [Double] = []
            for i in 0..<min(s.x.count, s.y.count) {
                if i > 0 {
                    switch s.position {
                    case .post: sx.append(s.x[i]); sy.append(s.y[i - 1])
                    case .pre: sx.append(s.x[i - 1]); sy.append(s.y[i])
                    case .mid:
                        let m = (s.x[i - 1] + s.x[i]) / 2
                        sx += [m, m]; sy += [s.y[i - 1], s.y[i]]
                    }
                }
                sx.append(s.x[i]); sy.append(s.y[i])
            }
            Mark.polyline(sx, sy, on: canvas, frame: f)
            canvas.setLineJoin(.miter)
            canvas.stroke(s.color, width: s.width)
        case .heatmap(let h): Mark.drawHeatmap(h, on: canvas, frame: f)
        case .contour(let c): ContourDrawing.draw(c, on: canvas, frame: f)
        case .regions(let r):
            guard r.rows >= 1, r.columns >= 1, r.categories.count == r.rows * r.columns, !r.colors.isEmpty,
                  r.xRange.count == 2, r.yRange.count == 2 else { return }
            func byte(_ v: Double) -> UInt8 { v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded()) }
            var rgba = [UInt8](repeating: 0, count: r.rows * r.columns * 4)
            for row in 0..<r.rows {
                for col in 0..<r.columns {
                    let n = r.colors.count
                    let color = r.colors[(r.categories[row * r.columns + col] % n + n) % n]
                    let o = ((r.rows - 1 - row) * r.columns + col) * 4
                    rgba[o] = byte(color.red); rgba[o + 1] = byte(color.green)
                    rgba[o + 2] = byte(color.blue); rgba[o + 3] = 255
                }
            }
            let a = f.point(r.xRange[0], r.yRange[1]), b = f.point(r.xRange[1], r.yRange[0])
            canvas.draw(RasterImage(width: r.columns, height: r.rows, rgba: rgba),
                        in: Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y), interpolation: .nearest)
        case .rule(let r):
            if r.orientation == .horizontal {
                guard f.yScale.accepts(r.value) else { return }
                canvas.move(to: Point(f.rect.x, f.py(r.value))); canvas.line(to: Point(f.rect.maxX, f.py(r.value)))
            } else {
                guard f.xScale.accepts(r.value) else { return }
                canvas.move(to: Point(f.px(r.value), f.rect.y)); canvas.line(to: Point(f.px(r.value), f.rect.maxY))
            }
            canvas.stroke(r.color, width: r.width, dash: r.dash)
        case .text(let t):
            guard f.accepts(t.x, t.y), t.size.isFinite, t.size > 0 else { return }
            let label = LabelRenderer.render(canvas, t.text, min(t.size, PlotLimits.maxFontSize), false)
            let p = f.point(t.x, t.y)
            let dx = t.anchor == .left ? 0 : t.anchor == .center ? -label.size.width / 2 : -label.size.width
            label.draw(canvas, Point(p.x + dx, p.y - label.baseline), t.color)
        case .arrow(let a): Mark.drawArrow(a, on: canvas, frame: f)
        case .surface, .line3D, .points3D: break
        }
    }

    /// A heatmap as an image of colormap indices (PDFs store it indexed, in the map's order);
    /// with NaN cells, as RGBA with those cells transparent. Only the cells the canvas keeps are
    /// mapped (a PDF stores at most `vectorImageDPI`; PNG and SVG every cell).
    static func drawHeatmap(_ h: HeatmapMark, on canvas: Canvas, frame f: PlotFrame) {
        guard h.rows >= 1, h.columns >= 1, h.values.count == h.rows * h.columns, h.xRange.count == 2,
              h.yRange.count == 2, h.valueRange.count == 2 else { return }
        let a = f.point(h.xRange[0], h.yRange[1]), b = f.point(h.xRange[1], h.yRange[0])
        let rect = Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
        guard rect.width > 0, rect.height > 0, rect.width.isFinite, rect.height.isFinite else { return }
        let (w, ht) = canvas.storedImageSize(width: h.columns, height: h.rows, in: rect)
        // Nearest cell under each stored pixel's centre (as RasterImage.resampled).
        let columns = (0..<w).map { min(h.columns - 1, (2 * $0 + 1) * h.columns / (2 * w)) }
        let lo = h.valueRange[0], scale = 1 / (h.valueRange[1] - h.valueRange[0])
        var indices = [UInt8](repeating: 0, count: w * ht)
        var missing: [Int] = []
        indices.withUnsafeMutableBufferPointer { out in
            h.values.withUnsafeBufferPointer { values in
                for y in 0..<ht {
                    // Image rows run top to bottom; data row 0 is at the bottom.
                    let src = (h.rows - 1 - min(h.rows - 1, (2 * y + 1) * h.rows / (2 * ht))) * h.columns
                    for x in 0..<w {
                        let v = values[src + columns[x]]
                        if v.isNaN { missing.append(y * w + x); continue }
                        // Colormap.index((v - lo) * scale) without its floor call (×256 is exact).
                        let k = (v - lo) * scale * 256
                        out[y * w + x] = k >= 255 ? 255 : k > 0 ? UInt8(Int(k)) : 0
                    }
                }
            }
        }
        let image = IndexedImage(width: w, height: ht, palette: h.colormap.table, indices: indices)
        guard !missing.isEmpty else { return canvas.draw(image, in: rect, interpolation: .nearest) }
        var rgba = image.rgbaImage
        for i in missing { rgba.rgba[4 * i + 3] = 0 }
        canvas.draw(rgba, in: rect, interpolation: .nearest)
    }

    /// Adds the polyline through the finite points; a non-drawable point lifts the pen.
    static func polyline(_ xs: [Double], _ ys: [Double], on canvas: Canvas, frame f: PlotFrame) {
        var penDown = false
        var path = PathSimplifier(canvas: canvas)
        for (x, y) in zip(xs, ys) {
            guard f.accepts(x, y) else { if penDown { path.flush() }; penDown = false; continue }
            let p = f.point(x, y)
            if penDown { path.line(to: p) } else { path.move(to: p); penDown = true }
        }
        path.flush()
    }

    static func marker(_ shape: MarkerShape, at p: Point, size: Double, on canvas: Canvas) {
        let r = size / 2
        switch shape {
        case .circle: canvas.circle(center: p, radius: r)
        case .square: canvas.rectangle(Rect(x: p.x - r * 0.9, y: p.y - r * 0.9, width: 1.8 * r, height: 1.8 * r))
        case .triangle:
            canvas.move(to: Point(p.x, p.y - r * 1.15)); canvas.line(to: Point(p.x + r, p.y + r * 0.6))
            canvas.line(to: Point(p.x - r, p.y + r * 0.6)); canvas.closePath()
        case .diamond:
            canvas.move(to: Point(p.x, p.y - r * 1.2)); canvas.line(to: Point(p.x + r, p.y))
            canvas.line(to: Point(p.x, p.y + r * 1.2)); canvas.line(to: Point(p.x - r, p.y)); canvas.closePath()
        case .cross:
            canvas.move(to: Point(p.x - r, p.y - r)); canvas.line(to: Point(p.x + r, p.y + r))
            canvas.move(to: Point(p.x - r, p.y + r)); canvas.line(to: Point(p.x + r, p.y - r))
        case .plus:
            canvas.move(to: Point(p.x - r, p.y)); canvas.line(to: Point(p.x + r, p.y))
            canvas.move(to: Point(p.x, p.y - r)); canvas.line(to: Point(p.x, p.y + r))
        }
    }

    static func drawScatter(_ s: ScatterMark, on canvas: Canvas, frame f: PlotFrame) {
        let stroked = s.marker == .cross || s.marker == .plus
        let n = min(s.x.count, s.y.count)
        if let values = s.values {
            let r = Axes.finiteRange(values)
            for i in 0..<min(n, values.count) where f.accepts(s.x[i], s.y[i]) && values[i].isFinite {
                marker(s.marker, at: f.point(s.x[i], s.y[i]), size: s.size, on: canvas)
                let c = s.colormap.color((values[i] - r[0]) / (r[1] - r[0]))
                stroked ? canvas.stroke(c, width: 1) : canvas.fill(c)
            }
            return
        }
        for i in 0..<n where f.accepts(s.x[i], s.y[i]) {
            marker(s.marker, at: f.point(s.x[i], s.y[i]), size: s.size, on: canvas)
        }
        stroked ? canvas.stroke(s.color, width: 1) : canvas.fill(s.color)
    }

    static func drawBand(_ b: BandMark, on canvas: Canvas, frame f: PlotFrame) {
        // One closed polygon per run of drawable points (gaps split the band).
        var run: [Int] = []
        func flush() {
            guard run.count >= 2 else { run = []; return }
            canvas.move(to: f.point(b.x[run[0]], b.upper[run[0]]))
            for i in run.dropFirst() { canvas.line(to: f.point(b.x[i], b.upper[i])) }
            for i in run.reversed() { canvas.line(to: f.point(b.x[i], b.lower[i])) }
            canvas.closePath()
            run = []
        }
        for i in 0..<min(b.x.count, b.lower.count, b.upper.count) {
            if f.accepts(b.x[i], b.lower[i]) && f.yScale.accepts(b.upper[i]) { run.append(i) } else { flush() }
        }
        flush()
        canvas.fill(b.color.withAlpha(b.opacity))
    }

    static func drawArrow(_ a: ArrowMark, on canvas: Canvas, frame f: PlotFrame) {
        guard a.from.count == 2, a.to.count == 2, f.accepts(a.from[0], a.from[1]), f.accepts(a.to[0], a.to[1]) else { return }
        let p0 = f.point(a.from[0], a.from[1]), p1 = f.point(a.to[0], a.to[1])
        let dx = p1.x - p0.x, dy = p1.y - p0.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / len, dy / len)
        let head = 6.0, half = 2.6
        let base = Point(p1.x - ux * head, p1.y - uy * head)
        canvas.move(to: p0); canvas.line(to: base)
        canvas.stroke(a.color, width: 0.9)
        canvas.move(to: p1)
        canvas.line(to: Point(base.x - uy * half, base.y + ux * half))
        canvas.line(to: Point(base.x + uy * half, base.y - ux * half))
        canvas.closePath()
        canvas.fill(a.color)
        if let text = a.text {
            let l = LabelRenderer.render(canvas, text, PlotStyle.tickSize, false)
            // Text sits beyond the tail, on the side away from the head.
            let tx = ux > 0 ? p0.x - l.size.width - 2 : p0.x + 2
            let ty = uy > 0 ? p0.y - l.size.height : p0.y
            l.draw(canvas, Point(tx, ty), a.color)
        }
    }

    /// Colour scale this mark brings (for the colorbar): map, value range, discrete levels.
    var colorScale: (Colormap, [Double], [Double]?)? {
        switch self {
        case .heatmap(let h): return (h.colormap, h.valueRange, nil)
        case .contour(let c) where c.filled && c.levels.count >= 2: return (c.colormap, [c.levels.first!, c.levels.last!], c.levels)
        case .surface(let s): return (s.colormap, Axes.finiteRange(s.z), nil)
        case .scatter(let s) where s.values != nil: return (s.colormap, Axes.finiteRange(s.values!), nil)
        default: return nil
        }
    }
}
