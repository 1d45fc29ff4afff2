import Colors

/// A horizontal (`y = value`) or vertical (`x = value`) reference line across the axes.
public struct RuleMark: Codable, Equatable, Sendable {
    /// Which way the rule runs.
    public enum Orientation: String, Codable, Sendable {
        /// A line `y = value` across the panel's width (`Axes.hline`, matplotlib's `axhline`).
        case horizontal
        /// A line `x = value` across the panel's height (`Axes.vline`, matplotlib's `axvline`).
        case vertical
    }
    /// Whether the rule is horizontal (`y = value`) or vertical (`x = value`).
    public var orientation: Orientation
    /// Where the rule crosses its axis, in data units (the y of a horizontal rule, the x of a vertical one).
    public var value: Double
    /// The stroke colour (`Axes.hline` and `vline` default to grey #555555).
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// Stroke width in points (default 0.8, thinner than data lines).
    public var width: Double = 0.8
    /// Dash pattern in points, alternating on and off lengths (default `[4, 2]`); empty for solid.
    public var dash: [Double] = [4, 2]
    /// The legend text (`$…$` math allowed); nil keeps the rule out of the legend.
    public var label: String?

    /// A rule payload; `Axes.hline` and `Axes.vline` build one.
    ///
    /// - Parameters:
    ///   - orientation: Horizontal or vertical.
    ///   - value: Where it crosses its axis, in data units.
    ///   - color: Stroke colour.
    ///   - width: Stroke width in points.
    ///   - dash: On/off dash lengths in points; empty for solid.
    ///   - label: Legend text, or nil for none.
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
    /// "rule": the family name in validation messages ("mark 2 (rule): …").
    public static let kind = "rule"

    /// A non-finite or negative width, a bad dash pattern, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        p.finite("width", width); p.dash(dash)
        p.alpha(alpha)
        return p.list
    }
}
