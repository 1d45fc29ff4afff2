import Notebook
import OutputChannel

/// A rendered notebook as one static HTML page. Figures are referenced as files written
/// beside it (SVG, with the PNG as fallback); all text is escaped.
public enum HTMLReport {
    /// `figureDirectory` is the page-relative folder holding the figure files.
    public static func render(_ notebook: RenderedNotebook, figureDirectory: String) -> String {
        let doc = notebook.document
        let fm = doc.frontMatter
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Folio">
        <title>\(HTML.escape(doc.title))</title>
        <style>\(SiteStyle.css)</style>
        </head>
        <body>
        <main>

        """
        if fm.title != nil {
            html += "<header class=\"title\">\n<h1>\(HTML.escape(doc.title))</h1>\n"
            if let s = fm.subtitle { html += "<p class=\"subtitle\">\(HTML.escape(s))</p>\n" }
            if let a = fm.author { html += "<p class=\"author\">\(HTML.escape(a))</p>\n" }
            if let d = fm.date { html += "<p class=\"date\">\(HTML.escape(d))</p>\n" }
            if let ab = fm.abstract { html += "<div class=\"abstract\"><h2>Abstract</h2><p>\(HTML.escape(ab))</p></div>\n" }
            html += "<nav class=\"files\"><a href=\"\(HTML.escape(doc.name)).pdf\">PDF</a></nav>\n</header>\n"
        }
        var figureStems = notebook.figures.map(\.stem).makeIterator()
        html += blocks(doc.blocks, notebook: notebook, figureDirectory: figureDirectory, stems: &figureStems)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func blocks(_ blocks: [Block], notebook: RenderedNotebook, figureDirectory: String,
                       stems: inout IndexingIterator<[String]>) -> String {
        var html = ""
        for block in blocks {
            switch block {
            case .heading(let level, let content, _):
                html += "<h\(level) id=\"\(slug(content.plainText))\">\(InlineMarkup.html(content))</h\(level)>\n"
            case .paragraph(let content, _):
                html += "<p>\(InlineMarkup.html(content))</p>\n"
            case .displayMath(let tex, _):
                html += "<div class=\"display-math math\">\(HTML.escape(tex))</div>\n"
            case .code(let language, let text, _):
                let cls = language.isEmpty ? "" : " class=\"language-\(HTML.escape(language))\""
                html += "<pre><code\(cls)>\(HTML.escape(text))</code></pre>\n"
            case .cell(let cell):
                guard cell.options.include else { continue }
                html += "<div class=\"cell\"\(cell.options.label.map { " id=\"\(HTML.escape($0))\"" } ?? "")>\n"
                if cell.options.echo && !cell.code.isEmpty {
                    html += "<pre><code class=\"language-swift\">\(HTML.escape(cell.code))</code></pre>\n"
                }
                for output in notebook.outputs[cell.index] ?? [] {
                    switch output {
                    case .stream(_, let text), .value(let text):
                        guard cell.options.output, !text.isEmpty else { continue }
                        html += "<div class=\"output\"><pre>\(HTML.escape(text))</pre></div>\n"
                    case .figure(let figure):
                        let stem = stems.next() ?? "figure"
                        guard cell.options.output else { continue }
                        let base = figureDirectory + "/" + stem
                        html += "<figure><picture><source srcset=\"\(HTML.escape(base)).svg\" type=\"image/svg+xml\">"
                        html += "<img src=\"\(HTML.escape(base)).png\" width=\"\(Int(figure.width * 96 / 72))\" height=\"\(Int(figure.height * 96 / 72))\" alt=\"\(HTML.escape(cell.options.caption ?? figure.title ?? "Figure"))\"></picture>"
                        if let caption = cell.options.caption { html += "<figcaption>\(HTML.escape(caption))</figcaption>" }
                        html += "</figure>\n"
                    case .error(let error):
                        guard cell.options.output else { continue }
                        let loc = error.line.map { "\(notebook.document.path):\($0): " } ?? ""
                        html += "<div class=\"output\"><pre class=\"error\">\(HTML.escape(loc + error.message))</pre></div>\n"
                    }
                }
                html += "</div>\n"
            case .list(let ordered, let start, let items, _):
                let tag = ordered ? "ol" : "ul"
                html += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
                for item in items {
                    // Tight list items hold one paragraph: show it without <p>.
                    if item.count == 1, case .paragraph(let content, _) = item[0] {
                        html += "<li>\(InlineMarkup.html(content))</li>\n"
                    } else {
                        html += "<li>\(Self.blocks(item, notebook: notebook, figureDirectory: figureDirectory, stems: &stems))</li>\n"
                    }
                }
                html += "</\(tag)>\n"
            case .quote(let inner, _):
                html += "<blockquote>\n\(Self.blocks(inner, notebook: notebook, figureDirectory: figureDirectory, stems: &stems))</blockquote>\n"
            case .table(let header, let rows, _):
                html += "<table>\n"
                if !header.isEmpty { html += "<thead><tr>" + header.map { "<th>\(InlineMarkup.html($0))</th>" }.joined() + "</tr></thead>\n" }
                html += "<tbody>\n" + rows.map { "<tr>" + $0.map { "<td>\(InlineMarkup.html($0))</td>" }.joined() + "</tr>\n" }.joined() + "</tbody>\n</table>\n"
            case .rule:
                html += "<hr>\n"
            case .html:
                // Raw HTML from the notebook is not passed through: pages stay script-free.
                continue
            }
        }
        return html
    }

    /// GitHub-style anchor: lower case, spaces to hyphens, other punctuation dropped.
    static func slug(_ s: String) -> String {
        let lowered = s.lowercased()
        var out = ""
        for c in lowered {
            if c.isLetter || c.isNumber { out.append(c) } else if c == " " || c == "-" { out.append("-") }
        }
        return out
    }
}
