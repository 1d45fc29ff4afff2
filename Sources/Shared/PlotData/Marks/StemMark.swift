import Colors

/// Vertical stems from `baseline` to each y, capped with a dot.
public struct StemMark: Codable, Equatable, Sendable {
    /// The stems' positions and the values they reach, in data units, of equal length.
    public var x, y: [Double]
    /// The y, in data units, every stem starts from (default 0; matplotlib's `bottom`).
    public var baseline: Double = 0
    /// The legend text (`$…$` math allowed); nil keeps the stems out of the legend.
    public var label: String?
    /// The colour of stems and dots.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?

    /// A stems payload; `Axes.stem` builds one with the next colour of the cycle.
    ///
    /// - Parameters:
    ///   - x: Position of each stem, in data units.
    ///   - y: The value each stem reaches, as many as `x`.
    ///   - baseline: The y every stem starts from.
    ///   - label: Legend text, or nil for none.
    ///   - color: Colour of stems and dots.
    public init(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color) {
        self.x = x
        self.y = y
        self.baseline = baseline
        self.label = label
        self.color = color
    }
}

extension StemMark: MarkPayload {
    /// "stem": the family name in validation messages ("mark 2 (stem): …").
    public static let kind = "stem"

    /// Lengths of x and y that differ, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)])
        p.alpha(alpha)
        return p.list
    }
}
