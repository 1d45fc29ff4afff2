import Graphics
import PlotData

extension Axes {
    /// Text at a data position (matplotlib's `ax.text(x, y, s)`), with `$…$` math; the position is
    /// on the text's baseline and widens the limits to include it. For text with an arrow to a
    /// point, use `annotate`.
    ///
    /// ```swift
    /// fig.axes.text("$\\lambda_{\\max} = 2/\\eta$", x: 10, y: 2.1, anchor: .center)
    /// ```
    /// - Parameters:
    ///   - s: The text; `$…$` spans are typeset as math.
    ///   - x: The x of the anchor, in data units.
    ///   - y: The y of the baseline, in data units.
    ///   - anchor: Which point of the text sits at (x, y) (default `.left`: the text starts there).
    ///   - size: Font size in points (default 8).
    ///   - alpha: Opacity in 0…1; nil is opaque.
    public mutating func text(_ s: String, x: Double, y: Double, anchor: TextAnchor = .left, size: Double = 8, alpha: Double? = nil) {
        var m = TextMark(x: x, y: y, text: s, anchor: anchor, size: size)
        m.alpha = alpha
        marks.append(.text(m))
    }
}

extension TextMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y)
        return true
    }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        guard f.accepts(x, y) else { return .points([]) }
        // The text's box, roughly: it extends right of its anchor by ~0.5 em per character.
        // Sampled densely (a 13 × 3 lattice): hidden text is worse than a hidden stretch of line,
        // so a legend over it must cost as much as one over a long line.
        var out: [Point] = []
        let p = f.point(x, y), w = Double(Legend.visibleCharacters(text)) * size * 0.5
        let x0 = anchor == .left ? p.x : anchor == .center ? p.x - w / 2 : p.x - w
        for k in 0...12 {
            for row in 0...2 { out.append(Point(x0 + w * Double(k) / 12, p.y - size * Double(row) / 2)) }
        }
        return .points(out)
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        guard f.accepts(x, y), size.isFinite, size > 0 else { return }
        let label = LabelRenderer.render(canvas, text, min(size, PlotLimits.maxFontSize), false)
        let p = f.point(x, y)
        let dx = anchor == .left ? 0 : anchor == .center ? -label.size.width / 2 : -label.size.width
        label.draw(canvas, Point(p.x + dx, p.y - label.baseline), color.faded(alpha))
    }
}
