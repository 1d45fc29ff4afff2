import MathType
import Notebook
import OutputChannel

/// A rendered notebook as one static HTML page: title block, table of contents, numbered
/// sections, figures, tables and equations, cross-reference links, footnotes, highlighted code
/// and cell outputs. Figures are referenced as files written beside it (SVG, with the PNG as
/// fallback) at their physical size. All text is escaped; raw HTML and scripts never pass.
public enum HTMLReport {
    /// `figureDirectory` is the page-relative folder holding the figure files.
    /// `images` maps a Markdown image URL to the page-relative path of its copy (`ReportWriter`
    /// copies local images beside the page); images without one show as a placeholder unless
    /// they are on the web. `pageName` is the file name (without extension) the page and its PDF
    /// are written under, `doc.name` by default. Folder, image and page names are file paths:
    /// the page percent-encodes them in its links (`a#b` → `a%23b.pdf`), callers must not.
    public static func render(
        _ notebook: ExecutedNotebook, figureDirectory: String, images: [String: String] = [:],
        pageName: String? = nil
    ) -> String {
        render(ResolvedNotebook(notebook), figureDirectory: figureDirectory, images: images, pageName: pageName)
    }

    /// The page of a notebook resolved once for all formats (`ReportWriter`).
    public static func render(
        _ resolved: ResolvedNotebook, figureDirectory: String, images: [String: String] = [:],
        pageName: String? = nil
    ) -> String {
        var page = Page(resolved, figureDirectory: figureDirectory)
        if let pageName { page.pageName = pageName }
        page.context.imagePaths = images
        return page.render()
    }

    struct Page {
        let notebook: ExecutedNotebook
        let figureDirectory: String
        let numbering: Numbering
        let context: InlineContext
        /// Markdown `#` becomes `<h2>` when the page has a title block (its `<h1>`).
        let headingShift: Int
        let stems: [Int: [String]]
        var pageName: String

        init(_ resolved: ResolvedNotebook, figureDirectory: String) {
            let notebook = resolved.notebook
            self.notebook = notebook
            self.figureDirectory = figureDirectory
            numbering = resolved.numbering
            context = InlineContext(numbering: numbering)
            headingShift = notebook.document.frontMatter.title != nil ? 1 : 0
            var stems: [Int: [String]] = [:]
            for f in resolved.figures { stems[f.cell, default: []].append(f.stem) }
            self.stems = stems
            pageName = notebook.document.name
        }

        func render() -> String {
            let doc = notebook.document
            let fm = doc.frontMatter
            var html =
                SiteStyle.pageHead(
                    title: doc.title, description: AbstractText.plain(doc),
                    extraCSS: SwiftHighlighter.css + (Self.hasDivs(doc.blocks, fold: fm.codeFold) ? DivStyle.css : ""))
                + "\n<main>\n\n"
            let pdf = HTML.escape(URLSafety.pathReference(pageName + ".pdf"))
            html += "<nav class=\"files\"><a href=\"index.html\">All notebooks</a> · <a href=\"\(pdf)\">PDF</a></nav>\n"
            if fm.title != nil {
                html += "<header class=\"title\">\n<h1>\(HTML.escape(doc.title))</h1>\n"
                if let s = fm.subtitle { html += "<p class=\"subtitle\">\(HTML.escape(s))</p>\n" }
                if let a = fm.author { html += "<p class=\"author\">\(HTML.escape(a))</p>\n" }
                if let d = fm.date { html += "<p class=\"date\">\(HTML.escape(d))</p>\n" }
                if let ab = doc.abstractInlines {
                    context.hyphenator = Hyphenator.english
                    html += "<div class=\"abstract\"><h2>Abstract</h2><p>\(inline(ab))</p></div>\n"
                    context.hyphenator = nil
                }
                html += "</header>\n"
            }
            html += tableOfContents()
            html += blocks(doc.blocks)
            html += footnotes()
            html += "</main>\n</body>\n</html>\n"
            return html
        }

        func tableOfContents() -> String {
            let entries = numbering.headings.filter { $0.level <= 3 }
            guard entries.count >= 2 || notebook.document.frontMatter.toc else { return "" }
            var html = "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ul>\n"
            let tocContext = InlineContext(numbering: numbering, mathPrefix: "toc")
            for h in entries {
                let number = notebook.numberSections ? h.number.map { "<span class=\"secnum\">\($0)</span> " } ?? "" : ""
                // Footnote marks stay out of the contents.
                let title = h.title.filter {
                    if case .footnote = $0 { return false }; return true
                }
                html +=
                    "<li class=\"toc\(h.level)\"><a href=\"\(HTML.escape(URLSafety.fragment(h.anchor)))\">\(number)\(InlineMarkup.html(title, tocContext))</a></li>\n"
            }
            return html + "</ul>\n</nav>\n"
        }

