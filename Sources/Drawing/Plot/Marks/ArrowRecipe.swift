import Graphics
import PlotData

extension Axes {
    /// An arrow from one data point to another, the head at `to`, with optional text beyond the
    /// tail (in the style of matplotlib's `ax.annotate` with `arrowprops`). `annotate` places the
    /// text for you; `arrow` is for arrows whose both ends you choose.
    ///
    /// ```swift
    /// fig.axes.arrow(from: (4, 0.8), to: (2, 0.2), text: "minimum")
    /// ```
    /// - Parameters:
    ///   - from: The tail (x, y), in data units.
    ///   - to: The head (x, y), in data units.
    ///   - text: Text at the tail (`$…$` math allowed), or nil.
    ///   - alpha: Opacity in 0…1; nil is opaque.
    public mutating func arrow(from: (Double, Double), to: (Double, Double), text: String? = nil, alpha: Double? = nil) {
        var m = ArrowMark(from: [from.0, from.1], to: [to.0, to.1], text: text)
        m.alpha = alpha
        marks.append(.arrow(m))
    }
}

extension ArrowMark: MarkRecipe {
    /// Both ends are two numbers (a decoded arrow may not be: then it brings nothing).
    var wellFormed: Bool { from.count == 2 && to.count == 2 }

    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        guard wellFormed else { return false }
        x.add([from[0], to[0]]); y.add([from[1], to[1]])
        return true
    }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        wellFormed ? .points(Legend.along([from[0], to[0]], [from[1], to[1]], f)) : .points([])
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        guard wellFormed, f.accepts(from[0], from[1]), f.accepts(to[0], to[1]) else { return }
        let p0 = f.point(from[0], from[1]), p1 = f.point(to[0], to[1]), color = color.faded(alpha)
        let dx = p1.x - p0.x, dy = p1.y - p0.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / len, dy / len)
        ArrowHead.draw(on: canvas, from: p0, to: p1, color: color)
        if let text {
            let l = LabelRenderer.render(canvas, text, PlotStyle.tickSize, false)
            // Text sits beyond the tail, on the side away from the head.
            let tx = ux > 0 ? p0.x - l.size.width - 2 : p0.x + 2
            let ty = uy > 0 ? p0.y - l.size.height : p0.y
            l.draw(canvas, Point(tx, ty), color)
        }
    }
}
