import Graphics
import PlotData

extension Axes {
    /// A line through the points (matplotlib's `ax.plot(x, y)`); a non-finite x or y leaves a gap
    /// instead of joining across it.
    ///
    /// ```swift
    /// fig.axes.line(x: steps, y: trainLoss, label: "train")
    /// fig.axes.line(x: steps, y: testLoss, label: "test", dash: [4, 2])
    /// ```
    /// - Parameters:
    ///   - x: The x of the vertices, in data units.
    ///   - y: The y of the vertices, in data units, as many as `x`.
    ///   - label: Legend text (`$…$` math allowed), or nil to leave the line out of the legend.
    ///   - color: Stroke colour; nil takes the next colour of the Okabe–Ito cycle.
    ///   - width: Stroke width in points (default 1.25).
    ///   - dash: On/off dash lengths in points (`[4, 2]`); empty (the default) is solid.
    ///   - alpha: Opacity in 0…1 multiplying the colour's own; nil is opaque.
    /// - Precondition: traps when `x` and `y` differ in length, naming both lengths.
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
