import Colors

/// A grid of values (row-major, `rows` × `columns`, row 0 at `yRange.lowerBound`) coloured by a colormap.
public struct HeatmapMark: Codable, Equatable, Sendable {
    /// The cell values, row-major (`values[r * columns + c]`), row 0 at the bottom; NaN cells are transparent.
    @FramedNumbers public var values: [Double]
    /// The grid's shape: `rows` cells along y, `columns` along x; `values` holds `rows × columns`.
    public var rows, columns: Int
    /// `[lo, hi]` of the grid's outer edges in data units (matplotlib's `extent`): the cells divide
    /// them evenly. `Axes.heatmap` defaults to `[0, columns]` and `[0, rows]`.
    public var xRange, yRange: [Double]
    /// The map from ``valueRange`` to colours.
    public var colormap: Colormap
    /// `[lo, hi]`: the values at the colormap's two ends (matplotlib's `vmin`, `vmax`); values beyond are clamped.
    public var valueRange: [Double]

    /// A heatmap payload; `Axes.heatmap` builds one, taking the value range from the finite data when not given.
    ///
    /// - Parameters:
    ///   - values: Row-major cell values, `rows × columns` of them.
    ///   - rows: Cells along y.
    ///   - columns: Cells along x.
    ///   - xRange: `[lo, hi]` of the grid's x edges.
    ///   - yRange: `[lo, hi]` of the grid's y edges.
    ///   - colormap: The colormap.
    ///   - valueRange: `[lo, hi]` mapped to the colormap's ends.
    public init(
        values: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double],
        colormap: Colormap, valueRange: [Double]
    ) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.colormap = colormap
        self.valueRange = valueRange
    }
}

extension HeatmapMark: MarkPayload {
    /// "heatmap": the family name in validation messages ("mark 2 (heatmap): …").
    public static let kind = "heatmap"

    /// A value count other than rows × columns (or an empty grid), or a range that is not two finite numbers.
    public func problems() -> [String] {
        var p = Problems()
        p.grid(values.count, rows, columns)
        p.range("xRange", xRange); p.range("yRange", yRange); p.range("valueRange", valueRange)
        return p.list
    }
}
