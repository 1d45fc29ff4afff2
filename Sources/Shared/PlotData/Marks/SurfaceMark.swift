import Colors

/// z sampled on a grid of `columns` x-values × `rows` y-values, drawn as lit, colour-mapped facets.
public struct SurfaceMark: Codable, Equatable, Sendable {
    /// The heights, row-major (`z[r * columns + c]`), row 0 at `yRange[0]`.
    @FramedNumbers public var z: [Double]
    /// The grid's shape: `rows` samples along y, `columns` along x (each ≥ 2); `z` holds `rows × columns`.
    public var rows, columns: Int
    /// `[lo, hi]` in data units: the x of the first and last sample column, the y of the first and last row.
    public var xRange, yRange: [Double]
    /// Colours the facets by height, from the lowest z to the highest.
    public var colormap: Colormap

    /// A surface payload; `Axes.surface` builds one.
    ///
    /// - Parameters:
    ///   - z: Row-major heights, `rows × columns` of them.
    ///   - rows: Samples along y.
    ///   - columns: Samples along x.
    ///   - xRange: The x of the first and last sample column.
    ///   - yRange: The y of the first and last sample row.
    ///   - colormap: Colours by height.
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
    /// "surface": the family name in validation messages ("mark 2 (surface): …").
    public static let kind = "surface"

    /// A grid smaller than 2 × 2 or not filled by the values, or a range that is not two finite numbers.
    public func problems() -> [String] {
        var p = Problems()
        p.grid(z.count, rows, columns, least: 2)
        p.range("xRange", xRange); p.range("yRange", yRange)
        return p.list
    }
}
