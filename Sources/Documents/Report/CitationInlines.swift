import CSL
import Notebook

/// Formatted citation text (CSL's rich text) as Markdown inlines, so the PDF and the HTML lay
/// it out with everything else: italic, bold, links (DOIs, URLs), math in titles. Small caps,
/// super- and subscripts have no inline of their own and keep their letters; quotes get the
/// English curly marks, alternating when nested, as `PlainTextRenderer` writes them.
enum CitationInlines {
    static func inlines(_ text: [CSL.RichText], depth: Int = 0) -> [Inline] {
        var out: [Inline] = []
        for t in text {
            switch t {
            case .text(let s):
                if case .text(let before)? = out.last { out[out.count - 1] = .text(before + s) } else { out.append(.text(s)) }
            case .italic(let c): out.append(.emphasis(inlines(c, depth: depth)))
            case .bold(let c): out.append(.strong(inlines(c, depth: depth)))
            case .smallCaps(let c), .underline(let c), .superscript(let c), .subscript(let c), .noCase(let c), .display(_, let c):
                append(inlines(c, depth: depth), to: &out)
            case .math(let tex): out.append(.math(tex))
            case .link(let url, let c): out.append(.link(url: url, content: inlines(c, depth: depth)))
            case .quoted(let c):
                let (open, close) = depth % 2 == 0 ? ("\u{201C}", "\u{201D}") : ("\u{2018}", "\u{2019}")
                append([.text(open)] + inlines(c, depth: depth + 1) + [.text(close)], to: &out)
            }
        }
        return out
    }

    /// Appends, merging neighbouring text so words are not split between runs.
    private static func append(_ more: [Inline], to out: inout [Inline]) {
        for i in more {
            if case .text(let s) = i, case .text(let before)? = out.last { out[out.count - 1] = .text(before + s) } else { out.append(i) }
        }
    }

    /// The same inlines without their links: a citation is itself one link, to its entry.
    static func unlinked(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for i in inlines {
            switch i {
            case .link(_, let c): append(unlinked(c), to: &out)
            case .emphasis(let c): out.append(.emphasis(unlinked(c)))
            case .strong(let c): out.append(.strong(unlinked(c)))
            default: append([i], to: &out)
            }
        }
        return out
    }

    /// The id of a bibliography entry, Pandoc's: `ref-li2018`.
    static func anchor(_ key: String) -> String { "ref-" + key }
}