        func footnotes() -> String {
            // Footnote text may itself hold footnotes; render until none are left.
            var html = "", k = 0
            while k < context.footnotes.count {
                let (n, blocks) = context.footnotes[k]
                html +=
                    "<li id=\"fn-\(n)\">\(self.blocks(blocks)) <a class=\"back\" href=\"\(URLSafety.fragment("fnref-\(n)"))\" aria-label=\"Back to text\">↩</a></li>\n"
                k += 1
            }
            return html.isEmpty ? "" : "<section class=\"footnotes\">\n<hr>\n<ol>\n\(html)</ol>\n</section>\n"
        }

        func inline(_ c: [Inline]) -> String { InlineMarkup.html(c, context) }

        func blocks(_ blocks: [Block]) -> String {
            var html = ""
            for block in blocks {
                switch block {
                case .heading(let level, let content, let line):
                    let info = numbering.heading(atLine: line)
                    let h = min(level + headingShift, 6)
                    let number = notebook.numberSections ? info?.number.map { "<span class=\"secnum\">\($0)</span> " } ?? "" : ""
                    let id = info.map { " id=\"\(HTML.escape($0.anchor))\"" } ?? ""
                    html += "<h\(h)\(id)>\(number)\(inline(content))</h\(h)>\n"
                case .imageFigure(let m, let line):
                    let id = m.label.map { " id=\"\(HTML.escape($0))\"" } ?? ""
                    let cap = caption(kind: "Figure", number: numbering.imageFigureNumbers[line], text: m.alt.isEmpty ? nil : m.alt)
                    html += "<figure\(id)>\(inline([.image(url: m.url, alt: m.alt)]))"
                    html += cap.isEmpty ? "</figure>\n" : "<figcaption>\(cap)</figcaption></figure>\n"
                case .paragraph(let content, _):
                    // Soft hyphens from our own patterns: browsers without an English
                    // dictionary (headless Chromium here) then break long words instead of
                    // opening wide gaps in justified lines beside inline formulas.
                    context.hyphenator = Hyphenator.english
                    html += "<p>\(inline(content))</p>\n"
                    context.hyphenator = nil
                case .displayMath(let source, _):
                    let (tex, number) = MathSetter.equationNumber(source, numbered: nil)
                    let n = number.map { "<span class=\"eqno\">\(HTML.escape($0))</span>" } ?? ""
                    html += "<div class=\"display-math\">\(MathSetter.displayHTML(tex, id: context.nextMathID()))\(n)</div>\n"
                case .equation(let source, let label, _):
                    let (tex, number) = MathSetter.equationNumber(source, numbered: numbering.equationNumbers[label])
                    let n = number.map { "<span class=\"eqno\">\(HTML.escape($0))</span>" } ?? ""
                    html += "<div class=\"display-math\" id=\"\(HTML.escape(label))\">\(MathSetter.displayHTML(tex, id: context.nextMathID()))\(n)</div>\n"
                case .code(let language, let text, _):
                    let cls = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
                    let body = language == "swift" ? SwiftHighlighter.html(text) : HTML.escape(text)
                    html += "<pre><code\(cls)>\(body)</code></pre>\n"
                case .cell(let cell):
                    html += self.cell(cell)
                case .list(let ordered, let start, let items, _):
                    let tag = ordered ? "ol" : "ul"
                    let isTasks = items.contains { item in
                        if case .paragraph(let c, _)? = item.first, case .checkbox? = c.first { return true }; return false
                    }
                    html += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)\(isTasks ? " class=\"tasks\"" : "")>\n"
                    for item in items {
                        // Tight list items hold one paragraph: show it without <p>.
                        if item.count == 1, let content = item[0].paragraphInlines {
                            html += "<li>\(inline(content))</li>\n"
                        } else if let content = item.first?.paragraphInlines {
                            html += "<li>\(inline(content))\n\(self.blocks(Array(item.dropFirst())))</li>\n"
                        } else {
                            html += "<li>\(self.blocks(item))</li>\n"
                        }
                    }
                    html += "</\(tag)>\n"
                case .quote(let inner, _):
                    html += "<blockquote>\n\(self.blocks(inner))</blockquote>\n"
                case .table(let header, let rows, let tableCaption, _):
                    var caption = "", id = ""
                    if let tableCaption {
                        let n = numbering.tableNumbers[tableCaption.line].map { "<span class=\"label\">Table \($0):</span> " } ?? ""
                        caption = "<caption>\(n)\(inline(tableCaption.content))</caption>\n"
                        if let label = tableCaption.label { id = " id=\"\(HTML.escape(label))\"" }
                    }
                    html += "<div class=\"table\"><table\(id)>\n\(caption)"
                    let numeric = TableColumns.numeric(rows, columns: max(header.count, rows.map(\.count).max() ?? 0))
                    func cls(_ c: Int) -> String { c < numeric.count && numeric[c] ? " class=\"num\"" : "" }
                    if !header.isEmpty {
                        html += "<thead><tr>" + header.enumerated().map { "<th\(cls($0))>\(inline($1))</th>" }.joined() + "</tr></thead>\n"
                    }
                    html += "<tbody>\n" + rows.map { "<tr>" + $0.enumerated().map { "<td\(cls($0))>\(inline($1))</td>" }.joined() + "</tr>\n" }.joined()
                    html += "</tbody>\n</table></div>\n"
                case .rule:
                    html += "<hr>\n"
                case .html:
                    // Raw HTML from the notebook is not passed through: pages stay script-free.
                    continue
                case .div(let d):
                    html += div(d)
                }
            }
            return html
        }

