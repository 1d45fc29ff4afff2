import Graphics
import Notebook
import OutputChannel

/// A rendered notebook as a paginated PDF: title block, prose, code cells and their outputs.
public enum PDFReport {
    public static func render(_ notebook: RenderedNotebook) -> [UInt8] {
        let fm = notebook.document.frontMatter
        let style = PageStyle(paper: fm.paper)
        let canvas = Canvas(.pdf, width: style.width, height: style.height,
                            title: notebook.document.title, author: fm.author)
        let composer = PDFComposer(canvas: canvas, style: style)
        let writer = Writer(composer: composer, style: style, notebook: notebook)
        writer.titleBlock()
        writer.blocks(notebook.document.blocks, indent: 0)
        composer.finish()
        return canvas.finish()
    }

    final class Writer {
        let composer: PDFComposer
        let style: PageStyle
        let notebook: RenderedNotebook
        var outline: [Int32] = [0, 0, 0, 0, 0, 0, 0]

        init(composer: PDFComposer, style: PageStyle, notebook: RenderedNotebook) {
            (self.composer, self.style, self.notebook) = (composer, style, notebook)
        }

        var canvas: Canvas { composer.canvas }

        func titleBlock() {
            let fm = notebook.document.frontMatter
            guard fm.title != nil else { return }
            let centered = { [self] (markup: String, font: String) in
                composer.flow(composer.layout(markup, font: font, alignment: .center))
            }
            composer.space(6)
            centered("<b>" + TextLayout.escape(notebook.document.title) + "</b>", Fonts.description(Fonts.serif, size: 20))
            if let s = fm.subtitle { composer.space(4); centered(TextLayout.escape(s), Fonts.description(Fonts.serif, size: 13)) }
            if let a = fm.author { composer.space(10); centered(TextLayout.escape(a), Fonts.description(Fonts.serif, size: 12)) }
            if let d = fm.date { composer.space(4); centered(TextLayout.escape(d), Fonts.description(Fonts.serif, size: 11)) }
            if let abstract = fm.abstract {
                composer.space(16)
                centered("<b>Abstract</b>", Fonts.description(Fonts.serif, size: 9.5))
                composer.space(4)
                let indent = 36.0
                composer.flow(composer.layout(TextLayout.escape(abstract), font: Fonts.description(Fonts.serif, size: 9.5),
                                              indent: indent, width: style.textWidth - 2 * indent, justify: true),
                              indent: indent)
            }
            composer.space(22)
        }

        func blocks(_ blocks: [Block], indent: Double) {
            for block in blocks { self.block(block, indent: indent) }
        }

        func block(_ block: Block, indent: Double) {
            switch block {
            case .heading(let level, let content, _):
                let text = composer.layout(InlineMarkup.pango(content), font: style.heading(level), indent: indent)
                composer.space(level == 1 ? 16 : 12)
                // Keep a heading with at least three lines of what follows.
                composer.ensure(text.size.height + 3 * style.bodySize * 1.3)
                let title = content.plainText
                let parentLevel = max(0, min(level - 1, outline.count - 1))
                composer.flow(text, indent: indent, minLinesAtBottom: 1) { [self] baseline in
                    let id = canvas.addOutline(parent: outline[parentLevel], title: title, page: composer.page, y: baseline - 14)
                    if level < outline.count { outline[level] = id; for k in (level + 1)..<outline.count { outline[k] = id } }
                }
                composer.space(5)
            case .paragraph(let content, _):
                composer.flow(composer.layout(InlineMarkup.pango(content), font: style.body, indent: indent, justify: true), indent: indent)
                composer.space(7)
            case .displayMath(let tex, _):
                composer.space(2)
                composer.flow(composer.layout("<i>" + TextLayout.escape(tex) + "</i>", font: style.body, indent: indent, alignment: .center), indent: indent)
                composer.space(9)
            case .code(_, let text, _):
                codeBox(text, indent: indent)
                composer.space(8)
            case .cell(let cell):
                self.cell(cell, indent: indent)
            case .list(let ordered, let start, let items, _):
                for (k, item) in items.enumerated() {
                    let marker = ordered ? "\(start + k)." : "•"
                    let markerLayout = composer.layout(marker, font: style.body, width: 16, alignment: .right)
                    var first = true
                    for b in item {
                        if first, case .paragraph(let content, _) = b {
                            let text = composer.layout(InlineMarkup.pango(content), font: style.body, indent: indent + 20)
                            composer.flow(text, indent: indent + 20) { [self] baseline in
                                markerLayout.draw(on: canvas, at: Point(style.margin.left + indent,
                                                                        baseline - markerLayout.firstBaseline), color: style.ink)
                            }
                            composer.space(3)
                        } else {
                            self.block(b, indent: indent + 20)
                        }
                        first = false
                    }
                }
                composer.space(5)
            case .quote(let inner, _):
                blocks(inner, indent: indent + 18)
            case .table(let header, let rows, _):
                table(header: header, rows: rows, indent: indent)
                composer.space(9)
            case .rule:
                composer.space(6)
                composer.rule(color: style.codeBorder)
                composer.space(10)
            case .html:
                break
            }
        }

