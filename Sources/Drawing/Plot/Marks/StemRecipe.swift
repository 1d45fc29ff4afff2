import Graphics
import PlotData

extension Axes {
    public mutating func stem(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color? = nil) {
        Axes.check("stem", [("x", x.count), ("y", y.count)])
        marks.append(.stem(StemMark(x: x, y: y, baseline: baseline, label: label, color: nextColor(color))))
    }
}

extension StemMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y); y.add(baseline)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.marker(color, .circle), $0)] } ?? [] }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .points(Legend.along(x, y, frame)) }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        for (x, y) in zip(x, y) where f.accepts(x, y) {
            canvas.move(to: f.point(x, baseline)); canvas.line(to: f.point(x, y))
        }
        canvas.stroke(color, width: 1)
        for (x, y) in zip(x, y) where f.accepts(x, y) { canvas.circle(center: f.point(x, y), radius: 2.2) }
        canvas.fill(color)
    }
}
