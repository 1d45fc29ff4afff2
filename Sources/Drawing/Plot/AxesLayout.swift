internal import Foundation
import Graphics
import PlotData

/// Space around a plot rectangle, in points.
struct Margins: Equatable, Sendable {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
    func union(_ o: Margins) -> Margins {
        Margins(left: max(left, o.left), right: max(right, o.right), top: max(top, o.top), bottom: max(bottom, o.bottom))
    }
}

/// Everything an axes draws around its data, measured for one plot rectangle.
struct AxesGuides {
    var frame: PlotFrame
    var x: AxisGuide
    var y: AxisGuide
    var title, xLabel, yLabel: DrawnLabel?
    var colorbar: (Colorbar, AxisGuide)?
    /// The right y axis of a twin panel: its frame (shared x), ticks and label.
    var twin: (frame: PlotFrame, guide: AxisGuide, label: DrawnLabel?)?
    var legend: Legend?
    /// Legend top-left inside the axes; nil with a legend means it sits outside on the right.
    var legendOrigin: Point?

    /// Margins the guides need so nothing is clipped by the cell.
    var margins: Margins {
        var m = Margins()
        if view3DMode { return Margins(left: 4, right: 4, top: 4 + (title.map { $0.size.height + 4 } ?? 0), bottom: 4) }
        m.left = 3 + (yLabel.map { $0.size.height + 5 } ?? 0) + y.maxLabelWidth + y.outward + 2
        m.bottom = 3 + x.outward + 2 + x.maxLabelHeight + (xLabel.map { $0.size.height + 4 } ?? 0)
        // The title sits 5 pt above the plot (above the ×10^k label if any) and covers the
        // half tick label that pokes out above the top tick.
        if let title {
            m.top = 2 + title.size.height + 5 + (y.exponent.map { $0.size.height } ?? 0)
        } else {
            m.top = 3 + max(y.maxLabelHeight / 2, y.exponent.map { $0.size.height + 2 } ?? 0)
        }
        m.right = 4 + max(x.labels.last.map { $0.size.width / 2 } ?? 0, x.exponent.map { $0.size.width * 0.5 } ?? 0)
        if twin != nil { m.right = max(m.right, twinWidth + 4) }
        if let (bar, guide) = colorbar { m.right = max(m.right, twinWidth + bar.width(guide: guide) + 4) }
        if let legend, legendOrigin == nil { m.right += legend.size.width + 8 }
        return m
    }
    var view3DMode = false

    /// Width of the right axis (ticks, labels, rotated label) beside the plot; 0 without one.
    var twinWidth: Double {
        guard let twin else { return 0 }
        return twin.guide.outward + 2 + twin.guide.maxLabelWidth + (twin.label.map { $0.size.height + 5 } ?? 0) + 2
    }
}

extension Axes {
    /// Measures the guides for a plot rectangle `plot`.
    /// `legendOutside` fixes the legend decision made when measuring (nil: decide here).
    func guides(plot: Rect, canvas: Canvas, legendOutside: Bool? = nil) -> AxesGuides {
        let lim = limits()
        let frame = PlotFrame(rect: plot, xScale: xScale, yScale: yScale, xLimits: lim.x, yLimits: lim.y)
        let x = AxisGuide.make(
            scale: xScale, lo: lim.x.0, hi: lim.x.1, length: plot.width, horizontal: true, canvas: canvas, spec: xTicks)
        let y = AxisGuide.make(
            scale: yScale, lo: lim.y.0, hi: lim.y.1, length: plot.height, horizontal: false, canvas: canvas, spec: yTicks)
        var g = AxesGuides(
            frame: frame, x: x, y: y,
            title: title.map { LabelRenderer.render(canvas, $0, PlotStyle.titleSize, false) },
            xLabel: xLabel.map { LabelRenderer.render(canvas, $0, PlotStyle.labelSize, false) },
            yLabel: yLabel.map { LabelRenderer.render(canvas, $0, PlotStyle.labelSize, false) })
        g.view3DMode = view3D != nil
        if view3D == nil, let panel = twinPanel(xLimits: lim.x) {
            let ty = panel.limits().y
            g.twin = (
                PlotFrame(rect: plot, xScale: xScale, yScale: panel.yScale, xLimits: lim.x, yLimits: ty),
                AxisGuide.make(
                    scale: panel.yScale, lo: ty.0, hi: ty.1, length: plot.height, horizontal: false, canvas: canvas, spec: panel.yTicks),
                twin?.yLabel.map { LabelRenderer.render(canvas, $0, PlotStyle.labelSize, false) }
            )
        }
        if let bar = Colorbar(axes: self, canvas: canvas) { g.colorbar = (bar, bar.guide(length: plot.height, canvas: canvas)) }
        if let legend = Legend(axes: self, canvas: canvas) {
            g.legend = legend
            g.legendOrigin =
                view3D != nil
                ? Point(plot.maxX - legend.size.width, plot.y)
                : legendOutside == true ? nil : legend.origin(in: frame, axes: self, twin: g.twin?.frame, forceInside: legendOutside == false)
        }
        return g
    }

    /// Margins this axes needs inside a cell (two passes: tick labels depend on the plot size).
    /// Also returns whether the legend goes outside, so drawing keeps the measured decision.
    /// `forceOutside` puts the legend outside whatever the measuring finds (the figure asks for
    /// it when the final, narrower plot leaves no empty spot inside).
    func margins(cell: Rect, canvas: Canvas, forceOutside: Bool = false) -> (margins: Margins, legendOutside: Bool) {
        var m = Margins(left: 40, right: 10, top: 10, bottom: 30)
        var outside = forceOutside
        for pass in 0..<3 {
            // Decide the legend in the first two passes, then measure with the decision fixed.
            let g = guides(plot: Axes.inset(cell, m), canvas: canvas, legendOutside: pass == 2 || forceOutside ? outside : nil)
            if pass < 2 && !forceOutside { outside = g.legend != nil && g.legendOrigin == nil }
            m = g.margins
        }
        return (m, outside)
    }

    static func inset(_ r: Rect, _ m: Margins) -> Rect {
        Rect(x: r.x + m.left, y: r.y + m.top, width: max(1, r.width - m.left - m.right), height: max(1, r.height - m.top - m.bottom))
    }

    /// The plot rectangle shrunk to equal data units on both axes, centred.
    func aspectAdjusted(_ plot: Rect) -> Rect {
        guard equalAspect else { return plot }
        let lim = limits()
        let dx = abs(xScale.forward(lim.x.1) - xScale.forward(lim.x.0)), dy = abs(yScale.forward(lim.y.1) - yScale.forward(lim.y.0))
        guard dx > 0, dy > 0 else { return plot }
        let k = min(plot.width / dx, plot.height / dy)
        let w = dx * k, h = dy * k
        return Rect(x: plot.x + (plot.width - w) / 2, y: plot.y + (plot.height - h) / 2, width: w, height: h)
    }
}
