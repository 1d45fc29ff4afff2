import Graphics

/// A place where a line of text may break inside an inline formula: after a top-level
/// relation or binary operator, as TeX allows (TeXbook, ch. 17: \relpenalty, \binoppenalty).
/// Lengths are from the formula's left end, in points once in a `MathLayout` (ems inside
/// the typesetter): the first piece ends at `after`, the next begins at `next` (the space
/// between them is dropped when the line breaks there).
public struct MathBreakPoint: Equatable, Sendable {
    /// `after`: where the piece before the break ends; `next`: where the piece after it begins
    /// (both from the formula's left end; the space between is dropped at a line break).
    public var after: Double, next: Double
    /// How bad a break here is, in TeX's units (0 free, 10 000 forbidden): ``relationPenalty`` after
    /// a relation, ``binaryPenalty`` after a binary operator.
    public var penalty: Int
    /// TeX's \relpenalty: the cost of breaking after a relation (=, <, →).
    public static let relationPenalty = 500
    /// TeX's \binoppenalty: breaking after a binary operator (+, −) costs more than after a relation.
    public static let binaryPenalty = 700
}

extension MathLayout {
    /// The formula cut at its break points: each piece's extent (from the formula's left end)
    /// and the space after it when the line does not break there.
    public var pieces: [(start: Double, end: Double, gapAfter: Double)] {
        var result: [(Double, Double, Double)] = []
        var start = 0.0
        for b in breakPoints {
            result.append((start, b.after, b.next - b.after))
            start = b.next
        }
        result.append((start, width, 0))
        return result
    }

    /// Draws the marks of the piece that begins at `start` (from `pieces`) and ends where the
    /// next piece begins, `end`, with the piece's left end at `origin`. A mark belongs to the
    /// piece its origin falls in.
    public func drawPiece(from start: Double, to end: Double, on canvas: Canvas, at origin: Point) {
        let lo = start - 1e-6, hi = end - 1e-6
        let isFirst = start <= 0, isLast = end >= width
        let chosen = items.filter { item in
            let x: Double
            switch item {
            case let .glyph(_, gx, _, _, _): x = gx * size
            case let .rule(rx, _, _, _, _): x = rx * size
            }
            return (isFirst || x >= lo) && (isLast || x < hi)
        }
        draw(chosen, on: canvas, at: Point(origin.x - start, origin.y))
    }
}

extension MathLayout {
    /// One piece of the formula (from `pieces`: the marks from `start` up to where the next
    /// piece begins, `end`) alone as an SVG document, for HTML pages that let the browser break
    /// a line between pieces. Every piece has the whole formula's height, its baseline
    /// `padding.vertical + ascent` below the top, so pieces set side by side line up; `left`
    /// and `right` padding go only where the formula itself ends.
    ///
    ///     let f = MathRenderer.shared.layout("a = b + c", size: 12)
    ///     let svgs = f.pieces.enumerated().map { k, p in
    ///         f.pieceSVG(from: p.start, to: p.end + p.gapAfter,
    ///                    padding: (k == 0 ? 1 : 0, k == f.pieces.count - 1 ? 1 : 0, 1), idPrefix: "m1-\(k)")
    ///     }
    ///
    /// - Parameters:
    ///   - start: The piece's left end, in points from the formula's left end.
    ///   - end: Where the next piece begins (the piece's right end plus the space after it).
    ///   - padding: Points of empty room left, right, and above and below.
    ///   - idPrefix: Starts every id in the document, unique per piece on a page (see `svg`).
    /// - Returns: The SVG document's bytes, byte-identical for the same inputs.
    public func pieceSVG(
        from start: Double, to end: Double, padding: (left: Double, right: Double, vertical: Double), idPrefix: String
    ) -> [UInt8] {
        let canvas = Canvas(
            .svg, width: max(end - start, 0.01) + padding.left + padding.right, height: max(height, 1) + 2 * padding.vertical)
        drawPiece(from: start, to: end, on: canvas, at: Point(padding.left, padding.vertical + ascent))
        return Self.renamingIds(canvas.finish(), idPrefix: idPrefix)
    }
}