        func codeBox(_ text: String, indent: Double) {
            let layout = composer.layout(TextLayout.escape(text), font: style.code, indent: indent + 12, wrapAnywhere: true)
            composer.box(layout, indent: indent, background: style.codeBackground, border: style.codeBorder)
        }

        func cell(_ cell: Cell, indent: Double) {
            guard cell.options.include else { return }
            if cell.options.echo && !cell.code.isEmpty {
                codeBox(cell.code, indent: indent)
                composer.space(5)
            }
            guard cell.options.output else { return }
            for output in notebook.outputs[cell.index] ?? [] {
                switch output {
                case .stream(_, let text), .value(let text):
                    let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
                    guard !trimmed.isEmpty else { continue }
                    let layout = composer.layout(TextLayout.escape(trimmed), font: style.code, indent: indent + 16, wrapAnywhere: true)
                    composer.box(layout, indent: indent, padding: 4, background: .white, border: nil, leftRule: style.outputRule)
                    composer.space(5)
                case .figure(let figure):
                    composer.space(4)
                    composer.figure(figure)
                    if let caption = cell.options.caption {
                        composer.space(4)
                        composer.flow(composer.layout(TextLayout.escape(caption), font: Fonts.description(Fonts.serif, size: 9.5),
                                                      indent: indent, alignment: .center), indent: indent)
                    }
                    composer.space(8)
                case .error(let error):
                    var message = error.message
                    if let line = error.line { message = "\(notebook.document.path):\(line): \(message)" }
                    let layout = composer.layout(TextLayout.escape(message), font: style.code, indent: indent + 12, wrapAnywhere: true)
                    composer.box(layout, indent: indent, background: style.errorBackground, border: nil,
                                 leftRule: style.errorInk, color: style.errorInk)
                    composer.space(5)
                }
            }
            composer.space(4)
        }

        func table(header: [[Inline]], rows: [[[Inline]]], indent: Double) {
            let columns = max(header.count, rows.map(\.count).max() ?? 0)
            guard columns > 0 else { return }
            let width = (style.textWidth - indent) / Double(columns)
            let font = Fonts.description(Fonts.serif, size: 9.5)
            func row(_ cells: [[Inline]], bold: Bool) {
                let layouts = (0..<columns).map { c -> TextLayout in
                    let markup = c < cells.count ? InlineMarkup.pango(cells[c]) : ""
                    return composer.layout(bold ? "<b>\(markup)</b>" : markup, font: font, width: width - 8)
                }
                let h = (layouts.map(\.size.height).max() ?? 0) + 6
                composer.ensure(h)
                let top = composer.y
                for (c, l) in layouts.enumerated() {
                    l.draw(on: canvas, at: Point(style.margin.left + indent + Double(c) * width + 4, top + 3), color: style.ink)
                }
                composer.advance(h)
            }
            composer.rule(color: style.ink, width: 0.8)
            if !header.isEmpty { row(header, bold: true); composer.rule(color: style.ink, width: 0.5) }
            for r in rows { row(r, bold: false) }
            composer.rule(color: style.ink, width: 0.8)
        }
    }
}
