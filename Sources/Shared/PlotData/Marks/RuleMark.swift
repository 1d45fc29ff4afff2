import Colors

/// A horizontal (`y = value`) or vertical (`x = value`) reference line across the axes.
public struct RuleMark: Codable, Equatable, Sendable {
    public enum Orientation: String, Codable, Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    public var width: Double = 0.8
    public var dash: [Double] = [4, 2]
    public var label: String?

    public init(
        orientation: Orientation, value: Double, color: Color, width: Double = 0.8,
        dash: [Double] = [4, 2], label: String? = nil
    ) {
        self.orientation = orientation
        self.value = value
        self.color = color
        self.width = width
        self.dash = dash
        self.label = label
    }
}

extension RuleMark: MarkPayload {
    public static let kind = "rule"

    public func problems() -> [String] {
        var p = Problems()
        p.finite("width", width); p.dash(dash)
        p.alpha(alpha)
        return p.list
    }
}
