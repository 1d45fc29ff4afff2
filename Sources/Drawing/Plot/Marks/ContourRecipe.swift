import Graphics
import PlotData

extension Axes {
    /// Contours of z sampled on a grid (row-major, rows = y samples, columns = x samples).
    /// `levels` nil picks about 8 nice levels over the data.
    public mutating func contour(
        _ z: [Double], rows: Int, columns: Int, x: [Double], y: [Double],
        levels: [Double]? = nil, filled: Bool = false, lines: Bool = true, labels: Bool = false,
        colormap: Colormap = .viridis, lineColor: Color? = nil, colorbar: String? = ""
    ) {
        Axes.checkGrid("contour", z.count, rows: rows, columns: columns)
        guard x.count == 2, y.count == 2 else { fatalError("contour: x and y are [lo, hi] ranges, got \(x.count) and \(y.count) values") }
        let r = Axes.finiteRange(z)
        let lv = levels ?? Axes.autoLevels(r)
        marks.append(
            .contour(
                ContourMark(
                    values: z, rows: rows, columns: columns, xRange: x, yRange: y, levels: Array(Set(lv.filter(\.isFinite))).sorted(),
                    filled: filled, lines: lines, labels: labels, colormap: colormap, lineColor: lineColor)))
        if filled, let colorbar { colorbarLabel = colorbar }
    }

    /// About 9 nice levels whose first is ≤ the data minimum and last ≥ its maximum, so filled
    /// bands cover the whole domain.
    static func autoLevels(_ r: [Double]) -> [Double] {
        var lv = Ticks.extended(r[0], r[1], m: 9) ?? [r[0], r[1]]
        let step = lv.count > 1 ? lv[1] - lv[0] : 1
        while lv.first! > r[0] { lv.insert(lv.first! - step, at: 0) }
        while lv.last! < r[1] { lv.append(lv.last! + step) }
        return lv
    }
}

/// The geometry (grid triangulation, chains, filled regions) is in Contour.swift.
extension ContourMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(xRange); y.add(yRange)
        return false
    }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .wholeFrame }

    var colorScale: Colorbar.Scale? {
        filled && levels.count >= 2 ? (colormap, [levels.first!, levels.last!], levels) : nil
    }

    func draw(on canvas: Canvas, frame: PlotFrame) { ContourDrawing.draw(self, on: canvas, frame: frame) }
}
