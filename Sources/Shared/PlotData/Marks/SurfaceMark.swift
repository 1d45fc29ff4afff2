import Colors

/// z sampled on a grid of `columns` x-values × `rows` y-values, drawn as lit, colour-mapped facets.
public struct SurfaceMark: Codable, Equatable, Sendable {
    @FramedNumbers public var z: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap

    public init(z: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double], colormap: Colormap) {
        self.z = z
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.colormap = colormap
    }
}

extension SurfaceMark: MarkPayload {
    public static let kind = "surface"

    public func problems() -> [String] {
        var p = Problems()
        p.grid(z.count, rows, columns, least: 2)
        p.range("xRange", xRange); p.range("yRange", yRange)
        return p.list
    }
}
