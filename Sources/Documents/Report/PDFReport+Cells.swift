import Graphics
import Notebook
import OutputChannel

/// Code cells in the PDF: the highlighted code, then its outputs — text in a ruled box,
/// figures drawn as vector at their physical size with numbered captions, errors in red.
extension PDFReport.Writer {
    func codeBox(_ text: String, swift: Bool, indent: Double) {
        // Columns that fit: the box's text width over DejaVu Sans Mono's advance (0.602 em).
        let columns = Int((style.textWidth - indent - 24) / (0.602 * style.codeSize))
        let text = CodeWrap.wrap(text, columns: columns)
        let chunks = swift ? TextChunks.swift(text) : TextChunks.plain(text, columns: columns)
        let layouts = chunks.map { composer.layout($0, font: style.code, indent: indent + 12, wrapAnywhere: true) }
        composer.box(layouts, indent: indent, background: style.codeBackground, border: style.codeBorder)
    }

    /// Plain text in a box, laid out in chunks (see TextChunks), `inset` narrower than the text block.
    func textBox(
        _ text: String, indent: Double, inset: Double, padding: Double, background: Color,
        leftRule: Color?, color: Color? = nil
    ) {
        let columns = Int((style.textWidth - indent - inset) / (0.602 * style.codeSize)) - 1
        let layouts = TextChunks.plain(text, columns: columns).map {
            composer.layout($0, font: style.code, indent: indent + inset, wrapAnywhere: true)
        }
        composer.box(layouts, indent: indent, padding: padding, background: background, border: nil, leftRule: leftRule, color: color)
    }

    func captionLayout(kind: String, number: String?, text: [Inline]?, indent: Double) -> (TextLayout, RichText)? {
        guard number != nil || text != nil else { return nil }
        var rich = RichText()
        if let number { rich.tag("<b>"); rich.text("\(kind) \(number):"); rich.tag("</b>"); if text != nil { rich.text(" ") } }
        if let text { InlineMarkup.pango(text, context, into: &rich) }
        let width = min(style.textWidth - indent, 400)
        return (composer.layout(rich, font: style.caption, width: width, alignment: .center), rich)
    }

    func drawCaption(_ caption: (TextLayout, RichText), indent: Double) {
        let width = min(style.textWidth - indent, 400)
        let offset = indent + (style.textWidth - indent - width) / 2
        composer.flow(caption.0, indent: offset, minLinesAtBottom: 3, rich: caption.1, footnote: footnoteLayout)
    }

    /// A paragraph that is only a PNG image: a figure, numbered when labelled `{#fig-x}`,
    /// captioned with its alt text.
    func imageFigure(_ image: LocalImages.Image, size: Size, alt: [Inline], label: String?, line: Int, indent: Double) {
        let caption = captionLayout(kind: "Figure", number: numbering.imageFigureNumbers[line], text: alt.isEmpty ? nil : alt, indent: indent)
        composer.space(6)
        let rect = composer.place(size, indent: indent, keepWith: caption.map { $0.0.size.height + 6 } ?? 0) { [canvas] rect, _ in
            canvas.drawPNG(path: image.source.path, in: rect)
        }
        if let label { canvas.destination(label, at: Point(style.margin.left, max(0, rect.y - 12))) }
        if let caption { composer.space(6); drawCaption(caption, indent: indent) }
        composer.space(10)
    }

    func cell(_ cell: Cell, indent: Double) {
        guard cell.options.include else { return }
        let outputs = cell.options.output ? notebook.outputs[cell.index] ?? [] : []
        let figureCount = outputs.filter {
            if case .figure = $0 { return true }; return false
        }.count
        if cell.options.echo && !cell.code.isEmpty {
            composer.space(2)
            codeBox(cell.code, swift: true, indent: indent)
            composer.space(5)
        }
        // A table cell's caption goes above its output; a figure's below the last figure.
        let tableNumber = numbering.cellTableNumbers[cell.index]
        if tableNumber != nil, let caption = captionLayout(kind: "Table", number: tableNumber, text: numbering.captions[cell.index], indent: indent) {
            // Keep the caption with the table below it when the output is a results table.
            let table = outputs.lazy.compactMap {
                if case .table(let t) = $0 { return t }; return nil
            }.first
            composer.ensure(caption.0.size.height + 8 + (table.map { composer.placedHeight(of: $0, indent: indent) } ?? 26))
            if let label = cell.options.label { composer.destination(label, offset: 6) }
            drawCaption(caption, indent: indent)
            composer.space(4)
        }
        var figuresSeen = 0
        for output in outputs {
            switch output {
            case .stream(_, let text), .value(let text):
                let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
                guard !trimmed.isEmpty else { continue }
                textBox(trimmed, indent: indent, inset: 16, padding: 4, background: .white, leftRule: style.outputRule)
                composer.space(5)
            case .table(let table):
                composer.space(4)
                composer.table(table, indent: indent)
                composer.space(10)
            case .figure(let figure):
                figuresSeen += 1
                let last = figuresSeen == figureCount
                let caption =
                    last && tableNumber == nil
                    ? captionLayout(kind: "Figure", number: numbering.figureNumbers[cell.index], text: numbering.captions[cell.index], indent: indent)
                    : nil
                composer.space(6)
                let keep = caption.map { $0.0.size.height + 6 } ?? 0
                let rect = composer.figure(figure, indent: indent, keepWith: keep)
                if figuresSeen == 1, tableNumber == nil, let label = cell.options.label {
                    canvas.destination(label, at: Point(style.margin.left, max(0, rect.y - 12)))
                }
                if let caption {
                    composer.space(6)
                    drawCaption(caption, indent: indent)
                }
                composer.space(10)
            case .error(let error):
                var message = error.message
                if let line = error.line { message = "\(notebook.document.path):\(line): \(message)" }
                textBox(
                    message, indent: indent, inset: 12, padding: 6, background: style.errorBackground,
                    leftRule: style.errorInk, color: style.errorInk)
                composer.space(5)
            case .published: continue  // for a sweep's aggregate page (SweepAggregate)
            }
        }
        composer.space(4)
    }
}
