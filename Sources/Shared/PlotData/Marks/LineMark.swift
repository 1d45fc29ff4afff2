import Colors

/// A polyline; NaN/Inf in x or y lifts the pen (a gap), it is never joined across.
public struct LineMark: Codable, Equatable, Sendable {
    @FramedNumbers public var x: [Double]
    @FramedNumbers public var y: [Double]
    public var label: String?
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    public var width: Double = 1.25
    public var dash: [Double] = []

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
    public static let kind = "line"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)]); p.finite("width", width); p.dash(dash)
        p.alpha(alpha)
        return p.list
    }
}
