import Graphics
import PlotData

extension Axes {
    /// A categorical region map: `categories[i]` indexes `names`; colours follow the Okabe–Ito cycle.
    public mutating func regions(
        _ categories: [Int], rows: Int, columns: Int, x: [Double], y: [Double], names: [String],
        colors: [Color]? = nil
    ) {
        Axes.checkGrid("regions", categories.count, rows: rows, columns: columns)
        if let bad = categories.first(where: { $0 < 0 || $0 >= names.count }) {
            fatalError("regions: category \(bad) has no name (\(names.count) names)")
        }
        let cs = colors ?? names.indices.map { Palette.cycle[$0 % Palette.cycle.count] }
        marks.append(
            .regions(
                RegionMark(
                    categories: categories, rows: rows, columns: columns, xRange: x, yRange: y,
                    names: names, colors: cs)))
    }
}

extension RegionMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(xRange); y.add(yRange)
        return false
    }

    /// One row per category.
    func legendEntries() -> [(Legend.Swatch, String)] { zip(names, colors).map { (.patch($1), $0) } }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .wholeFrame }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        guard rows >= 1, columns >= 1, categories.count == rows * columns, !colors.isEmpty,
            xRange.count == 2, yRange.count == 2
        else { return }
        func byte(_ v: Double) -> UInt8 { v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded()) }
        var rgba = [UInt8](repeating: 0, count: rows * columns * 4)
        for row in 0..<rows {
            for col in 0..<columns {
                let n = colors.count
                let color = colors[(categories[row * columns + col] % n + n) % n]
                let o = ((rows - 1 - row) * columns + col) * 4
                rgba[o] = byte(color.red); rgba[o + 1] = byte(color.green)
                rgba[o + 2] = byte(color.blue); rgba[o + 3] = 255
            }
        }
        let a = f.point(xRange[0], yRange[1]), b = f.point(xRange[1], yRange[0])
        canvas.draw(
            RasterImage(width: columns, height: rows, rgba: rgba),
            in: Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y), interpolation: .nearest)
    }
}
