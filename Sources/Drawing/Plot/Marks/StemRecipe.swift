import Graphics
import PlotData

extension Axes {
    /// Vertical stems from a baseline to each value, each ending in a dot (matplotlib's `ax.stem`):
    /// sparse spectra, impulse responses, per-index values.
    ///
    /// ```swift
    /// fig.axes.stem(x: frequencies, y: magnitudes, label: "|X(f)|")
    /// ```
    /// - Parameters:
    ///   - x: Position of each stem, in data units.
    ///   - y: The value each stem reaches, as many as `x`.
    ///   - baseline: The y every stem starts from (default 0).
    ///   - label: Legend text, or nil for none.
    ///   - color: Colour of stems and dots; nil takes the next colour of the cycle.
    ///   - alpha: Opacity in 0…1; nil is opaque.
    /// - Precondition: traps when `x` and `y` differ in length.
    public mutating func stem(
        x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        Axes.check("stem", [("x", x.count), ("y", y.count)])
        var m = StemMark(x: x, y: y, baseline: baseline, label: label, color: nextColor(color))
        m.alpha = alpha
        marks.append(.stem(m))
    }
}

extension StemMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y); y.add(baseline)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.marker(color.faded(alpha), .circle), $0)] } ?? [] }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .points(Legend.along(x, y, frame)) }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        for (x, y) in zip(x, y) where f.accepts(x, y) {
            canvas.move(to: f.point(x, baseline)); canvas.line(to: f.point(x, y))
        }
        canvas.stroke(color.faded(alpha), width: 1)
        for (x, y) in zip(x, y) where f.accepts(x, y) { canvas.circle(center: f.point(x, y), radius: 2.2) }
        canvas.fill(color.faded(alpha))
    }
}
