import Colors

/// A categorical map: each cell holds a category index into `names`, drawn in `colors`.
public struct RegionMark: Codable, Equatable, Sendable {
    /// The category of each cell, an index into ``names``, row-major (`categories[r * columns + c]`), row 0 at the bottom.
    public var categories: [Int]
    /// The grid's shape: `rows` cells along y, `columns` along x; `categories` holds `rows × columns`.
    public var rows, columns: Int
    /// `[lo, hi]` of the grid's outer edges in data units: the cells divide them evenly.
    public var xRange, yRange: [Double]
    /// The category names, shown in the legend, one per category index.
    public var names: [String]
    /// The fill colour of category `k` is `colors[k % colors.count]` (at least one colour).
    public var colors: [Color]

    /// A regions payload; `Axes.regions` builds one, with the Okabe–Ito colours unless given others.
    ///
    /// - Parameters:
    ///   - categories: Row-major category indices, `rows × columns` of them.
    ///   - rows: Cells along y.
    ///   - columns: Cells along x.
    ///   - xRange: `[lo, hi]` of the grid's x edges.
    ///   - yRange: `[lo, hi]` of the grid's y edges.
    ///   - names: One name per category.
    ///   - colors: Fill colours, cycled over the categories.
    public init(
        categories: [Int], rows: Int, columns: Int, xRange: [Double], yRange: [Double], names: [String],
        colors: [Color]
    ) {
        self.categories = categories
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.names = names
        self.colors = colors
    }
}

extension RegionMark: MarkPayload {
    /// "regions": the family name in validation messages ("mark 2 (regions): …").
    public static let kind = "regions"

    /// A cell count other than rows × columns, bad ranges, no colours, or a category without a name.
    public func problems() -> [String] {
        var p = Problems()
        p.grid(categories.count, rows, columns)
        p.range("xRange", xRange); p.range("yRange", yRange)
        if colors.isEmpty { p.append("needs at least one colour") }
        if let bad = categories.first(where: { $0 < 0 || $0 >= names.count }) {
            p.append("category \(bad) has no name (\(names.count) names)")
        }
        return p.list
    }
}
