import Foundation
import Graphics
import PlotData

extension Axes {
    /// Draws the axes with its data inside `plot` (guides go into the margins around it).
    func draw(on canvas: Canvas, plot: Rect, legendOutside: Bool? = nil) {
        if view3D != nil { return Scene3D(axes: self).draw(on: canvas, in: plot) }
        let plot = aspectAdjusted(plot)
        let g = guides(plot: plot, canvas: canvas, legendOutside: legendOutside)
        let f = g.frame
        let ink = PlotStyle.ink
        func xs(_ v: Double) -> Double { f.px(v) }
        func ys(_ v: Double) -> Double { f.py(v) }

        if grid {
            for t in g.x.major { canvas.move(to: Point(xs(t), plot.y)); canvas.line(to: Point(xs(t), plot.maxY)) }
            for t in g.y.major { canvas.move(to: Point(plot.x, ys(t))); canvas.line(to: Point(plot.maxX, ys(t))) }
            canvas.stroke(PlotStyle.gridColor, width: 0.5)
        }
        canvas.save()
        canvas.rectangle(plot); canvas.clip()
        for m in marks { m.recipe.draw(on: canvas, frame: f) }
        canvas.restore()

        // Frame, ticks (outward) and tick labels.
        canvas.setLineCap(.square)
        canvas.rectangle(plot)
        canvas.stroke(ink, width: PlotStyle.axisWidth)
        canvas.setLineCap(.butt)
        for t in g.x.major { canvas.move(to: Point(xs(t), plot.maxY)); canvas.line(to: Point(xs(t), plot.maxY + PlotStyle.tickLength)) }
        for t in g.y.major { canvas.move(to: Point(plot.x, ys(t))); canvas.line(to: Point(plot.x - PlotStyle.tickLength, ys(t))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth)
        for t in g.x.minor { canvas.move(to: Point(xs(t), plot.maxY)); canvas.line(to: Point(xs(t), plot.maxY + PlotStyle.minorTickLength)) }
        for t in g.y.minor { canvas.move(to: Point(plot.x, ys(t))); canvas.line(to: Point(plot.x - PlotStyle.minorTickLength, ys(t))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth * 0.7)
        let labelTop = plot.maxY + PlotStyle.tickLength + 2
        for (t, l) in zip(g.x.major, g.x.labels) { l.draw(canvas, Point(xs(t) - l.size.width / 2, labelTop), ink) }
        for (t, l) in zip(g.y.major, g.y.labels) {
            l.draw(canvas, Point(plot.x - PlotStyle.tickLength - 2 - l.size.width, ys(t) - l.size.height / 2), ink)
        }
        if let e = g.x.exponent { e.draw(canvas, Point(plot.maxX - e.size.width, labelTop + g.x.maxLabelHeight), ink) }
        if let e = g.y.exponent { e.draw(canvas, Point(plot.x, plot.y - e.size.height - 1), ink) }

        if let t = g.title {
            let top = plot.y - t.size.height - 5 - (g.y.exponent.map { $0.size.height } ?? 0)
            t.draw(canvas, Point(plot.x + (plot.width - t.size.width) / 2, top), ink)
        }
        if let l = g.xLabel {
            l.draw(canvas, Point(plot.x + (plot.width - l.size.width) / 2, labelTop + g.x.maxLabelHeight + 2), ink)
        }
        if let l = g.yLabel {
            canvas.save()
            canvas.translate(
                plot.x - PlotStyle.tickLength - 2 - g.y.maxLabelWidth - 4 - l.size.height,
                plot.y + (plot.height + l.size.width) / 2)
            canvas.rotate(-Double.pi / 2)
            l.draw(canvas, Point(0, 0), ink)
            canvas.restore()
        }
        if let (bar, guide) = g.colorbar { bar.draw(on: canvas, beside: plot, guide: guide) }
        if let legend = g.legend {
            let cbWidth = g.colorbar.map { $0.0.width(guide: $0.1) } ?? 0
            legend.draw(on: canvas, at: g.legendOrigin ?? Point(plot.maxX + cbWidth + 8, plot.y))
        }
    }
}
