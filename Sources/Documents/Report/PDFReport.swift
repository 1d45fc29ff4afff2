import Graphics
import MathType
import Notebook
import OutputChannel

/// A rendered notebook as a paginated PDF, typeset like a LaTeX article: title block, optional
/// table of contents, numbered sections, prose with links and footnotes, numbered equations,
/// code cells with syntax colouring and their outputs, numbered figures and tables, clickable
/// cross references, an outline of the headings, and document metadata.
public enum PDFReport {
    /// Resolves the notebook, then renders it: for a PDF alone (the publishing path resolves
    /// once for all formats and calls `render(_: ResolvedNotebook)`).
    public static func render(_ notebook: ExecutedNotebook) -> [UInt8] { render(ResolvedNotebook(notebook)) }

    public static func render(_ resolved: ResolvedNotebook) -> [UInt8] {
        // A table of contents needs the pages of the headings, a deferred proof's note its page:
        // lay out once to learn them
        // (the contents take the same room with any page numbers), then for real.
        var pages: [String: Int] = [:]
        if resolved.document.frontMatter.toc || !resolved.numbering.deferredProofs.isEmpty {
            let first = Writer(resolved, headingPages: nil)
            first.write()
            pages = first.recordedPages
            _ = first.composer.canvas.finish()
        }
        let writer = Writer(resolved, headingPages: pages)
        writer.write()
        resolved.warnings.add(writer.composer.overfullWarnings(file: resolved.warnings.file))
        return writer.composer.canvas.finish()
    }

    final class Writer {
        let composer: PDFComposer
        let style: PageStyle
        let notebook: ExecutedNotebook
        let numbering: Numbering
        let context: InlineContext
        let images: LocalImages
        /// Pages of the headings from a first pass, for the table of contents.
        let headingPages: [String: Int]?
        /// Pages of headings and deferred proofs, for the contents and "Proof on p. N".
        var recordedPages: [String: Int] = [:]
        private var outline: [Int32] = [0, 0, 0, 0, 0, 0, 0]
        private var listDepth = 0
        /// The font of paragraphs inside a statement (italic in a theorem), nil for the body's.
        var bodyFont: String?

        init(_ resolved: ResolvedNotebook, headingPages: [String: Int]?) {
            let (notebook, numbering) = (resolved.notebook, resolved.numbering)
            let fm = notebook.document.frontMatter
            style = PageStyle(paper: fm.paper)
            let canvas = Canvas(.pdf, width: style.width, height: style.height, title: notebook.document.title, author: fm.author)
            canvas.setMetadata(subject: AbstractText.plain(notebook.document) ?? fm.subtitle, keywords: nil)
            composer = PDFComposer(canvas: canvas, style: style)
            composer.runningHead = RunningHead.escaped(notebook.document.title)
            (self.notebook, self.numbering, self.headingPages) = (notebook, numbering, headingPages)
            context = InlineContext(numbering: numbering)
            images = resolved.images
        }

        var canvas: Canvas { composer.canvas }

        func write() {
            titleBlock()
            if notebook.document.frontMatter.toc { tableOfContents() }
            blocks(notebook.document.blocks, indent: 0)
            composer.finish()
        }

        // MARK: Front matter

        func titleBlock() {
            let fm = notebook.document.frontMatter
            guard fm.title != nil else { return }
            let centered = { [self] (markup: String, font: String) in
                composer.flow(composer.layout(markup, font: font, alignment: .center))
            }
            composer.space(6)
            centered(TextLayout.escape(notebook.document.title), Fonts.description(Fonts.serif, size: 17.28))
            if let s = fm.subtitle { composer.space(4); centered(TextLayout.escape(s), Fonts.description(Fonts.serif, size: 12)) }
            if let a = fm.author { composer.space(12); centered(TextLayout.escape(a), Fonts.description(Fonts.serif, size: 12)) }
            if let d = fm.date { composer.space(6); centered(TextLayout.escape(d), Fonts.description(Fonts.serif, size: 12)) }
            if let abstract = fm.abstract {
                composer.space(20)
                centered("<b>Abstract</b>", style.small)
                composer.space(4)
                let indent = 36.0
                // Set at the abstract's 9 pt, math included.
                context.hyphenator = Hyphenator.english
                context.mathSize = 9
                let rich = InlineMarkup.pango(notebook.document.abstractInlines ?? [.text(abstract)], context)
                context.hyphenator = nil
                context.mathSize = MathSetter.bodySize
                composer.sourceLine = fm.abstractPosition?.line
                composer.flow(
                    composer.layout(rich, font: style.small, indent: indent, width: style.textWidth - 2 * indent, justify: true),
                    indent: indent, rich: rich)
            }
            composer.space(20)
        }

