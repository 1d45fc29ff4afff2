import Graphics

/// Footnotes at the bottom of the page where their mark falls, under a short rule; the space
/// they take is taken from the text block as they are added.
extension PDFComposer {
    static let footnoteGap = 10.0

    var footnoteHeight: Double {
        footnotes.isEmpty ? 0 : footnotes.reduce(Self.footnoteGap) { $0 + $1.layout.size.height + 2 }
    }

    func drawFootnotes() {
        guard !footnotes.isEmpty else { return }
        var top = style.bottom - footnoteHeight + Self.footnoteGap
        canvas.move(to: Point(style.margin.left, top - 5))
        canvas.line(to: Point(style.margin.left + style.textWidth / 3, top - 5))
        canvas.stroke(style.muted, width: 0.4)
        for note in footnotes {
            // The mark in the text links here.
            canvas.destination("fn-\(note.number)", at: Point(style.margin.left, max(0, top - 4)))
            note.layout.draw(on: canvas, at: Point(style.margin.left, top), color: style.ink)
            top += note.layout.size.height + 2
        }
        footnotes = []
    }

    /// Footnotes of something drawn outside `flow` (a table row): set at this page's bottom.
    func addFootnotes(_ notes: [(number: Int, layout: TextLayout)]) { footnotes += notes }
}
