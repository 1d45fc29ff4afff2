import Graphics
import Notebook
import OutputChannel

/// Code cells in the PDF: the highlighted code, then its outputs — text in a ruled box,
/// figures drawn as vector at their physical size with numbered captions, errors in red.
/// Figures and captioned results tables float (`PDFComposer.float`, the cell's `fig-pos`);
/// the code keeps with the first lines of an output that does not.
extension PDFReport.Writer {
    func codeBox(_ text: String, swift: Bool, indent: Double, keepWith: Double = 0) {
        // Columns that fit: the box's text width over DejaVu Sans Mono's advance (0.602 em).
        let columns = Int((style.textWidth - indent - 24) / (0.602 * style.codeSize))
        let text = CodeWrap.wrap(text, columns: columns)
        let chunks = swift ? TextChunks.swift(text) : TextChunks.plain(text, columns: columns)
        let layouts = chunks.map { composer.layout($0, font: style.code, indent: indent + 12, wrapAnywhere: true) }
        composer.box(layouts, indent: indent, background: style.codeBackground, border: style.codeBorder, keepWith: keepWith)
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
        let keep = caption.map { $0.0.size.height + 6 } ?? 0
        let height = size.height * composer.placementScale(size, indent: indent, keepWith: keep) + keep
        composer.float(height: height, position: indent == 0 ? .default : .fixed, before: 6, after: 10) { [self] in
            let rect = composer.place(size, indent: indent, keepWith: keep) { [canvas] rect, _ in
                canvas.drawPNG(path: image.source.path, in: rect)
            }
            if let label { canvas.destination(label, at: Point(style.margin.left, max(0, rect.y - 12))) }
            if let caption { composer.space(6); drawCaption(caption, indent: indent) }
        }
    }

    func cell(_ cell: Cell, indent: Double) {
        guard cell.options.include else { return }
        let outputs = cell.options.output ? notebook.outputs[cell.index] ?? [] : []
        let figureCount = outputs.filter {
            if case .figure = $0 { return true }; return false
        }.count
        // Inside a list, quote or callout a figure stays in it: only the top level floats.
        let position = indent == 0 ? cell.options.figurePosition : .fixed
        // A table cell's caption goes above its output; a figure's below the last figure.
        let tableNumber = numbering.cellTableNumbers[cell.index]
        let tableCaption = tableNumber.flatMap {
            captionLayout(kind: "Table", number: $0, text: numbering.captions[cell.index], indent: indent)
        }
        let table = outputs.lazy.compactMap {
            if case .table(let t) = $0 { return t }; return nil
        }.first
        // A captioned results table that is the cell's only output floats with its caption.
        let floatingTable = tableCaption != nil && outputs.count == 1 && table != nil && !position.isFixed
        if cell.options.echo && !cell.code.isEmpty {
            composer.space(2)
            let keep = floatingTable ? 0 : leadHeight(outputs, tableCaption: tableCaption, position: position, indent: indent)
            codeBox(cell.code, swift: true, indent: indent, keepWith: keep.map { $0 + 5 } ?? 0)
            composer.space(5)
        }
        if let caption = tableCaption, !floatingTable {
            // Keep the caption with the table below it when the output is a results table.
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
                guard floatingTable, let caption = tableCaption else {
                    composer.space(4)
                    composer.table(table, indent: indent)
                    composer.space(10)
                    continue
                }
                let height = caption.0.size.height + 8 + composer.placedHeight(of: table, indent: indent)
                composer.float(height: height, position: position, before: 4, after: 10) { [self] in
                    if let label = cell.options.label { composer.destination(label, offset: 6) }
                    drawCaption(caption, indent: indent)
                    composer.space(8)
                    composer.table(table, indent: indent)
                }
            case .figure(let figure):
                figuresSeen += 1
                let last = figuresSeen == figureCount
                let caption =
                    last && tableNumber == nil
                    ? captionLayout(kind: "Figure", number: numbering.figureNumbers[cell.index], text: numbering.captions[cell.index], indent: indent)
                    : nil
                let keep = caption.map { $0.0.size.height + 6 } ?? 0
                let size = Size(figure.width, figure.height)
                let height = size.height * composer.placementScale(size, indent: indent, keepWith: keep) + keep
                let first = figuresSeen == 1
                composer.float(height: height, position: position, before: 6, after: 10) { [self] in
                    let rect = composer.figure(figure, indent: indent, keepWith: keep)
                    if first, tableNumber == nil, let label = cell.options.label {
                        canvas.destination(label, at: Point(style.margin.left, max(0, rect.y - 12)))
                    }
                    if let caption {
                        composer.space(6)
                        drawCaption(caption, indent: indent)
                    }
                }
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

    /// What a cell's code keeps with on its page: the first lines of the first thing shown
    /// below it (a caption with its table, two lines of printed text or of an error, a figure
    /// that does not float), or nil when that floats or nothing is shown.
    func leadHeight(_ outputs: [CellOutput], tableCaption: (TextLayout, RichText)?, position: FigurePosition, indent: Double) -> Double? {
        let codeLine = composer.layout("x", font: style.code).lines[0].height
        if let caption = tableCaption {
            let table = outputs.lazy.compactMap {
                if case .table(let t) = $0 { return t }; return nil
            }.first
            return caption.0.size.height + 8 + (table.map { composer.placedHeight(of: $0, indent: indent) } ?? 26)
        }
        for output in outputs {
            switch output {
            case .stream(_, let text), .value(let text):
                let trimmed = text.hasSuffix("\n") ? text.dropLast() : Substring(text)
                guard !trimmed.isEmpty else { continue }
                let lines = trimmed.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).count
                return 8 + Double(lines) * codeLine
            case .table(let table): return 4 + composer.placedHeight(of: table, indent: indent)
            case .figure(let figure):
                guard position.isFixed else { return nil }
                let size = Size(figure.width, figure.height)
                return 6 + size.height * composer.placementScale(size, indent: indent)
            case .error: return 12 + 2 * codeLine
            case .published: continue
            }
        }
        return nil
    }
}
