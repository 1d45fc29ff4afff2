internal import Foundation
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
        if let t = g.twin { for m in twin?.marks ?? [] { m.recipe.draw(on: canvas, frame: t.frame) } }
        canvas.restore()

        // Frame, ticks (outward unless asked otherwise) and tick labels.
        canvas.setLineCap(.square)
        canvas.rectangle(plot)
        canvas.stroke(ink, width: PlotStyle.axisWidth)
        canvas.setLineCap(.butt)
        let xMajor = AxisGuide.reach(g.x.direction, PlotStyle.tickLength), xMinor = AxisGuide.reach(g.x.direction, PlotStyle.minorTickLength)
        let yMajor = AxisGuide.reach(g.y.direction, PlotStyle.tickLength), yMinor = AxisGuide.reach(g.y.direction, PlotStyle.minorTickLength)
        for t in g.x.major { canvas.move(to: Point(xs(t), plot.maxY - xMajor.inside)); canvas.line(to: Point(xs(t), plot.maxY + xMajor.outside)) }
        for t in g.y.major { canvas.move(to: Point(plot.x + yMajor.inside, ys(t))); canvas.line(to: Point(plot.x - yMajor.outside, ys(t))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth)
        for t in g.x.minor { canvas.move(to: Point(xs(t), plot.maxY - xMinor.inside)); canvas.line(to: Point(xs(t), plot.maxY + xMinor.outside)) }
        for t in g.y.minor { canvas.move(to: Point(plot.x + yMinor.inside, ys(t))); canvas.line(to: Point(plot.x - yMinor.outside, ys(t))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth * 0.7)
        let labelTop = plot.maxY + g.x.outward + 2
        for (t, l) in zip(g.x.major, g.x.labels) { l.draw(canvas, Point(xs(t) - l.size.width / 2, labelTop), ink) }
        for (t, l) in zip(g.y.major, g.y.labels) {
            l.draw(canvas, Point(plot.x - g.y.outward - 2 - l.size.width, ys(t) - l.size.height / 2), ink)
        }
        if let e = g.x.exponent { e.draw(canvas, Point(plot.maxX - e.size.width, labelTop + g.x.maxLabelHeight), ink) }
        if let e = g.y.exponent { e.draw(canvas, Point(plot.x, plot.y - e.size.height - 1), ink) }
        if let t = g.twin { drawRightAxis(t, on: canvas, plot: plot) }

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
                plot.x - g.y.outward - 2 - g.y.maxLabelWidth - 4 - l.size.height,
                plot.y + (plot.height + l.size.width) / 2)
            canvas.rotate(-Double.pi / 2)
            l.draw(canvas, Point(0, 0), ink)
            canvas.restore()
        }
        // Beyond a right axis, if any.
        let besideTwin = Rect(x: plot.x, y: plot.y, width: plot.width + g.twinWidth, height: plot.height)
        if let (bar, guide) = g.colorbar { bar.draw(on: canvas, beside: besideTwin, guide: guide) }
        if let legend = g.legend {
            let cbWidth = (g.colorbar.map { $0.0.width(guide: $0.1) } ?? 0) + g.twinWidth
            legend.draw(on: canvas, at: g.legendOrigin ?? Point(plot.maxX + cbWidth + 8, plot.y))
        }
    }

    /// The right y axis of a twin panel: ticks on the right frame edge, labels and the rotated label beyond.
    func drawRightAxis(_ t: (frame: PlotFrame, guide: AxisGuide, label: DrawnLabel?), on canvas: Canvas, plot: Rect) {
        let ink = PlotStyle.ink, g = t.guide
        let major = AxisGuide.reach(g.direction, PlotStyle.tickLength), minor = AxisGuide.reach(g.direction, PlotStyle.minorTickLength)
        for v in g.major { canvas.move(to: Point(plot.maxX - major.inside, t.frame.py(v))); canvas.line(to: Point(plot.maxX + major.outside, t.frame.py(v))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth)
        for v in g.minor { canvas.move(to: Point(plot.maxX - minor.inside, t.frame.py(v))); canvas.line(to: Point(plot.maxX + minor.outside, t.frame.py(v))) }
        canvas.stroke(ink, width: PlotStyle.axisWidth * 0.7)
        for (v, l) in zip(g.major, g.labels) { l.draw(canvas, Point(plot.maxX + g.outward + 2, t.frame.py(v) - l.size.height / 2), ink) }
        if let l = t.label {
            canvas.save()
            // Reads bottom to top, as the left label (and matplotlib's twin label) does.
            canvas.translate(plot.maxX + g.outward + 2 + g.maxLabelWidth + 4, plot.y + (plot.height + l.size.width) / 2)
            canvas.rotate(-Double.pi / 2)
            l.draw(canvas, Point(0, 0), ink)
            canvas.restore()
        }
    }
}
