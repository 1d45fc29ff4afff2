import Colors

/// A shaded band between `lower` and `upper` (e.g. the IQR around a median line).
public struct BandMark: Codable, Equatable, Sendable {
    public var x, lower, upper: [Double]
    public var label: String?
    public var color: Color
    public var opacity: Double = 0.25

    public init(
        x: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color,
        opacity: Double = 0.25
    ) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.label = label
        self.color = color
        self.opacity = opacity
    }
}

extension BandMark: MarkPayload {
    public static let kind = "band"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("lower", lower.count), ("upper", upper.count)])
        return p.list
    }
}
