import Colors

/// A categorical map: each cell holds a category index into `names`, drawn in `colors`.
public struct RegionMark: Codable, Equatable, Sendable {
    public var categories: [Int]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var names: [String]
    public var colors: [Color]

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
    public static let kind = "regions"

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
