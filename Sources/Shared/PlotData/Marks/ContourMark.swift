import Colors

/// Contours of a grid sampled at `columns` x-values × `rows` y-values (row-major, row 0 at yRange[0]).
/// `filled` paints the bands between levels; `lines` strokes each level; `labels` writes the level on its line.
public struct ContourMark: Codable, Equatable, Sendable {
    @FramedNumbers public var values: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var levels: [Double]
    public var filled: Bool
    public var lines: Bool
    public var labels: Bool
    public var colormap: Colormap
    public var lineColor: Color?

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
    public static let kind = "contour"

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
