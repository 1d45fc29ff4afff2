import MathType
import Notebook

/// The abstract as plain prose, for places that show no markup: the PDF's subject, the HTML
/// page's description, the site index. Built from the parsed abstract, as the page shows it —
/// a link is its text, emphasis its words, a formula MathType's plain-text reading — never from
/// the Markdown as written, whose `[text](url)` would otherwise reach a reader verbatim.
enum AbstractText {
    static func plain(_ document: Document) -> String? {
        document.abstractInlines.map(plain)
    }

    static func plain(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .math(let tex): MathPlainText.plain(tex)
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c), .image(_, let c): plain(c)
            default: [inline].plainText
            }
        }.joined()
    }
}
