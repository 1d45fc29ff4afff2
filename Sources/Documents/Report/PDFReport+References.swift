import Graphics
import Notebook

/// The reference list on the page, set as a bibliography is: justified like the body, a
/// little space between entries; with a hanging indent (author-date styles) every line after an entry's
/// first is indented, and a numeric style's labels ("[12]") stand in a column of their own,
/// as wide as the widest label, with the entries' text aligned beside them.
extension PDFReport.Writer {
    /// The indent of an entry's later lines (1.5 em of the body size, as Pandoc's LaTeX).
    var hangingIndent: Double { style.bodySize * 1.5 }

    func referenceList(_ d: FencedDiv, indent: Double) {
        if let id = d.id { composer.destination(id, offset: 12) }
        let hanging = d.classes.contains("hanging-indent")
        let entries = d.blocks.map(ReferenceEntry.init)
        let labels = entries.map { $0.label.map { composer.layout(InlineMarkup.pango($0, context), font: style.body) } }
        let column = labels.compactMap { $0?.size.width }.max().map { $0 + style.bodySize * 0.6 } ?? 0
        for (entry, label) in zip(entries, labels) {
            guard let text = entry.text else {
                blocks([entry.block], indent: indent)
                continue
            }
            composer.space(3)
            if let id = entry.id { composer.destination(id, offset: 12) }
            if let label {
                paragraph(text, indent: indent + column) { [self] baseline in
                    label.draw(on: canvas, at: Point(style.margin.left + indent, baseline - label.firstBaseline), color: style.ink)
                }
            } else if hanging {
                hangingParagraph(text, indent: indent)
            } else {
                paragraph(text, indent: indent)
            }
            composer.space(3)
        }
        composer.space(6)
    }

    /// An entry whose first line starts at `indent` and the others `hangingIndent` further in,
    /// justified like the body: the text is set in the narrower measure of the later lines,
    /// and an empty box of width −`hangingIndent` opens it, so the first line holds as much as
    /// the full measure and starts at `indent` (TeX's `\hangindent`, on Knuth–Plass breaking).
    private func hangingParagraph(_ content: [Inline], indent: Double) {
        var rich = RichText()
        rich.box(MathBox(width: -hangingIndent, ascent: 0, descent: 0) { _, _ in })
        context.hyphenator = Hyphenator.english
        InlineMarkup.pango(content, context, into: &rich)
        context.hyphenator = nil
        let text = composer.layout(rich, font: style.body, indent: indent + hangingIndent, justify: true)
        composer.flow(text, indent: indent + hangingIndent, rich: rich)
    }
}

/// One block of a reference list: an entry's id, its label (numeric styles) and its text, or
/// another block the author put in the `::: {#refs}` div.
struct ReferenceEntry {
    let block: Block
    var id: String?
    var label: [Inline]?
    var text: [Inline]?

    init(_ block: Block) {
        self.block = block
        guard case .div(let d) = block, d.classes.contains("csl-entry") else { return }
        id = d.id
        for b in d.blocks {
            switch b {
            case .paragraph(let c, _): text = c
            case .div(let part) where part.classes.contains("csl-left-margin"): label = part.blocks.first?.paragraphInlines
            case .div(let part) where part.classes.contains("csl-right-inline"): text = part.blocks.first?.paragraphInlines
            default: break
            }
        }
    }
}
