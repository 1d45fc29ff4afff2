internal import Foundation
import Graphics
import PlotData

extension Axes {
    /// Text pointing at a data position (matplotlib's `ax.annotate(text, xy=, xytext=,
    /// arrowprops=dict(arrowstyle="-|>"))`): the text is centred on `textAt`, and an arrow runs
    /// from the edge of the text's box to 2 pt short of `point`.
    ///
    /// ```swift
    /// fig.axes.annotate("minimum $w^*$", point: (1.2, 0.03), textAt: (2.5, 0.6))
    /// ```
    /// - Parameters:
    ///   - text: the text (`$…$` is typeset as math).
    ///   - point: the data position annotated.
    ///   - textAt: where the text's centre goes, in data units.
    ///   - arrow: whether to draw the arrow.
    ///   - color: colour of text and arrow.
    ///   - size: font size in points.
    ///   - alpha: opacity in 0…1.
    public mutating func annotate(
        _ text: String, point: (Double, Double), textAt: (Double, Double), arrow: Bool = true,
        color: Color = Color(hex: 0x222222), size: Double = 8, alpha: Double? = nil
    ) {
        let m = AnnotationMark(
            text: text, x: point.0, y: point.1, textX: textAt.0, textY: textAt.1, arrow: arrow, color: color, size: size, alpha: alpha)
        if let problem = m.problems().first { fatalError("annotate: " + problem) }
        marks.append(.annotation(m))
    }
}

extension AnnotationMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add([self.x, textX]); y.add([self.y, textY])
        return true
    }

    /// The text's box around its centre, estimated from the size (the legend has no canvas at hand).
    func box(_ f: PlotFrame) -> Rect {
        let c = f.point(textX, textY), w = Double(Legend.visibleCharacters(text)) * size * 0.5, h = size * 1.2
        return Rect(x: c.x - w / 2, y: c.y - h / 2, width: w, height: h)
    }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        guard f.accepts(x, y), f.accepts(textX, textY) else { return .points([]) }
        let b = box(f)
        var out: [Point] = []
        // As dense as a text mark's lattice: hidden text costs as much as a hidden line.
        for k in 0...12 {
            let t = Double(k) / 12
            out += [Point(b.x + t * b.width, b.y), Point(b.x + t * b.width, b.maxY), Point(b.x + t * b.width, b.y + b.height / 2)]
        }
        if arrow { out += Legend.along([textX, x], [textY, y], f) }
        return .points(out)
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        guard f.accepts(x, y), f.accepts(textX, textY), size.isFinite, size > 0 else { return }
        let ink = color.faded(alpha)
        let label = LabelRenderer.render(canvas, text, min(size, PlotLimits.maxFontSize), false)
        let c = f.point(textX, textY)
        let box = Rect(x: c.x - label.size.width / 2, y: c.y - label.size.height / 2, width: label.size.width, height: label.size.height)
        label.draw(canvas, Point(box.x, box.y), ink)
        guard arrow else { return }
        let target = f.point(x, y)
        // Leave the box 2 pt beyond its edge and stop 2 pt short of the point (matplotlib's shrink).
        let dx = target.x - c.x, dy = target.y - c.y, len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return }
        let (ux, uy) = (dx / len, dy / len)
        let exitT = min(
            ux == 0 ? .infinity : (box.width / 2 + 2) / abs(ux),
            uy == 0 ? .infinity : (box.height / 2 + 2) / abs(uy))
        let tip = len - 2
        guard tip > exitT + 4 else { return }
        let start = Point(c.x + ux * exitT, c.y + uy * exitT), end = Point(c.x + ux * tip, c.y + uy * tip)
        canvas.setLineCap(.butt)
        ArrowHead.draw(on: canvas, from: start, to: end, color: ink)
    }
}
