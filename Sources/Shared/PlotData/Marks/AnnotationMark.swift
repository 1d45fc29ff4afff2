import Colors

/// Text that points at a data position with an arrow (matplotlib's `annotate` with
/// `arrowprops`): the text is centred on (textX, textY), the arrow runs from the text's box
/// to (x, y).
public struct AnnotationMark: Codable, Equatable, Sendable {
    /// The text; `$…$` is typeset as math.
    public var text: String
    /// The point annotated (matplotlib's `xy`).
    public var x, y: Double
    /// The centre of the text (matplotlib's `xytext`).
    public var textX, textY: Double
    /// Whether an arrow joins the text to the point.
    public var arrow: Bool
    /// Colour of text and arrow.
    public var color: Color
    /// Font size in points.
    public var size: Double
    /// Opacity in 0…1 multiplying the colour's own; nil is opaque.
    public var alpha: Double?

    /// A payload; `Axes.annotate` is the way notebooks add one.
    /// - Parameters:
    ///   - text: the text.
    ///   - x: x of the point annotated.
    ///   - y: y of the point annotated.
    ///   - textX: x of the text's centre.
    ///   - textY: y of the text's centre.
    ///   - arrow: whether to draw the arrow.
    ///   - color: the colour.
    ///   - size: font size in points.
    ///   - alpha: opacity, or nil.
    public init(
        text: String, x: Double, y: Double, textX: Double, textY: Double, arrow: Bool = true,
        color: Color = Color(hex: 0x222222), size: Double = 8, alpha: Double? = nil
    ) {
        (self.text, self.x, self.y, self.textX, self.textY) = (text, x, y, textX, textY)
        (self.arrow, self.color, self.size, self.alpha) = (arrow, color, size, alpha)
    }
}

extension AnnotationMark: MarkPayload {
    /// "annotation".
    public static let kind = "annotation"

    /// Non-finite positions, a font size out of range, an opacity out of 0…1.
    public func problems() -> [String] {
        var p = Problems()
        if ![x, y, textX, textY].allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
            p.append("positions must be finite, got (\(x), \(y)) and (\(textX), \(textY))")
        }
        if !(size.isFinite && size > 0 && size <= PlotLimits.maxFontSize) {
            p.append("size must be a font size in (0, \(Int(PlotLimits.maxFontSize))] pt, got \(size)")
        }
        p.alpha(alpha)
        return p.list
    }
}
