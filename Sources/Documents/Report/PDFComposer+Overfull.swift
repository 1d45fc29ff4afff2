import Foundation
import Graphics
import Notebook

/// Lines that run into the margin (a formula or a word wider than the line, which the
/// paragraph breaker lets through only as a last resort), kept with the Markdown line of
/// their block so that the render reports each one where the author can fix it.
extension PDFComposer {
    /// One line set wider than its measure.
    struct OverfullLine: Equatable {
        /// The Markdown line of the block (1 when the text is not from a block: the title).
        let sourceLine: Int
        /// The line within the paragraph, from 1.
        let lineInParagraph: Int
        /// How far the line reaches past the text block's edge, in points.
        let overflow: Double
    }

    /// Lines narrower than this past the edge are not worth a word (Pango rounds to 1/1024 pt).
    static let overfullTolerance = 0.1

    /// Records the overfull lines of `text`, at the block being set.
    func recordOverfullLines(of text: TextLayout) {
        guard !text.overfullLines.isEmpty, let width = text.width else { return }
        // The right edge of every line: one rectangle per line over the whole text.
        var edges: [Int: Double] = [:]
        for (line, rect) in text.rects(covering: 0..<(text.text.utf8.count + 1)) { edges[line] = rect.x + rect.width }
        for k in text.overfullLines {
            let overflow = (edges[k] ?? width) - width
            guard overflow > Self.overfullTolerance else { continue }
            // Blocks Folio adds (the reference list, an appendix) have no line of their own.
            let line = sourceLine.flatMap { (1..<ReferenceList.addedLine).contains($0) ? $0 : nil } ?? 1
            overfull.append(OverfullLine(sourceLine: line, lineInParagraph: k + 1, overflow: overflow))
        }
    }

    /// Every overfull line as a warning at its block's line (`--strict` makes them errors).
    /// - Parameter file: the notebook's path, as diagnostics name it.
    /// - Returns: one warning per overfull line, in the order they were set.
    func overfullWarnings(file: String) -> [Diagnostic] {
        overfull.map { o in
            let points = String(format: "%.1f", o.overflow)
            return Diagnostic(
                file: file, line: o.sourceLine, column: 1,
                message: "line \(o.lineInParagraph) of the paragraph runs \(points) pt into the margin "
                    + "(a formula or word wider than the line: break it, or shorten it)",
                severity: .warning)
        }
    }
}
