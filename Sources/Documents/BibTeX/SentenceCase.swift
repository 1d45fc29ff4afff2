import CSL

/// Title case to sentence case for BibTeX titles (what pandoc's citeproc does for English
/// entries): a capitalised word ("Learning") is lowered unless it starts the title or follows
/// a colon; words with other capitals ("GitHub", "NLP"), braced text and math keep their case.
enum SentenceCase {
    static func unTitlecase(_ nodes: [RichText]) -> [RichText] {
        var atStart = true
        func word(_ w: Substring) -> String {
            defer { atStart = false }
            let letters = w.filter(\.isLetterFast)
            guard let first = letters.first, !atStart, first.isUppercase, letters.dropFirst().allSatisfy(\.isLowercase), w != "I"
            else { return String(w) }
            return w.lowercased()
        }
        func transform(_ nodes: [RichText]) -> [RichText] {
            nodes.map { n in
                switch n {
                case .text(let t):
                    var out = ""
                    var current = ""
                    for c in t {
                        if c == " " || c == "-" || c == "\u{00A0}" {
                            if !current.isEmpty { out += word(Substring(current)) }
                            if current.hasSuffix(":") { atStart = true }
                            current = ""
                            out.append(c)
                        } else {
                            current.append(c)
                        }
                    }
                    if !current.isEmpty { out += word(Substring(current)) }
                    if current.hasSuffix(":") { atStart = true }
                    return .text(out)
                case .math, .noCase:
                    atStart = false
                    return n
                default: return n.replacingChildren(transform(n.children ?? []))
                }
            }
        }
        return transform(nodes)
    }
}
