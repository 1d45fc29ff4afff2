import Graphics
import PlotData

extension Axes {
    /// A staircase through the points (matplotlib's `ax.step(x, y, where=)`): piecewise-constant
    /// signals such as learning-rate schedules or empirical CDFs.
    ///
    /// ```swift
    /// fig.axes.step(x: epochs, y: learningRates, label: "lr")
    /// ```
    /// - Parameters:
    ///   - x: The x of the points, in data units.
    ///   - y: The y of the points, as many as `x`.
    ///   - position: Where the riser between two points sits (default `.post`: each value holds until the next x).
    ///   - label: Legend text, or nil for none.
    ///   - color: Stroke colour; nil takes the next colour of the cycle.
    ///   - alpha: Opacity in 0…1; nil is opaque.
    /// - Precondition: traps when `x` and `y` differ in length.
    public mutating func step(
        x: [Double], y: [Double], position: StepPosition = .post, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        Axes.check("step", [("x", x.count), ("y", y.count)])
        var m = StepMark(x: x, y: y, position: position, label: label, color: nextColor(color))
        m.alpha = alpha
        marks.append(.step(m))
    }
}

extension StepMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.line(color.faded(alpha), []), $0)] } ?? [] }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .points(Legend.along(x, y, frame)) }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        var sx: [Double] = [], sy: [Double] = []
        for i in 0..<min(x.count, y.count) {
            if i > 0 {
                switch position {
                case .post: sx.append(x[i]); sy.append(y[i - 1])
                case .pre: sx.append(x[i - 1]); sy.append(y[i])
                case .mid:
                    let m = (x[i - 1] + x[i]) / 2
                    sx += [m, m]; sy += [y[i - 1], y[i]]
                }
            }
            sx.append(x[i]); sy.append(y[i])
        }
        Mark.polyline(sx, sy, on: canvas, frame: f)
        canvas.setLineJoin(.miter)
        canvas.stroke(color.faded(alpha), width: width)
    }
}
