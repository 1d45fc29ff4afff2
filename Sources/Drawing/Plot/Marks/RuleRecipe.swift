import Graphics
import PlotData

extension Axes {
    public mutating func hline(
        _ y: Double, color: Color = Color(hex: 0x555555), dash: [Double] = [4, 2], label: String? = nil, alpha: Double? = nil
    ) {
        var m = RuleMark(orientation: .horizontal, value: y, color: color, dash: dash, label: label)
        m.alpha = alpha
        marks.append(.rule(m))
    }

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
