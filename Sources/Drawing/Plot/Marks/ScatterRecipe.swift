import Graphics
import PlotData

extension Axes {
    /// Markers at the points (matplotlib's `ax.scatter(x, y, s=, c=, marker=)`), optionally
    /// coloured by a value per point with a colorbar-ready colormap.
    ///
    /// ```swift
    /// fig.axes.scatter(x: x, y: y, label: "samples", marker: .diamond)
    /// fig.axes.scatter(x: x, y: y, values: loss, colormap: .magma, alpha: 0.6)
    /// ```
    /// - Parameters:
    ///   - x: The x of the points, in data units; points with a non-finite coordinate are skipped.
    ///   - y: The y of the points, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Marker colour without `values`; nil takes the next colour of the cycle.
    ///   - size: Marker size in points, a length (a circle's diameter; default 4).
    ///   - marker: The symbol (default `.circle`).
    ///   - values: One value per point to colour through `colormap` (matplotlib's `c=`), or nil.
    ///   - colormap: The colormap for `values` (default `.viridis`).
    ///   - alpha: Opacity in 0…1; translucent markers are painted one by one, so overlaps darken.
    /// - Precondition: traps when `x`, `y` (and `values`) differ in length.
    public mutating func scatter(
        x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
        size: Double = 4, marker: MarkerShape = .circle,
        values: [Double]? = nil, colormap: Colormap = .viridis, alpha: Double? = nil
    ) {
        Axes.check("scatter", [("x", x.count), ("y", y.count)] + (values.map { [("values", $0.count)] } ?? []))
        var m = ScatterMark(
            x: x, y: y, label: label, color: nextColor(color), size: size,
            marker: marker, values: values, colormap: colormap)
        m.alpha = alpha
        marks.append(.scatter(m))
    }
}

extension ScatterMark: MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        x.add(self.x); y.add(self.y)
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.marker(color.faded(alpha), marker), $0)] } ?? [] }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        .points((0..<min(x.count, y.count)).filter { f.accepts(x[$0], y[$0]) }.map { f.point(x[$0], y[$0]) })
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        let stroked = marker == .cross || marker == .plus
        let n = min(x.count, y.count)
        if let values {
            let r = colorRange(values)
            for i in 0..<min(n, values.count) where f.accepts(x[i], y[i]) && values[i].isFinite {
                Mark.marker(marker, at: f.point(x[i], y[i]), size: size, on: canvas)
                let c = colormap.color((values[i] - r[0]) / (r[1] - r[0])).faded(alpha)
                stroked ? canvas.stroke(c, width: 1) : canvas.fill(c)
            }
            return
        }
        if alpha != nil {
            // Translucent markers are painted one by one, so overlaps darken as in matplotlib
            // (one path would paint its overlapping parts once).
            let c = color.faded(alpha)
            for i in 0..<n where f.accepts(x[i], y[i]) {
                Mark.marker(marker, at: f.point(x[i], y[i]), size: size, on: canvas)
                stroked ? canvas.stroke(c, width: 1) : canvas.fill(c)
            }
            return
        }
        for i in 0..<n where f.accepts(x[i], y[i]) {
            Mark.marker(marker, at: f.point(x[i], y[i]), size: size, on: canvas)
        }
        stroked ? canvas.stroke(color, width: 1) : canvas.fill(color)
    }

    var colorScale: Colorbar.Scale? { values.map { (colormap, colorRange($0), nil) } }

    /// The values at the colormap's ends: the set range when it is usable, else the data's.
    func colorRange(_ values: [Double]) -> [Double] {
        if let r = valueRange, r.count == 2, r.allSatisfy(\.isFinite), r[0] < r[1] { return r }
        return Axes.finiteRange(values)
    }
}
