import Graphics
import Notebook

/// Inline Markdown as Pango markup (PDF) and as HTML. Both escape the author's text.
enum InlineMarkup {
    static func pango(_ inlines: [Inline]) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): TextLayout.escape(s)
            case .emphasis(let c): "<i>" + pango(c) + "</i>"
            case .strong(let c): "<b>" + pango(c) + "</b>"
            case .strikethrough(let c): "<s>" + pango(c) + "</s>"
            case .code(let s): "<span font_family=\"\(Fonts.mono)\" size=\"88%\">" + TextLayout.escape(s) + "</span>"
            // Typeset math arrives with MathType; until then the TeX source is set in italic.
            case .math(let s): "<i>" + TextLayout.escape(s) + "</i>"
            case .link(_, let c): "<span foreground=\"#1a4f8b\">" + pango(c) + "</span>"
            case .softBreak: " "
            case .lineBreak: "\n"
            }
        }.joined()
    }

    static func html(_ inlines: [Inline]) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): HTML.escape(s)
            case .emphasis(let c): "<em>" + html(c) + "</em>"
            case .strong(let c): "<strong>" + html(c) + "</strong>"
            case .strikethrough(let c): "<del>" + html(c) + "</del>"
            case .code(let s): "<code>" + HTML.escape(s) + "</code>"
            case .math(let s): "<span class=\"math\">" + HTML.escape(s) + "</span>"
            case .link(let url, let c): "<a href=\"" + HTML.escape(url) + "\">" + html(c) + "</a>"
            case .softBreak: "\n"
            case .lineBreak: "<br>\n"
            }
        }.joined()
    }
}

enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
