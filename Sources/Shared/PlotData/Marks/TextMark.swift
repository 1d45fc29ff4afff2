import Colors

public enum TextAnchor: String, Codable, Sendable { case left, center, right }

/// Text at a data position.
public struct TextMark: Codable, Equatable, Sendable {
    public var x, y: Double
    public var text: String
    public var anchor: TextAnchor = .left
    public var color: Color = Color(hex: 0x222222)
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    public var size: Double = 8

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
    public static let kind = "text"

    public func problems() -> [String] {
        var p = Problems()
        if !(size.isFinite && size > 0 && size <= PlotLimits.maxFontSize) {
            p.append("size must be a font size in (0, \(Int(PlotLimits.maxFontSize))] pt, got \(size)")
        }
        p.alpha(alpha)
        return p.list
    }
}
