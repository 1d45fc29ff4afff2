/// Rich text as escaped HTML: `<i>`, `<b>`, small caps as a styled span, `<sup>`/`<sub>`, live
/// links, CSL display blocks as `<div class="csl-…">`, math as `<span class="math">` holding TeX.
public struct HTMLRenderer: Sendable {
    public var openQuote = "\u{201C}", closeQuote = "\u{201D}"
    public var openInnerQuote = "\u{2018}", closeInnerQuote = "\u{2019}"

    public init() {}

    public func render(_ nodes: [RichText]) -> String {
        var out = ""
        append(nodes, depth: 0, to: &out)
        return out
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    private func wrap(_ open: String, _ close: String, _ c: [RichText], _ depth: Int, _ out: inout String) {
        out += open
        append(c, depth: depth, to: &out)
        out += close
    }

    private func append(_ nodes: [RichText], depth: Int, to out: inout String) {
        for n in nodes {
            switch n {
            case .text(let t): out += Self.escape(t)
            case .math(let tex): out += "<span class=\"math inline\">\\(\(Self.escape(tex))\\)</span>"
            case .italic(let c): wrap("<i>", "</i>", c, depth, &out)
            case .bold(let c): wrap("<b>", "</b>", c, depth, &out)
            case .smallCaps(let c): wrap("<span style=\"font-variant:small-caps\">", "</span>", c, depth, &out)
            case .underline(let c): wrap("<u>", "</u>", c, depth, &out)
            case .superscript(let c): wrap("<sup>", "</sup>", c, depth, &out)
            case .subscript(let c): wrap("<sub>", "</sub>", c, depth, &out)
            case .noCase(let c): append(c, depth: depth, to: &out)
            case .link(let url, let c): wrap("<a href=\"\(Self.escape(url))\">", "</a>", c, depth, &out)
            case .quoted(let c):
                out += depth % 2 == 0 ? openQuote : openInnerQuote
                append(c, depth: depth + 1, to: &out)
                out += depth % 2 == 0 ? closeQuote : closeInnerQuote
            case .display(let d, let c):
                // The margin's text is followed by a space, as citeproc-js writes it.
                wrap("<div class=\"csl-\(d)\">", d == "left-margin" ? " </div>" : "</div>", c, depth, &out)
            }
        }
    }
}
