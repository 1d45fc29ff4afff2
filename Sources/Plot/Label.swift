import Graphics

/// A piece of text measured and ready to draw: tick labels, axis labels, titles, legend entries.
public struct DrawnLabel {
    public var size: Size
    /// Distance from the top of the box to the baseline.
    public var baseline: Double
    /// Draws the label with its top-left corner at the point.
    public var draw: (Canvas, Point, Color) -> Void

    public init(size: Size, baseline: Double, draw: @escaping (Canvas, Point, Color) -> Void) {
        (self.size, self.baseline, self.draw) = (size, baseline, draw)
    }
}

/// The single seam through which Plot turns label strings into drawings. Plain text goes through
/// Pango; `MathType` will install a renderer for strings holding `$…$` by replacing `render`.
public enum LabelRenderer {
    /// Family for every label in a figure (Latin Modern Sans, as the report's sans face).
    public static let family = Fonts.sans

    /// (canvas, text, size in points, bold) → label. `text` is plain text, never markup.
    nonisolated(unsafe) public static var render: (Canvas, String, Double, Bool) -> DrawnLabel = plain

    public static func plain(_ canvas: Canvas, _ text: String, _ size: Double, _ bold: Bool) -> DrawnLabel {
        markup(canvas, TextLayout.escape(text), size, bold)
    }

    /// Pango markup (tick labels use `<sup>` for 10^k).
    static func markup(_ canvas: Canvas, _ markup: String, _ size: Double, _ bold: Bool = false) -> DrawnLabel {
        let t = TextLayout(canvas: canvas, markup: markup, font: Fonts.description(family, size: size, bold: bold))
        return DrawnLabel(size: t.size, baseline: t.firstBaseline) { c, p, color in t.draw(on: c, at: p, color: color) }
    }
}

/// Font sizes of a figure's text, in points (journal figures: 8 pt ticks, 9 pt labels).
enum PlotStyle {
    static let tickSize = 8.0
    static let labelSize = 9.0
    static let titleSize = 9.5
    static let legendSize = 8.0
    static let ink = Color(hex: 0x222222)
    static let axisWidth = 0.7
    static let tickLength = 3.5
    static let minorTickLength = 2.0
    static let gridColor = Color(hex: 0xe3e3e3)
}
