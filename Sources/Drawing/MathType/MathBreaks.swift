import Graphics

/// A place where a line of text may break inside an inline formula: after a top-level
/// relation or binary operator, as TeX allows (TeXbook, ch. 17: \relpenalty, \binoppenalty).
/// Lengths are from the formula's left end, in points once in a `MathLayout` (ems inside
/// the typesetter): the first piece ends at `after`, the next begins at `next` (the space
/// between them is dropped when the line breaks there).
public struct MathBreakPoint: Equatable, Sendable {
    public var after: Double, next: Double
    public var penalty: Int
    /// TeX's \relpenalty and \binoppenalty.
    public static let relationPenalty = 500
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
