import Graphics
import PlotData

extension Axes {
    public mutating func line(
        x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
        width: Double = 1.25, dash: [Double] = [], alpha: Double? = nil
    ) {
        Axes.check("line", [("x", x.count), ("y", y.count)])
        var m = LineMark(x: x, y: y, label: label, color: nextColor(color), width: width, dash: dash)
        m.alpha = alpha
        marks.append(.line(m))
    }

    /// A parametric curve (x(t), y(t)); sets equal aspect so circles stay round.
    public mutating func parametric(x: [Double], y: [Double], label: String? = nil, color: Color? = nil) {
        line(x: x, y: y, label: label, color: color)
        equalAspect = true
    }
}

extension Figure {
    /// Adds a line to the first panel.
    public mutating func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil) {
        panels[0].line(x: x, y: y, label: label, color: color)
    }
}

extension LineMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.line(color.faded(alpha), dash), $0)] } ?? [] }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .points(Legend.along(x, y, frame)) }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        Mark.polyline(x, y, on: canvas, frame: f)
        canvas.setLineJoin(.round); canvas.setLineCap(.butt)
        canvas.stroke(color.faded(alpha), width: width, dash: dash)
    }
}
