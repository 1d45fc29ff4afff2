import Graphics
import PlotData

extension Axes {
    /// A heatmap of `values` (row-major, rows × columns, row 0 at the bottom) with a colorbar.
    public mutating func heatmap(
        _ values: [Double], rows: Int, columns: Int, x: [Double]? = nil, y: [Double]? = nil,
        colormap: Colormap = .viridis, range: [Double]? = nil, colorbar: String? = ""
    ) {
        Axes.checkGrid("heatmap", values.count, rows: rows, columns: columns)
        let r = range ?? Axes.finiteRange(values)
        marks.append(
            .heatmap(
                HeatmapMark(
                    values: values, rows: rows, columns: columns,
                    xRange: x ?? [0, Double(columns)], yRange: y ?? [0, Double(rows)],
                    colormap: colormap, valueRange: r)))
        if let colorbar { colorbarLabel = colorbar }
    }
}

extension HeatmapMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(xRange); y.add(yRange)
        return false
    }

    func footprint(in frame: PlotFrame) -> Legend.Footprint { .wholeFrame }

    var colorScale: Colorbar.Scale? { (colormap, valueRange, nil) }

    /// An image of colormap indices (PDFs store it indexed, in the map's order); with NaN
    /// cells, as RGBA with those cells transparent. Only the cells the canvas keeps are mapped
    /// (a PDF stores at most `vectorImageDPI`; PNG and SVG every cell).
    func draw(on canvas: Canvas, frame f: PlotFrame) {
        guard rows >= 1, columns >= 1, values.count == rows * columns, xRange.count == 2,
            yRange.count == 2, valueRange.count == 2
        else { return }
        let a = f.point(xRange[0], yRange[1]), b = f.point(xRange[1], yRange[0])
        let rect = Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
        guard rect.width > 0, rect.height > 0, rect.width.isFinite, rect.height.isFinite else { return }
        let (w, ht) = canvas.storedImageSize(width: columns, height: rows, in: rect)
        // Nearest cell under each stored pixel's centre (as RasterImage.resampled).
        let cellColumns = (0..<w).map { min(columns - 1, (2 * $0 + 1) * columns / (2 * w)) }
        let lo = valueRange[0], scale = 1 / (valueRange[1] - valueRange[0])
        var indices = [UInt8](repeating: 0, count: w * ht)
        var missing: [Int] = []
        indices.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { values in
                for y in 0..<ht {
                    // Image rows run top to bottom; data row 0 is at the bottom.
                    let src = (rows - 1 - min(rows - 1, (2 * y + 1) * rows / (2 * ht))) * columns
                    for x in 0..<w {
                        let v = values[src + cellColumns[x]]
                        if v.isNaN { missing.append(y * w + x); continue }
                        // Colormap.index((v - lo) * scale) without its floor call (×256 is exact).
                        let k = (v - lo) * scale * 256
                        out[y * w + x] = k >= 255 ? 255 : k > 0 ? UInt8(Int(k)) : 0
                    }
                }
            }
        }
        let image = IndexedImage(width: w, height: ht, palette: colormap.table, indices: indices)
        guard !missing.isEmpty else { return canvas.draw(image, in: rect, interpolation: .nearest) }
        var rgba = image.rgbaImage
        for i in missing { rgba.rgba[4 * i + 3] = 0 }
        canvas.draw(rgba, in: rect, interpolation: .nearest)
    }
}