        func tableOfContents() {
            composer.space(4)
            let title = composer.layout("<b>Contents</b>", font: style.heading(2))
            composer.flow(
                title, minLinesAtBottom: 1,
                onFirstLine: { [self] baseline in
                    canvas.addOutline(title: "Contents", page: composer.page, y: baseline - 14)
                })
            composer.space(6)
            for h in numbering.headings where h.level <= 3 {
                let indent = Double(h.level - 1) * 16
                let page = headingPages?[h.anchor].map(String.init) ?? "0"
                var text = RichText()
                let numberWidth = h.level == 1 ? 18.0 : 26.0
                if h.level == 1 { text.tag("<b>") }
                text.link(.destination(h.anchor)) { t in
                    InlineMarkup.pango(h.title, InlineContext(numbering: numbering), into: &t)
                }
                if h.level == 1 { text.tag("</b>") }
                let entry = composer.layout(text, font: style.body, indent: indent + numberWidth, width: style.textWidth - indent - numberWidth - 30)
                let pageLayout = composer.layout(h.level == 1 ? "<b>\(page)</b>" : page, font: style.body, width: 30, alignment: .right)
                let numberLayout = composer.layout(h.level == 1 ? "<b>\(h.number ?? "")</b>" : h.number ?? "", font: style.body, width: numberWidth)
                composer.space(h.level == 1 ? 5 : 1)
                composer.flow(
                    entry, indent: indent + numberWidth, minLinesAtBottom: 1, rich: text,
                    onFirstLine: { [self] baseline in
                        let top = baseline - entry.firstBaseline
                        numberLayout.draw(on: canvas, at: Point(style.margin.left + indent, top), color: style.ink)
                        pageLayout.draw(on: canvas, at: Point(style.margin.left + style.textWidth - 30, top), color: style.ink)
                        canvas.linkArea(
                            [Rect(x: style.margin.left + style.textWidth - 30, y: top, width: 30, height: entry.lines[0].height)],
                            destination: h.anchor)
                    })
            }
            composer.space(18)
        }

        // MARK: Blocks

        func blocks(_ blocks: [Block], indent: Double) {
            // (Consecutive headings stay together with the text after the last: the composer
            // holds each heading until a block that is not one comes.)
            for block in blocks {
                composer.sourceLine = block.sourceLine
                self.block(block, indent: indent)
            }
        }

        func paragraph(
            _ content: [Inline], font: String? = nil, indent: Double, justify: Bool = true,
            onFirstLine: ((Double) -> Void)? = nil
        ) {
            context.hyphenator = justify ? Hyphenator.english : nil
            let rich = InlineMarkup.pango(content, context)
            context.hyphenator = nil
            let layout = composer.layout(rich, font: font ?? bodyFont ?? style.body, indent: indent, justify: justify)
            composer.flow(layout, indent: indent, rich: rich, footnote: footnoteLayout, onFirstLine: onFirstLine)
        }

        func footnoteLayout(_ number: Int, _ blocks: [Block]) -> TextLayout {
            var text = RichText()
            text.tag("<sup>"); text.text("\(number)"); text.tag("</sup>\u{2002}")
            for case let content? in blocks.map(\.paragraphInlines) { InlineMarkup.pango(content, context, into: &text); text.text(" ") }
            return composer.layout(text, font: Fonts.description(Fonts.serif, size: 8.5), justify: true)
        }

        func block(_ block: Block, indent: Double) {
            switch block {
            case .heading(let level, let content, let line):
                heading(level: level, content: content, line: line, indent: indent)
            case .paragraph(let content, _):
                paragraph(content, indent: indent)
                composer.space(6)
            case .imageFigure(let figure, let line):
                // An image without a size (not a PNG, remote, missing) is set as its line of text.
                if let image = images.images[figure.url], let size = image.size {
                    imageFigure(image, size: size, alt: figure.alt, label: figure.label, line: line, indent: indent)
                } else {
                    paragraph(figure.inlines, indent: indent)
                    composer.space(6)
                }
            case .displayMath(let tex, _):
                displayMath(tex, label: nil, indent: indent)
            case .equation(let tex, let label, _):
                displayMath(tex, label: label, indent: indent)
            case .code(let language, let text, _):
                codeBox(text, swift: language == "swift", indent: indent)
                composer.space(8)
            case .cell(let cell):
                self.cell(cell, indent: indent)
            case .list(let ordered, let start, let items, _):
                list(ordered: ordered, start: start, items: items, indent: indent)
            case .quote(let inner, _):
                composer.space(2)
                composer.beginQuoteRule(x: style.margin.left + indent + 6)
                blocks(inner, indent: indent + 18)
                composer.endQuoteRule()
                composer.space(6)
            case .table(let header, let rows, let caption, _):
                table(header: header, rows: rows, indent: indent, caption: caption)
                composer.space(10)
            case .rule:
                composer.space(6)
                composer.rule(color: style.codeBorder)
                composer.space(10)
            case .html:
                break
            case .div(let d):
                div(d, indent: indent)
            }
        }

