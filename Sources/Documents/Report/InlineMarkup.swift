import Graphics
import Notebook

/// What inline rendering needs from the whole document: the numbers that cross references
/// print, and footnotes numbered in reading order (collected for the page bottom or page end).
final class InlineContext {
    let numbering: Numbering
    /// Set while laying out justified body text in the PDF: words get soft hyphens.
    var hyphenator: Hyphenator?
    /// Page-relative paths of local images copied beside the HTML page, by their Markdown URL.
    var imagePaths: [String: String] = [:]
    private(set) var footnotes: [(number: Int, blocks: [Block])] = []

    /// Size of inline math in the PDF text being set (headings set it to their own size).
    var mathSize = MathSetter.bodySize
    private var mathCount = 0
    /// Prefix of this context's formula ids: contexts that write into the same page (the body,
    /// the table of contents) need different ones, or their SVG glyph symbols would collide.
    let mathPrefix: String

    init(numbering: Numbering, mathPrefix: String = "m") {
        self.numbering = numbering
        self.mathPrefix = mathPrefix
    }

    /// A page-unique, deterministic id for the next inline SVG formula.
    func nextMathID() -> String {
        mathCount += 1
        return "\(mathPrefix)\(mathCount)"
    }

    func addFootnote(_ blocks: [Block]) -> Int {
        footnotes.append((footnotes.count + 1, blocks))
        return footnotes.count
    }
}

/// Inline Markdown as Pango markup (PDF) and as HTML. Both escape the author's text.
enum InlineMarkup {
    static let linkColor = "#1a4f8b"

    static func pango(_ inlines: [Inline], _ ctx: InlineContext) -> RichText {
        var out = RichText()
        pango(inlines, ctx, into: &out)
        return out
    }

    static func pango(_ inlines: [Inline], _ ctx: InlineContext, into out: inout RichText) {
        for i in inlines {
            switch i {
            case .text(let s): out.text(ctx.hyphenator?.hyphenate(s) ?? s)
            case .emphasis(let c): out.tag("<i>"); pango(c, ctx, into: &out); out.tag("</i>")
            case .strong(let c): out.tag("<b>"); pango(c, ctx, into: &out); out.tag("</b>")
            case .strikethrough(let c): out.tag("<s>"); pango(c, ctx, into: &out); out.tag("</s>")
            case .styled(let style, let c): out.tag(style.pangoOpen); pango(c, ctx, into: &out); out.tag(style.pangoClose)
            case .code(let s):
                out.tag("<span font_family=\"\(Fonts.mono)\" size=\"86%\">"); out.text(s); out.tag("</span>")
            case .math(let s): MathSetter.inlinePDF(s, into: &out, size: ctx.mathSize)
            case .link(let url, let c):
                // A URL that is not allowed (`javascript:`) leaves its text, unlinked.
                let target: RichText.Target? =
                    url.hasPrefix("#")
                    ? .destination(String(url.dropFirst()))
                    : URLSafety.href(url).map(RichText.Target.uri)
                guard let target else { pango(c, ctx, into: &out); continue }
                out.tag("<span foreground=\"\(linkColor)\">")
                // No hyphens inside links: a hyphen added to a URL would read as part of it.
                let hyphenator = ctx.hyphenator
                ctx.hyphenator = nil
                out.link(target) { pango(c, ctx, into: &$0) }
                ctx.hyphenator = hyphenator
                out.tag("</span>")
            case .image(let url, let alt):
                // Images from files are shown in HTML; the PDF names them, and links to the ones
                // on the web (a file's path is relative to the notebook, not to the PDF).
                let label = "[" + (alt.isEmpty ? url : alt.plainText) + "]"
                out.tag("<span foreground=\"\(linkColor)\"><i>")
                if URLSafety.isRemote(url), let href = URLSafety.href(url) { out.link(.uri(href)) { $0.text(label) } } else { out.text(label) }
                out.tag("</i></span>")
            case .crossReference(let label, _), .customReference(let label, _, _):
                if let t = ctx.numbering.targets[label] {
                    out.tag("<span foreground=\"\(linkColor)\">")
                    out.link(.destination(t.anchor)) { $0.text(t.text(for: i)) }
                    out.tag("</span>")
                } else {
                    out.tag("<span foreground=\"#b00020\" weight=\"bold\">"); out.text("@\(label)??"); out.tag("</span>")
                }
            // Citations are formatted before rendering (`CitationResolution`); one left is shown as written.
            case .citation(let c): out.text(c.source)
            case .footnote(let blocks): out.footnote(number: ctx.addFootnote(blocks), blocks: blocks)
            case .checkbox(let checked): out.text(checked ? "☑\u{2002}" : "☐\u{2002}")
            case .attributes: break
            case .softBreak: out.text(" ")
            case .lineBreak: out.text("\u{2028}")
            }
        }
    }

