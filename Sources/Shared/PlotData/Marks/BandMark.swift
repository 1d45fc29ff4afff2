import Colors

/// A shaded band between `lower` and `upper` (e.g. the IQR around a median line).
public struct BandMark: Codable, Equatable, Sendable {
    /// The band's x positions and its lower and upper edges there, in data units, all of equal length
    /// (matplotlib's `fill_between(x, y1, y2)`); a non-finite value breaks the band.
    public var x, lower, upper: [Double]
    /// The legend text (`$…$` math allowed); nil keeps the band out of the legend.
    public var label: String?
    /// The fill colour, drawn at ``opacity``.
    public var color: Color
    /// Fill opacity in 0…1 (default 0.25, so the lines beneath show through).
    public var opacity: Double = 0.25

    /// A band payload; `Axes.band` builds one with the next colour of the cycle and checks the lengths.
    ///
    /// - Parameters:
    ///   - x: The x positions, in data units.
    ///   - lower: The lower edge at each x.
    ///   - upper: The upper edge at each x.
    ///   - label: Legend text, or nil for none.
    ///   - color: Fill colour.
    ///   - opacity: Fill opacity in 0…1.
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
    /// "band": the family name in validation messages ("mark 2 (band): …").
    public static let kind = "band"

    /// Lengths of x, lower and upper that differ.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("lower", lower.count), ("upper", upper.count)])
        return p.list
    }
}
