import Graphics
import Notebook

/// The reference list on the page, set as a bibliography is: ragged right, a little space
/// between entries; with a hanging indent (author-date styles) every line after an entry's
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
                paragraph(text, indent: indent + column, justify: false) { [self] baseline in
                    label.draw(on: canvas, at: Point(style.margin.left + indent, baseline - label.firstBaseline), color: style.ink)
                }
            } else if hanging {
                hangingParagraph(text, indent: indent)
            } else {
                paragraph(text, indent: indent, justify: false)
            }
            composer.space(3)
        }
        composer.space(6)
    }

    /// An entry whose first line starts at `indent` and the others `hangingIndent` further in.
    /// Entries are a few lines: one that does not fit at the page bottom starts the next page
    /// (one taller than a page is set as a plain paragraph, which breaks across pages).
    private func hangingParagraph(_ content: [Inline], indent: Double) {
        let rich = InlineMarkup.pango(content, context)
        let text = composer.layout(rich, font: style.body, indent: indent + hangingIndent, justify: false)
        let lines = text.lines
        guard let first = lines.first, let last = lines.last else { return }
        let height = last.top + last.height - first.top
        guard height < style.bottom - style.margin.top - 24 else { return paragraph(content, indent: indent, justify: false) }
        composer.ensure(height)
        let top = composer.y, x = style.margin.left + indent
        func shift(_ line: Int) -> Double { line == 0 ? 0 : hangingIndent }
        text.drawLines(0..<1, on: canvas, x: x, top: top, color: style.ink)
        if lines.count > 1 { text.drawLines(1..<lines.count, on: canvas, x: x + hangingIndent, top: top + lines[1].top - first.top, color: style.ink) }
        for link in rich.links {
            let rects = text.rects(covering: link.range).map {
                Rect(x: x + shift($0.line) + $0.rect.x, y: top - first.top + $0.rect.y, width: $0.rect.width, height: $0.rect.height)
            }
            switch link.target {
            case .uri(let u): canvas.linkArea(rects, uri: u)
            case .destination(let d): canvas.linkArea(rects, destination: d)
            }
        }
        composer.advance(height)
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
