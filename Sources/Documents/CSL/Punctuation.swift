/// Joining rendered pieces the way typeset citations need: doubled punctuation where a piece's
/// end meets a delimiter or affix is merged ("Title?." → "Title?"), and with
/// `punctuation-in-quote` a following comma or period moves inside the closing quote.
struct Punctuation {
    var punctuationInQuote: Bool

    /// `left` followed by `right`, merging punctuation at the seam.
    func append(_ right: [RichText], to left: inout [RichText]) {
        guard !right.isEmpty else { return }
        var right = right
        // Only punctuation at the start of `right` can merge: most seams need no look at `left`.
        if let r = RichTextEdges.firstCharacter(right), Self.isMergeable(r), let l = lastVisible(left) {
            if Self.absorbs(l, r) {
                _ = RichTextEdges.dropFirstCharacter(&right)
            } else if punctuationInQuote, r == "." || r == ",", endsWithQuote(left) {
                _ = RichTextEdges.dropFirstCharacter(&right)
                moveIntoQuote(r, &left)
            }
        }
        left += right
    }

    func join(_ parts: [[RichText]], delimiter: String) -> [RichText] {
        var out: [RichText] = []
        for (i, p) in parts.enumerated() where !p.isEmpty {
            if i > 0, !out.isEmpty, !delimiter.isEmpty { append([.text(delimiter)], to: &out) }
            append(p, to: &out)
        }
        return out
    }

    /// Prefix and suffix around `nodes` (nothing when `nodes` is empty).
    func affix(_ prefix: String?, _ nodes: [RichText], _ suffix: String?) -> [RichText] {
        guard !nodes.isEmpty else { return [] }
        var out: [RichText] = []
        if let prefix, !prefix.isEmpty { out.append(.text(prefix)) }
        append(nodes, to: &out)
        if let suffix, !suffix.isEmpty { append([.text(suffix)], to: &out) }
        return out
    }

    static func isMergeable(_ c: Character) -> Bool {
        switch c {
        case ".", ",", ";", ":", "!", "?": return true
        default: return false
        }
    }

    /// Whether `right`'s first character disappears after `left`'s last one.
    static func absorbs(_ left: Character, _ right: Character) -> Bool {
        switch (left, right) {
        case (".", "."), ("?", "."), ("!", "."), (",", ","), (";", ";"), (":", ":"), (";", ","), (":", ","),
            (".", ":"), ("?", ":"), ("!", ","), ("?", ","):
            return true
        default: return false
        }
    }

    /// The last character, looking inside a trailing quotation.
    private func lastVisible(_ nodes: [RichText]) -> Character? {
        guard let last = nodes.last else { return nil }
        if case .quoted(let c) = last {
            let inner = RichTextEdges.lastCharacter(c)
            if let inner, ".?!,".contains(inner) { return inner }
            return "\u{201D}"
        }
        if case .text(let t) = last, t.isEmpty { return lastVisible(Array(nodes.dropLast())) }
        if let c = last.children { return lastVisible(c) ?? lastVisible(Array(nodes.dropLast())) }
        return RichTextEdges.lastCharacter([last])
    }

    private func endsWithQuote(_ nodes: [RichText]) -> Bool {
        guard let last = nodes.last else { return false }
        if case .quoted = last { return true }
        if let c = last.children { return endsWithQuote(c) }
        return false
    }

    private func moveIntoQuote(_ ch: Character, _ nodes: inout [RichText]) {
        guard let i = nodes.indices.last else { return }
        if case .quoted(var c) = nodes[i] {
            c.append(.text(String(ch)))
            nodes[i] = .quoted(c)
        } else if var c = nodes[i].children {
            moveIntoQuote(ch, &c)
            nodes[i] = nodes[i].replacingChildren(c)
        }
    }
}
