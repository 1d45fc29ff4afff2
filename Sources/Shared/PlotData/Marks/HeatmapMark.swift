import Colors

/// A grid of values (row-major, `rows` × `columns`, row 0 at `yRange.lowerBound`) coloured by a colormap.
public struct HeatmapMark: Codable, Equatable, Sendable {
    @FramedNumbers public var values: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap
    public var valueRange: [Double]

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
    public static let kind = "heatmap"

    public func problems() -> [String] {
        var p = Problems()
        p.grid(values.count, rows, columns)
        p.range("xRange", xRange); p.range("yRange", yRange); p.range("valueRange", valueRange)
        return p.list
    }
}
