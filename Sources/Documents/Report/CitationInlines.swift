import CSL
import Notebook

/// Formatted citation text (CSL's rich text) as Markdown inlines, so the PDF and the HTML lay
/// it out with everything else: italic, bold, small caps, super- and subscripts, links (DOIs,
/// URLs, and each cited item to its entry), math in titles; quotes get the English curly marks,
/// alternating when nested, as `PlainTextRenderer` writes them.
enum CitationInlines {
    static func inlines(_ text: [CSL.RichText], depth: Int = 0) -> [Inline] {
        var out: [Inline] = []
        for t in text {
            switch t {
            case .text(let s):
                if case .text(let before)? = out.last { out[out.count - 1] = .text(before + s) } else { out.append(.text(s)) }
            case .italic(let c): out.append(.emphasis(inlines(c, depth: depth)))
            case .bold(let c): out.append(.strong(inlines(c, depth: depth)))
            case .smallCaps(let c): out.append(.styled(.smallCaps, inlines(c, depth: depth)))
            case .superscript(let c): out.append(.styled(.superscript, inlines(c, depth: depth)))
            case .subscript(let c): out.append(.styled(.subscript, inlines(c, depth: depth)))
            case .underline(let c), .noCase(let c), .display(_, let c):
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

    /// The same inlines without their links, except those `keep` accepts (each cited item's
    /// link to its entry): a link cannot hold another.
    static func unlinked(_ inlines: [Inline], keep: (String) -> Bool = { _ in false }) -> [Inline] {
        var out: [Inline] = []
        for i in inlines {
            switch i {
            case .link(let url, let c) where keep(url): out.append(.link(url: url, content: unlinked(c)))
            case .link(_, let c): append(unlinked(c, keep: keep), to: &out)
            case .emphasis(let c): out.append(.emphasis(unlinked(c, keep: keep)))
            case .strong(let c): out.append(.strong(unlinked(c, keep: keep)))
            case .styled(let style, let c): out.append(.styled(style, unlinked(c, keep: keep)))
            default: append([i], to: &out)
            }
        }
        return out
    }

    /// Each link to an entry (`#ref-key`) sent where `target` says: per-section lists give one
    /// entry several anchors, and a citation links to the one in its own section.
    static func retargeted(_ inlines: [Inline], _ target: (String) -> String) -> [Inline] {
        inlines.map { i in
            switch i {
            case .link(let url, let c) where url.hasPrefix("#ref-"): .link(url: target(url), content: c)
            case .emphasis(let c): .emphasis(retargeted(c, target))
            case .strong(let c): .strong(retargeted(c, target))
            case .styled(let style, let c): .styled(style, retargeted(c, target))
            default: i
            }
        }
    }

    /// The id of a bibliography entry, Pandoc's: `ref-li2018`.
    static func anchor(_ key: String) -> String { "ref-" + key }
}