        /// A heading as plain text for the PDF outline and the running head: math as Unicode.
        static func plainTitle(_ content: [Inline]) -> String {
            content.map { inline -> String in
                if case .math(let tex) = inline { return MathPlainText.plain(tex) }
                return [inline].plainText
            }.joined()
        }

        func heading(level: Int, content: [Inline], line: Int, indent: Double) {
            let info = numbering.heading(atLine: line)
            var rich = RichText()
            if notebook.numberSections, let n = info?.number { rich.text(n); rich.text("\u{2003}") }
            context.mathSize = style.headingSize(level)
            InlineMarkup.pango(content, context, into: &rich)
            context.mathSize = MathSetter.bodySize
            let text = composer.layout(rich, font: style.heading(level), indent: indent)
            composer.space(level == 1 ? 18 : 13)
            // A heading goes on the page of what follows it (two lines of it at least).
            composer.keepWithNext()
            let title = (info?.number.map { notebook.numberSections ? $0 + " " : "" } ?? "") + Self.plainTitle(content)
            let parentLevel = max(0, min(level - 1, outline.count - 1))
            composer.flow(text, indent: indent, minLinesAtBottom: 1, rich: rich, footnote: footnoteLayout) { [self] baseline in
                let id = canvas.addOutline(parent: outline[parentLevel], title: title, page: composer.page, y: baseline - 14)
                if level < outline.count { outline[level] = id; for k in (level + 1)..<outline.count { outline[k] = id } }
                if level == (numbering.headings.map(\.level).min() ?? 1) {
                    composer.beginSection((info?.number.map { notebook.numberSections ? $0 + " " : "" } ?? "") + RunningHead.source(content))
                }
                if let anchor = info?.anchor {
                    canvas.destination(anchor, at: Point(style.margin.left, max(0, baseline - 18)))
                    recordedPages[anchor] = composer.page
                }
            }
            composer.space(level == 1 ? 6 : 4)
        }

        /// With `qed` (a proof ending in display math), ∎ sits at the right margin, level with
        /// the formula's middle, or under its number.
        func displayMath(_ source: String, label: String?, indent: Double, qed: Bool = false) {
            // `\tag{…}` names the equation itself (`\tag*{…}` without parentheses); a label numbers it.
            let (tex, number) = MathSetter.equationNumber(source, numbered: label.flatMap { numbering.equationNumbers[$0] })
            let numberLayout = number.map { composer.layout(TextLayout.escape($0), font: style.body) }
            // The number beside the formula, or under it when both do not fit (MathSetter.displayPDF).
            let math = MathSetter.displayPDF(tex, number: numberLayout, width: style.textWidth - indent)
            composer.space(4)
            composer.ensure(math.height)
            if let label { composer.destination(label, offset: 12) }
            let top = composer.y
            math.draw(canvas, Point(style.margin.left + indent, top))
            if qed {
                let mark = Self.qedMark
                // Level with the formula's middle, or on a line under its number.
                let baseline = numberLayout == nil ? top + (math.height + mark.ascent) / 2 : top + math.height + 2 + mark.ascent
                mark.draw(on: canvas, at: Point(style.margin.left + style.textWidth - mark.width, baseline))
                if numberLayout != nil { composer.advance(mark.ascent + mark.descent + 4) }
            }
            composer.advance(math.height)
            composer.space(9)
        }

        func list(ordered: Bool, start: Int, items: [[Block]], indent: Double) {
            listDepth += 1
            defer { listDepth -= 1 }
            let bullets = ["•", "–", "∗", "·"]
            let markerWidth = 16.0, gap = 6.0
            composer.space(listDepth == 1 ? 2 : 0)
            for (k, item) in items.enumerated() {
                var item = item
                var marker = ordered ? "\(start + k)." : bullets[(listDepth - 1) % bullets.count]
                // A task item shows its box in the bullet's place.
                if case .paragraph(let content, let l)? = item.first, case .checkbox(let checked)? = content.first {
                    marker = checked ? "☑" : "☐"
                    item[0] = .paragraph(Array(content.dropFirst()), line: l)
                }
                let markerLayout = composer.layout(TextLayout.escape(marker), font: style.body, width: markerWidth, alignment: .right)
                let textIndent = indent + markerWidth + gap
                for (b, blockInItem) in item.enumerated() {
                    if b == 0, let content = blockInItem.paragraphInlines {
                        paragraph(content, indent: textIndent) { [self] baseline in
                            markerLayout.draw(
                                on: canvas, at: Point(style.margin.left + indent, baseline - markerLayout.firstBaseline),
                                color: style.ink)
                        }
                        composer.space(2.5)
                    } else {
                        self.blocks([blockInItem], indent: textIndent)
                    }
                }
            }
            composer.space(listDepth == 1 ? 6 : 1)
        }
    }
}
