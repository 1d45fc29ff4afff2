import Colors

/// Contours of a grid sampled at `columns` x-values × `rows` y-values (row-major, row 0 at yRange[0]).
/// `filled` paints the bands between levels; `lines` strokes each level; `labels` writes the level on its line.
public struct ContourMark: Codable, Equatable, Sendable {
    /// The samples z, row-major (`values[r * columns + c]`), row 0 at `yRange[0]`; NaN samples leave holes.
    @FramedNumbers public var values: [Double]
    /// The grid's shape: `rows` samples along y, `columns` along x (each ≥ 2); `values` holds `rows × columns`.
    public var rows, columns: Int
    /// `[lo, hi]` in data units: the x of the first and last sample column, the y of the first and last row.
    public var xRange, yRange: [Double]
    /// The z values of the contour lines, strictly increasing (at most 1 000); filled contours paint
    /// the bands between consecutive levels, so they need at least 2.
    public var levels: [Double]
    /// Whether the bands between levels are painted through ``colormap`` (matplotlib's `contourf`).
    public var filled: Bool
    /// Whether each level's line is stroked (matplotlib's `contour`).
    public var lines: Bool
    /// Whether each line carries its level written on it (matplotlib's `clabel`), where it has room.
    public var labels: Bool
    /// The colours of the bands (and of the lines, when unfilled and without ``lineColor``).
    public var colormap: Colormap
    /// One colour for every line; nil colours unfilled lines by level through ``colormap`` and draws
    /// the lines over filled bands in translucent black.
    public var lineColor: Color?

    /// A contour payload; `Axes.contour` builds one, choosing about nine nice levels when none are given.
    ///
    /// - Parameters:
    ///   - values: Row-major samples, `rows × columns` of them.
    ///   - rows: Samples along y.
    ///   - columns: Samples along x.
    ///   - xRange: The x of the first and last sample column.
    ///   - yRange: The y of the first and last sample row.
    ///   - levels: Strictly increasing contour levels.
    ///   - filled: Whether to paint the bands between levels.
    ///   - lines: Whether to stroke the level lines.
    ///   - labels: Whether to write the levels on the lines.
    ///   - colormap: Colours of bands (and unfilled lines).
    ///   - lineColor: One colour for every line, or nil.
    public init(
        values: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double], levels: [Double],
        filled: Bool, lines: Bool, labels: Bool, colormap: Colormap, lineColor: Color? = nil
    ) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.levels = levels
        self.filled = filled
        self.lines = lines
        self.labels = labels
        self.colormap = colormap
        self.lineColor = lineColor
    }
}

extension ContourMark: MarkPayload {
    /// "contour": the family name in validation messages ("mark 2 (contour): …").
    public static let kind = "contour"

    /// A grid smaller than 2 × 2 or not filled by the values, bad ranges, and levels that are not
    /// finite, more than 1 000, not strictly increasing, or fewer than 2 for filled contours.
    public func problems() -> [String] {
        var p = Problems()
        p.grid(values.count, rows, columns, least: 2)
        p.range("xRange", xRange); p.range("yRange", yRange)
        if !levels.allSatisfy(\.isFinite) {
            p.append("levels must be finite numbers, got \(levels.prefix(10))")
        } else if levels.count > PlotLimits.maxLevels {
            p.append("at most \(PlotLimits.maxLevels) levels, got \(levels.count)")
        } else if zip(levels, levels.dropFirst()).contains(where: { $0 >= $1 }) {
            p.append("levels must increase strictly, got \(levels.prefix(10))")
        } else if filled && levels.count < 2 {
            p.append("filled contours need at least 2 levels, got \(levels.count)")
        }
        return p.list
    }
}
