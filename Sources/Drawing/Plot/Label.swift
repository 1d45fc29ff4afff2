import Graphics
import MathType
import PlotData

/// A piece of text measured and ready to draw: tick labels, axis labels, titles, legend entries.
public struct DrawnLabel {
    /// The label's size in points.
    public var size: Size
    /// Distance from the top of the box to the baseline.
    public var baseline: Double
    /// Draws the label with its top-left corner at the point.
    public var draw: (Canvas, Point, Color) -> Void

    /// A label of the given size and baseline, drawn by `draw` in the colour it is given.
    public init(size: Size, baseline: Double, draw: @escaping (Canvas, Point, Color) -> Void) {
        (self.size, self.baseline, self.draw) = (size, baseline, draw)
    }
}

/// The single seam through which Plot turns label strings into drawings. Text goes through
/// Pango; `$…$` spans inside it are typeset by `MathType` and set on the same baseline.
public enum LabelRenderer {
    /// Family for every label in a figure (Latin Modern Sans, as the report's sans face).
    public static let family = Fonts.sans
    /// Characters of one label drawn; the rest is cut with an ellipsis.
    public static let maxLength = 5_000

    /// (canvas, text, size in points, bold) → label. `text` is plain text, never markup.
    nonisolated(unsafe) public static var render: (Canvas, String, Double, Bool) -> DrawnLabel = plain

    /// The default ``render``: Pango text in ``family``, with `$…$` spans typeset by MathType.
    ///
    /// - Parameters:
    ///   - canvas: The canvas the label will be drawn on.
    ///   - text: Plain text (not markup), with `$…$` math.
    ///   - size: The font size in points.
    ///   - bold: Bold face (titles).
    /// - Returns: The measured label.
    public static func plain(_ canvas: Canvas, _ text: String, _ size: Double, _ bold: Bool) -> DrawnLabel {
        mixed(canvas, text, family: family, size: size, bold: bold)
    }

    /// Text with `$…$` math: text runs in `family` through Pango, math through MathType, all on
    /// one baseline. Without a balanced pair of `$` the whole string is text.
    public static func mixed(_ canvas: Canvas, _ text: String, family: String, size: Double, bold: Bool) -> DrawnLabel {
        // A label is one line: beyond a few thousand characters it runs far off any page, and
        // laying out a megabyte title (measured several times per figure) takes seconds.
        let text = text.count > maxLength ? String(text.prefix(maxLength)) + "…" : text
        let size = size.isFinite ? min(max(size, 0.1), PlotLimits.maxFontSize) : PlotStyle.labelSize
        let parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        let font = Fonts.description(family, size: size, bold: bold)
        guard parts.count >= 3, parts.count % 2 == 1 else {
            let t = TextLayout(canvas: canvas, markup: TextLayout.escape(text), font: font)
            return DrawnLabel(size: t.size, baseline: t.firstBaseline) { c, p, color in t.draw(on: c, at: p, color: color) }
        }
        enum Piece { case text(TextLayout), math(String, MathLayout) }
        var pieces: [Piece] = []
        // At least the font's line box (TeX's strut): "$x$" and "step $k$" then share a baseline
        // wherever labels are placed by their top, as axis labels of neighbouring panels are.
        let strut = TextLayout(canvas: canvas, markup: " ", font: font)
        var ascent = strut.firstBaseline, descent = strut.size.height - strut.firstBaseline, width = 0.0
        for (k, part) in parts.enumerated() where !part.isEmpty {
            if k % 2 == 0 {
                let t = TextLayout(canvas: canvas, markup: TextLayout.escape(part), font: font)
                pieces.append(.text(t))
                ascent = max(ascent, t.firstBaseline); descent = max(descent, t.size.height - t.firstBaseline)
                width += t.size.width
            } else {
                let m = MathRenderer.shared.layout(part, style: .text, size: size)
                pieces.append(.math(part, m))
                ascent = max(ascent, m.ascent); descent = max(descent, m.descent)
                width += m.width
            }
        }
        return DrawnLabel(size: Size(width, ascent + descent), baseline: ascent) { c, p, color in
            var x = p.x
            for piece in pieces {
                switch piece {
                case .text(let t):
                    t.draw(on: c, at: Point(x, p.y + ascent - t.firstBaseline), color: color)
                    x += t.size.width
                case .math(let tex, let m):
                    // Re-set in the drawing colour (math carries its colour in its glyph runs).
                    let coloured = color == .black ? m : MathRenderer.shared.layout(tex, style: .text, size: size, color: color)
                    coloured.draw(on: c, at: Point(x, p.y + ascent))
                    x += m.width
                }
            }
        }
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
