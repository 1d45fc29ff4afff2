import Colors

/// A polyline; NaN/Inf in x or y lifts the pen (a gap), it is never joined across.
public struct LineMark: Codable, Equatable, Sendable {
    /// The vertices' x in data units, as many as ``y``; a non-finite value leaves a gap.
    @FramedNumbers public var x: [Double]
    /// The vertices' y in data units, as many as ``x``; a non-finite value leaves a gap.
    @FramedNumbers public var y: [Double]
    /// The legend text (`$…$` math allowed); nil keeps the line out of the legend.
    public var label: String?
    /// The stroke colour.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// Stroke width in points (default 1.25).
    public var width: Double = 1.25
    /// Dash pattern in points, alternating on and off lengths (`[4, 2]`: 4 pt dashes, 2 pt gaps);
    /// empty (the default) is a solid line.
    public var dash: [Double] = []

    /// A line payload; `Axes.line` builds one with the next colour of the cycle and checks the lengths.
    ///
    /// - Parameters:
    ///   - x: The x of the vertices, in data units.
    ///   - y: The y of the vertices, in data units, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Stroke colour.
    ///   - width: Stroke width in points.
    ///   - dash: On/off dash lengths in points; empty for solid.
    public init(
        x: [Double], y: [Double], label: String? = nil, color: Color, width: Double = 1.25,
        dash: [Double] = []
    ) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.width = width
        self.dash = dash
    }
}

extension LineMark: MarkPayload {
    /// "line": the family name in validation messages ("mark 2 (line): …").
    public static let kind = "line"

    /// Lengths of x and y that differ, a non-finite width, a bad dash pattern or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)]); p.finite("width", width); p.dash(dash)
        p.alpha(alpha)
        return p.list
    }
}
