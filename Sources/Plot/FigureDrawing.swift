import Graphics

extension Figure {
    /// Draws the figure with its top-left corner at `origin`, at its physical size.
    public func draw(on canvas: Canvas, at origin: Point = Point(0, 0)) {
        let font = Fonts.description(Fonts.sans, size: 8)
        let xs = series.flatMap(\.x).filter(\.isFinite), ys = series.flatMap(\.y).filter(\.isFinite)
        let (x0, x1) = padded(xs.min() ?? 0, xs.max() ?? 1)
        let (y0, y1) = padded(ys.min() ?? 0, ys.max() ?? 1)
        let xt = Ticks.linear(x0, x1), yt = Ticks.linear(y0, y1)
        let ylabels = yt.map { TextLayout(canvas: canvas, markup: TextLayout.escape(Ticks.label($0, step: step(yt))), font: font) }
        let yLabelWidth = ylabels.map(\.size.width).max() ?? 0
        let left = origin.x + yLabelWidth + 6 + (yLabel == nil ? 4 : 16)
        let top = origin.y + (title == nil ? 8 : 20)
        let bottom = origin.y + height - (xLabel == nil ? 18 : 30)
        let right = origin.x + width - 8
        let plot = Rect(x: left, y: top, width: right - left, height: bottom - top)
        func px(_ x: Double) -> Double { plot.x + (x - x0) / (x1 - x0) * plot.width }
        func py(_ y: Double) -> Double { plot.maxY - (y - y0) / (y1 - y0) * plot.height }
        let ink = Color(hex: 0x222222)

        canvas.save()
        canvas.rectangle(plot); canvas.clip()
        for s in series {
            var penDown = false
            for (x, y) in zip(s.x, s.y) {
                guard x.isFinite, y.isFinite else { penDown = false; continue }
                let p = Point(px(x), py(y))
                if penDown { canvas.line(to: p) } else { canvas.move(to: p); penDown = true }
            }
            canvas.stroke(s.color, width: 1.25)
        }
        canvas.restore()

        canvas.rectangle(plot)
        canvas.stroke(ink, width: 0.6)
        for (t, label) in zip(yt, ylabels) {
            canvas.move(to: Point(plot.x, py(t))); canvas.line(to: Point(plot.x - 3, py(t)))
            canvas.stroke(ink, width: 0.6)
            label.draw(on: canvas, at: Point(plot.x - 5 - label.size.width, py(t) - label.size.height / 2), color: ink)
        }
        for t in xt {
            canvas.move(to: Point(px(t), plot.maxY)); canvas.line(to: Point(px(t), plot.maxY + 3))
            canvas.stroke(ink, width: 0.6)
            let label = TextLayout(canvas: canvas, markup: TextLayout.escape(Ticks.label(t, step: step(xt))), font: font)
            label.draw(on: canvas, at: Point(px(t) - label.size.width / 2, plot.maxY + 4), color: ink)
        }
        if let title {
            let t = TextLayout(canvas: canvas, markup: TextLayout.escape(title), font: Fonts.description(Fonts.sans, size: 9))
            t.draw(on: canvas, at: Point(plot.x + (plot.width - t.size.width) / 2, origin.y + 4), color: ink)
        }
        if let xLabel {
            let t = TextLayout(canvas: canvas, markup: TextLayout.escape(xLabel), font: font)
            t.draw(on: canvas, at: Point(plot.x + (plot.width - t.size.width) / 2, origin.y + height - 13), color: ink)
        }
        if let yLabel {
            let t = TextLayout(canvas: canvas, markup: TextLayout.escape(yLabel), font: font)
            canvas.save()
            canvas.translate(origin.x + 2, plot.y + (plot.height + t.size.width) / 2)
            canvas.rotate(-Double.pi / 2)
            t.draw(on: canvas, at: Point(0, 0), color: ink)
            canvas.restore()
        }
    }

    private func step(_ ticks: [Double]) -> Double { ticks.count > 1 ? ticks[1] - ticks[0] : 1 }

    private func padded(_ lo: Double, _ hi: Double) -> (Double, Double) {
        if lo == hi { return (lo - 1, hi + 1) }
        let pad = (hi - lo) * 0.04
        return (lo - pad, hi + pad)
    }
}
