/// CSL `text-case` over rich text: words inside `noCase` spans and math keep their case.
enum TextCase {
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto",
        "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet", "vs.", "v.", "per", "versus",
    ]

    static func apply(_ textCase: String, _ nodes: [RichText], english: Bool) -> [RichText] {
        switch textCase {
        case "lowercase": return RichTextEdges.mapText(nodes) { $0.lowercased() }
        case "uppercase": return RichTextEdges.mapText(nodes) { $0.uppercased() }
        case "capitalize-first", "sentence":
            var done = false
            return RichTextEdges.mapText(nodes) { t in
                if done { return t }
                guard let i = t.firstIndex(where: { $0.isLetterFast || $0.isDigitFast }) else { return t }
                done = true
                return String(t[..<i]) + t[i].uppercased() + String(t[t.index(after: i)...])
            }
        case "capitalize-all": return words(nodes) { w, _, _ in capitalized(w) }
        case "title":
            guard english else { return nodes }
            let total = nodes.plainCharacters.split(whereSeparator: { $0 == " " }).count
            return words(nodes) { w, index, afterColon in
                guard w.allSatisfy({ !$0.isUppercase }) else { return w }
                if index > 0, index < total - 1, !afterColon, stopWords.contains(w.lowercased()) { return w }
                return capitalized(w)
            }
        default: return nodes
        }
    }

    /// The first letter upper-cased, unless the word starts with a digit ("36th").
    static func capitalized(_ w: String) -> String {
        guard let i = w.firstIndex(where: { $0.isLetterFast || $0.isDigitFast }), w[i].isLetterFast else { return w }
        return String(w[..<i]) + w[i].uppercased() + String(w[w.index(after: i)...])
    }

    /// Applies `f(word, index, followsColon)` to each space-separated word (hyphenated parts are
    /// words of their own), counting words across text leaves.
    static func words(_ nodes: [RichText], _ f: (String, Int, Bool) -> String) -> [RichText] {
        var index = 0
        var afterColon = false
        var midWord = false
        func transform(_ nodes: [RichText]) -> [RichText] {
            nodes.map { n in
                switch n {
                case .text(let t):
                    var out = ""
                    var word = ""
                    func flush() {
                        guard !word.isEmpty else { return }
                        out += midWord ? word : f(word, index, afterColon)
                        afterColon = word.hasSuffix(":")
                        word = ""
                    }
                    for c in t {
                        if c == " " || c == "-" || c == "\u{2013}" || c == "/" {
                            flush()
                            if c == " " && !midWord { index += 1 }
                            midWord = false
                            out.append(c)
                        } else {
                            word.append(c)
                        }
                    }
                    flush()
                    midWord = !t.isEmpty && !(t.last == " " || t.last == "-")
                    return .text(out)
                case .math, .noCase:
                    midWord = true
                    return n
                default: return n.replacingChildren(transform(n.children ?? []))
                }
            }
        }
        return transform(nodes)
    }
}
