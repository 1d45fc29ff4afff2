import Colors

/// Which point of the text sits at its data position, horizontally; the position is always on the baseline.
public enum TextAnchor: String, Codable, Sendable {
    /// The text starts at the position and runs right (the default): labels beside a point.
    case left
    /// The text is centred on the position: labels above or below a point, or inside a bar.
    case center
    /// The text ends at the position: labels left of a point or at a panel's right edge.
    case right
}

/// Text at a data position.
public struct TextMark: Codable, Equatable, Sendable {
    /// The anchor position in data units: the baseline's left end, centre or right end (see ``anchor``).
    public var x, y: Double
    /// The text (`$…$` math allowed, typeset on the same baseline).
    public var text: String
    /// Which point of the text sits at (x, y) (default `.left`: the text starts there).
    public var anchor: TextAnchor = .left
    /// The text colour (default near-black #222222, the colour of tick labels).
    public var color: Color = Color(hex: 0x222222)
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// Font size in points (default 8; at most 1 000).
    public var size: Double = 8

    /// A text payload; `Axes.text` builds one.
    ///
    /// - Parameters:
    ///   - x: The x of the anchor, in data units.
    ///   - y: The y of the baseline, in data units.
    ///   - text: The text, with `$…$` math.
    ///   - anchor: Which point of the text sits at (x, y).
    ///   - color: Text colour.
    ///   - size: Font size in points.
    public init(
        x: Double, y: Double, text: String, anchor: TextAnchor = .left,
        color: Color = Color(hex: 0x222222), size: Double = 8
    ) {
        self.x = x
        self.y = y
        self.text = text
        self.anchor = anchor
        self.color = color
        self.size = size
    }
}

extension TextMark: MarkPayload {
    /// "text": the family name in validation messages ("mark 2 (text): …").
    public static let kind = "text"

    /// A font size that is not in (0, 1 000] points, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        if !(size.isFinite && size > 0 && size <= PlotLimits.maxFontSize) {
            p.append("size must be a font size in (0, \(Int(PlotLimits.maxFontSize))] pt, got \(size)")
        }
        p.alpha(alpha)
        return p.list
    }
}