    static func html(_ inlines: [Inline], _ ctx: InlineContext) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): HTML.escape(ctx.hyphenator?.hyphenate(s) ?? s)
            case .emphasis(let c): "<em>" + html(c, ctx) + "</em>"
            case .strong(let c): "<strong>" + html(c, ctx) + "</strong>"
            case .strikethrough(let c): "<del>" + html(c, ctx) + "</del>"
            case .styled(let style, let c): style.htmlOpen + html(c, ctx) + style.htmlClose
            case .code(let s): "<code>" + HTML.escape(s) + "</code>"
            case .math(let s): MathSetter.inlineHTML(s, id: ctx.nextMathID())
            case .link(let url, let c):
                // No soft hyphens inside links (as in the PDF): a break in a URL would read as part of it.
                {
                    let hyphenator = ctx.hyphenator
                    ctx.hyphenator = nil
                    defer { ctx.hyphenator = hyphenator }
                    // A URL that is not allowed (`javascript:`) leaves its text, without a link.
                    guard let href = URLSafety.href(url) else {
                        return "<span class=\"blocked-link\" title=\"link not published\">" + html(c, ctx) + "</span>"
                    }
                    return "<a href=\"" + HTML.escape(href) + "\">" + html(c, ctx) + "</a>"
                }()
            case .image(let url, let alt):
                HTML.image(url, alt: alt.plainText, ctx)
            case .crossReference(let label, _), .customReference(let label, _, _):
                if let t = ctx.numbering.targets[label] {
                    "<a class=\"xref\" href=\"\(HTML.escape(URLSafety.fragment(t.anchor)))\">\(HTML.escape(t.text(for: i)))</a>"
                } else {
                    "<span class=\"unresolved\" title=\"unknown cross reference\">@\(HTML.escape(label))??</span>"
                }
            case .footnote(let blocks):
                {
                    let n = ctx.addFootnote(blocks)
                    return "<sup class=\"fnref\" id=\"fnref-\(n)\"><a href=\"\(URLSafety.fragment("fn-\(n)"))\">\(n)</a></sup>"
                }()
            case .citation(let c): HTML.escape(c.source)
            case .checkbox(let checked): "<span class=\"task\">\(checked ? "☑" : "☐")</span> "
            case .attributes: ""
            case .softBreak: "\n"
            case .lineBreak: "<br>\n"
            }
        }.joined()
    }
}

enum HTML {
    /// Text and attribute values for HTML: the same five-character XML escape Pango markup needs.
    static func escape(_ s: String) -> String { TextLayout.escape(s) }

    /// An image of the Markdown: its copy beside the page (`ctx.imagePaths`, file paths that are
    /// percent-encoded here), else an allowed web URL, else — a file that was refused or not
    /// found, a `data:` or `javascript:` URL — a visible placeholder with its alt text.
    static func image(_ url: String, alt: String, _ ctx: InlineContext) -> String {
        if let path = ctx.imagePaths[url] {
            return "<img src=\"\(escape(URLSafety.pathReference(path)))\" alt=\"\(escape(alt))\">"
        }
        if URLSafety.isRemote(url), let href = URLSafety.href(url) {
            return "<img src=\"\(escape(href))\" alt=\"\(escape(alt))\">"
        }
        return "<span class=\"missing-image\" title=\"image not available\">[\(escape(alt.isEmpty ? "image" : alt))]</span>"
    }
}
