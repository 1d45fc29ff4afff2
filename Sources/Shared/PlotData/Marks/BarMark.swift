import Colors

/// Rectangles from `baseline` to `height`, spanning [left, left + width]: bar charts and histograms.
public struct BarMark: Codable, Equatable, Sendable {
    public var left, width, height: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    public var edge: Bool = false

    public init(
        left: [Double], width: [Double], height: [Double], baseline: Double = 0, label: String? = nil,
        color: Color, edge: Bool = false
    ) {
        self.left = left
        self.width = width
        self.height = height
        self.baseline = baseline
        self.label = label
        self.color = color
        self.edge = edge
    }
}

extension BarMark: MarkPayload {
    public static let kind = "bars"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("left", left.count), ("width", width.count), ("height", height.count)])
        p.alpha(alpha)
        return p.list
    }
}
