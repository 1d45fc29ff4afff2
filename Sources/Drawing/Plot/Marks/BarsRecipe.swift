import Graphics
import PlotData

extension Axes {
    /// Bars centred on `x`, `width` data units wide.
    public mutating func bar(
        x: [Double], height: [Double], width: Double = 0.8, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        Axes.check("bar", [("x", x.count), ("height", height.count)])
        var m = BarMark(
            left: x.map { $0 - width / 2 }, width: Array(repeating: width, count: x.count),
            height: height, label: label, color: nextColor(color))
        m.alpha = alpha
        marks.append(.bars(m))
    }

    /// A histogram of `data` in `bins` equal bins over its finite range (or `range`).
    public mutating func histogram(
        _ data: [Double], bins: Int = 20, range: [Double]? = nil, density: Bool = false,
        label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        guard bins >= 1 else { fatalError("histogram: bins must be ≥ 1, got \(bins)") }
        let finite = data.filter(\.isFinite)
        var lo = range?[0] ?? finite.min() ?? 0, hi = range?[1] ?? finite.max() ?? 1
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let w = (hi - lo) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for v in finite where v >= lo && v <= hi { counts[min(bins - 1, Int((v - lo) / w))] += 1 }
        if density, !finite.isEmpty { counts = counts.map { $0 / (Double(finite.count) * w) } }
        var m = BarMark(
            left: (0..<bins).map { lo + Double($0) * w }, width: Array(repeating: w, count: bins),
            height: counts, label: label, color: nextColor(color), edge: true)
        m.alpha = alpha
        marks.append(.bars(m))
    }
}

extension BarMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(left); x.add(zip(left, width).map(+)); y.add(height); y.add(baseline)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.patch(color.faded(alpha)), $0)] } ?? [] }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        var out: [Point] = []
        for i in 0..<min(left.count, width.count, height.count) where f.accepts(left[i], height[i]) {
            for x in [left[i], left[i] + width[i] / 2, left[i] + width[i]] {
                out += Legend.along([x, x, x], [baseline, (baseline + height[i]) / 2, height[i]], f)
            }
        }
        return .points(out)
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        for i in 0..<min(left.count, width.count, height.count) where f.accepts(left[i], height[i]) && height[i] != baseline {
            let base = f.yScale.accepts(baseline) ? f.py(baseline) : f.rect.maxY
            let xa = f.px(left[i]), xb = f.px(left[i] + width[i]), yt = f.py(height[i])
            canvas.rectangle(Rect(x: xa, y: min(yt, base), width: xb - xa, height: abs(base - yt)))
        }
        canvas.fill(color.faded(alpha), preserve: edge)
        if edge { canvas.stroke(Color.white.faded(alpha), width: 0.4) }
    }
}
