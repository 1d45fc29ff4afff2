import Graphics
import PlotData

extension Axes {
    /// A horizontal reference line `y = value` across the whole panel (matplotlib's `ax.axhline`):
    /// a target, a bound, a baseline. It widens the y limits to include `y`.
    ///
    /// ```swift
    /// fig.axes.hline(0.5, label: "chance")
    /// ```
    /// - Parameters:
    ///   - y: Where the line crosses the y axis, in data units.
    ///   - color: Stroke colour (default grey #555555).
    ///   - dash: On/off dash lengths in points (default `[4, 2]`); empty for solid.
    ///   - label: Legend text, or nil for none.
    ///   - alpha: Opacity in 0…1; nil is opaque.
    public mutating func hline(
        _ y: Double, color: Color = Color(hex: 0x555555), dash: [Double] = [4, 2], label: String? = nil, alpha: Double? = nil
    ) {
        var m = RuleMark(orientation: .horizontal, value: y, color: color, dash: dash, label: label)
        m.alpha = alpha
        marks.append(.rule(m))
    }

    /// A vertical reference line `x = value` across the whole panel (matplotlib's `ax.axvline`):
    /// an event, a threshold, a phase change. It widens the x limits to include `x`.
    ///
    /// ```swift
    /// fig.axes.vline(warmupSteps, label: "end of warm-up")
    /// ```
    /// - Parameters:
    ///   - x: Where the line crosses the x axis, in data units.
    ///   - color: Stroke colour (default grey #555555).
    ///   - dash: On/off dash lengths in points (default `[4, 2]`); empty for solid.
    ///   - label: Legend text, or nil for none.
    ///   - alpha: Opacity in 0…1; nil is opaque.
    public mutating func vline(
        _ x: Double, color: Color = Color(hex: 0x555555), dash: [Double] = [4, 2], label: String? = nil, alpha: Double? = nil
    ) {
        var m = RuleMark(orientation: .vertical, value: x, color: color, dash: dash, label: label)
        m.alpha = alpha
        marks.append(.rule(m))
    }
}

extension RuleMark: MarkRecipe {
    /// The value is shown, but a rule spans the axes and asks for no padding.
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        orientation == .horizontal ? y.add(value) : x.add(value)
        return false
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.line(color.faded(alpha), dash), $0)] } ?? [] }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        if orientation == .horizontal {
            guard f.yScale.accepts(value) else { return }
            canvas.move(to: Point(f.rect.x, f.py(value))); canvas.line(to: Point(f.rect.maxX, f.py(value)))
        } else {
            guard f.xScale.accepts(value) else { return }
            canvas.move(to: Point(f.px(value), f.rect.y)); canvas.line(to: Point(f.px(value), f.rect.maxY))
        }
        canvas.stroke(color.faded(alpha), width: width, dash: dash)
    }
}
