import Graphics
import MathType
import Notebook

/// Pango markup being built, together with what sits at which byte of its plain text:
/// link areas to place over glyphs, footnote marks, and inline boxes (typeset math).
/// Offsets count UTF-8 bytes of the text without tags, as Pango's layout indices do.
struct RichText {
    enum Target: Equatable { case uri(String), destination(String) }

    private(set) var markup = ""
    private(set) var length = 0
    private(set) var links: [(range: Range<Int>, target: Target)] = []
    private(set) var footnotes: [(offset: Int, number: Int, blocks: [Block])] = []
    private(set) var boxes: [(offset: Int, math: MathBox)] = []
    /// Where a line may break inside a formula (a space between two of its pieces).
    private(set) var mathBreaks: [TextLayout.MathBreak] = []

    /// Plain text, escaped for the markup and counted.
    mutating func text(_ s: String) {
        markup += TextLayout.escape(s)
        length += s.utf8.count
    }

    /// A tag or other markup that adds no text.
    mutating func tag(_ s: String) { markup += s }

    mutating func link(_ target: Target, _ body: (inout RichText) -> Void) {
        let start = length
        body(&self)
        if length > start { links.append((start..<length, target)) }
    }

    mutating func footnote(number: Int, blocks: [Block]) {
        footnotes.append((length, number, blocks))
        tag("<sup><small>")
        link(.destination("fn-\(number)")) { $0.text("\(number)") }
        tag("</small></sup>")
    }

    /// One object-replacement character whose room in the line is `box`'s size.
    mutating func box(_ box: MathBox) {
        boxes.append((length, box))
        text("\u{FFFC}")
    }

    /// An inline formula, as pieces a line may break between (after its top-level relations
    /// and binary operators): one box per piece, a space between them that `breakParagraph`
    /// sets to the formula's own spacing, or turns into the line break.
    mutating func math(_ layout: MathLayout) {
        let pieces = layout.pieces
        for (k, piece) in pieces.enumerated() {
            let next = piece.end + piece.gapAfter
            let draw: (Canvas, Point) -> Void =
                pieces.count == 1
                ? { canvas, origin in layout.draw(on: canvas, at: origin) }
                : { canvas, origin in layout.drawPiece(from: piece.start, to: next, on: canvas, at: origin) }
            box(MathBox(width: piece.end - piece.start, ascent: layout.ascent, descent: layout.descent, draw: draw))
            if k < layout.breakPoints.count {
                mathBreaks.append(.init(offset: length, penalty: layout.breakPoints[k].penalty, gap: piece.gapAfter))
                text(" ")
            }
        }
    }

    /// Room for the inline boxes, to apply to the layout made from `markup`.
    var inlineBoxes: [TextLayout.InlineBox] {
        boxes.map {
            TextLayout.InlineBox(
                offset: $0.offset, length: 3, width: $0.math.width,
                ascent: $0.math.ascent, descent: $0.math.descent, draw: $0.math.draw)
        }
    }
}
