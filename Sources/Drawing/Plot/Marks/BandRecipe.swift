import Graphics
import PlotData

extension Axes {
    /// A shaded area between two curves (matplotlib's `ax.fill_between(x, lower, upper)`): a
    /// confidence interval or the spread across seeds around a mean line.
    ///
    /// ```swift
    /// fig.axes.band(x: steps, lower: q25, upper: q75, label: "IQR")
    /// fig.axes.line(x: steps, y: median, label: "median")
    /// ```
    /// - Parameters:
    ///   - x: The x positions, in data units.
    ///   - lower: The lower edge at each x, as many as `x`.
    ///   - upper: The upper edge at each x, as many as `x`.
    ///   - label: Legend text, or nil to leave the band out of the legend.
    ///   - color: Fill colour; nil takes the next colour of the cycle.
    ///   - opacity: Fill opacity in 0…1 (default 0.25, so lines beneath show through).
    /// - Precondition: traps when `x`, `lower` and `upper` differ in length.
    public mutating func band(
        x: [Double], lower: [Double], upper: [Double], label: String? = nil,
        color: Color? = nil, opacity: Double = 0.25
    ) {
        Axes.check("band", [("x", x.count), ("lower", lower.count), ("upper", upper.count)])
        marks.append(.band(BandMark(x: x, lower: lower, upper: upper, label: label, color: nextColor(color), opacity: opacity)))
    }
}

extension BandMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(lower); y.add(upper)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.patch(color.withAlpha(opacity)), $0)] } ?? [] }

    func footprint(in frame: PlotFrame) -> Legend.Footprint {
        .points(Legend.along(x, lower, frame) + Legend.along(x, upper, frame))
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        // One closed polygon per run of drawable points (gaps split the band).
        var run: [Int] = []
        func flush() {
            guard run.count >= 2 else { run = []; return }
            canvas.move(to: f.point(x[run[0]], upper[run[0]]))
            for i in run.dropFirst() { canvas.line(to: f.point(x[i], upper[i])) }
            for i in run.reversed() { canvas.line(to: f.point(x[i], lower[i])) }
            canvas.closePath()
            run = []
        }
        for i in 0..<min(x.count, lower.count, upper.count) {
            if f.accepts(x[i], lower[i]) && f.yScale.accepts(upper[i]) { run.append(i) } else { flush() }
        }
        flush()
        canvas.fill(color.withAlpha(opacity))
    }
}
