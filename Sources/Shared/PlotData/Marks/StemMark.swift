import Colors

/// Vertical stems from `baseline` to each y, capped with a dot.
public struct StemMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?

    public init(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color) {
        self.x = x
        self.y = y
        self.baseline = baseline
        self.label = label
        self.color = color
    }
}

extension StemMark: MarkPayload {
    public static let kind = "stem"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)])
        p.alpha(alpha)
        return p.list
    }
}