        func caption(kind: String, number: String?, text: [Inline]?) -> String {
            guard number != nil || text != nil else { return "" }
            let label = number.map { "<span class=\"label\">\(kind) \($0):</span>" + (text == nil ? "" : " ") } ?? ""
            return label + (text.map(inline) ?? "")
        }

        func cell(_ cell: Cell) -> String {
            guard cell.options.include else { return "" }
            let tableNumber = numbering.cellTableNumbers[cell.index]
            let figureNumber = numbering.figureNumbers[cell.index]
            var html = "<div class=\"cell\"\(cell.options.label.map { " id=\"\(HTML.escape($0))\"" } ?? "")>\n"
            if cell.options.echo && !cell.code.isEmpty {
                let source = "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(cell.code))</code></pre>\n"
                html += Self.folded(source, cell.options.codeFold ?? notebook.document.frontMatter.codeFold, summary: cell.options.codeSummary)
            }
            guard cell.options.output else { return html + "</div>\n" }
            if tableNumber != nil {
                html += "<p class=\"caption\">\(caption(kind: "Table", number: tableNumber, text: numbering.captions[cell.index]))</p>\n"
            }
            let outputs = notebook.outputs[cell.index] ?? []
            var figureStems = (stems[cell.index] ?? []).makeIterator()
            var figures: [String] = []
            for output in outputs {
                switch output {
                case .stream(_, let text), .value(let text):
                    guard !text.isEmpty else { continue }
                    html += "<div class=\"output\"><pre>\(HTML.escape(text))</pre></div>\n"
                case .figure(let figure):
                    let stem = figureStems.next() ?? "figure"
                    let base = HTML.escape(URLSafety.pathReference(figureDirectory + "/" + stem))
                    let alt = HTML.escape(numbering.captions[cell.index]?.plainText ?? figure.title ?? "Figure")
                    var f = "<picture><source srcset=\"\(base).svg\" type=\"image/svg+xml\">"
                    f +=
                        "<img src=\"\(base).png\" width=\"\(Int((figure.width * 96 / 72).rounded()))\" height=\"\(Int((figure.height * 96 / 72).rounded()))\" alt=\"\(alt)\"></picture>"
                    f += "<span class=\"figfiles\"><a href=\"\(base).png\">PNG</a> <a href=\"\(base).svg\">SVG</a> <a href=\"\(base).pdf\">PDF</a></span>"
                    figures.append(f)
                case .table(let table):
                    html += TableHTML.render(table, context: context) + "\n"
                case .error(let error):
                    let loc = error.line.map { "\(notebook.document.path):\($0): " } ?? ""
                    html += "<div class=\"output\"><pre class=\"error\">\(HTML.escape(loc + error.message))</pre></div>\n"
                case .published: continue  // for a sweep's aggregate page (SweepAggregate)
                }
            }
            if !figures.isEmpty {
                html += "<figure>\n" + figures.joined(separator: "\n") + "\n"
                let cap = tableNumber == nil ? caption(kind: "Figure", number: figureNumber, text: numbering.captions[cell.index]) : ""
                if !cap.isEmpty { html += "<figcaption>\(cap)</figcaption>\n" }
                html += "</figure>\n"
            }
            return html + "</div>\n"
        }
    }
}
