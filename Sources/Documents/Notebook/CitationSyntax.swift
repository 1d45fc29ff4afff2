/// Pandoc's citation syntax in a paragraph's merged text runs: `[see @a, pp. 3–5; also @b]`,
/// `[-@a]`, and `@a` or `@a [p. 3]` in the running text. Cross references (`@fig-x`, …) are
/// split out before this pass, so every `@key` left that starts a word is a citation; an
/// e-mail address (`a@b.com`) is not, since its `@` is inside a word.
///
/// Runs are read after merging because cmark-gfm splits text at every `[`.
enum CitationSyntax {
    /// Punctuation a key may contain inside it (Pandoc's rule); at its end it ends the sentence.
    static let keyPunctuation: Set<Character> = [":", ".", "#", "$", "%", "&", "-", "+", "?", "<", ">", "~", "/"]

    /// Locator labels as written, and the CSL term each stands for.
    static let labels: [String: String] = [
        "p": "page", "pp": "page", "page": "page", "pages": "page", "chap": "chapter", "chapter": "chapter",
        "chapters": "chapter", "sec": "section", "section": "section", "sections": "section", "§": "section",
        "§§": "section", "fig": "figure", "figure": "figure", "figures": "figure", "vol": "volume",
        "volume": "volume", "no": "issue", "para": "paragraph", "paragraph": "paragraph", "l": "line",
        "line": "line", "lines": "line", "n": "note", "note": "note", "eq": "equation", "thm": "theorem",
        "app": "appendix", "appendix": "appendix", "col": "column", "column": "column", "pt": "part", "part": "part",
    ]

    /// `line` is the Markdown line of the first inline; `source` gives a line's text, for columns.
    static func apply(_ inlines: [Inline], line: Int, source: (Int) -> Substring?) -> [Inline] {
        var line = line
        var out: [Inline] = []
        var searchFrom: [Int: Int] = [:]  // per line: the character column after the last citation found
        func column(of key: String, line: Int) -> Int {
            guard let text = source(line) else { return 1 }
            let chars = Array(text), needle = Array("@" + key)
            var k = max(0, (searchFrom[line] ?? 1) - 1)
            while k + needle.count <= chars.count {
                if Array(chars[k..<(k + needle.count)]) == needle {
                    searchFrom[line] = k + needle.count + 1
                    return k + 1
                }
                k += 1
            }
            return 1
        }
        for inline in inlines {
            switch inline {
            case .text(let s) where s.contains("@"):
                out += split(s, line: line) { column(of: $0, line: line) }
            case .softBreak, .lineBreak:
                out.append(inline); line += 1
            default:
                out.append(inline); line += breaks(in: [inline])
            }
        }
        return out
    }

    /// Line breaks inside nested inlines, so the line count stays right after them.
    private static func breaks(in inlines: [Inline]) -> Int {
        inlines.reduce(0) { n, i in
            switch i {
            case .softBreak, .lineBreak: n + 1
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): n + breaks(in: c)
            default: n
            }
        }
    }

    static func split(_ text: String, line: Int, column: (String) -> Int) -> [Inline] {
        let chars = Array(text)
        var result: [Inline] = []
        var buffer = ""
        func flush() { if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" } }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "[", let (items, end) = bracketed(chars, from: i, column: column) {
                flush()
                result.append(.citation(CitationMark(items: items, narrative: false, source: String(chars[i...end]), line: line)))
                i = end + 1
                continue
            }
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_")
            if c == "@", startsWord, let keyEnd = key(chars, from: i + 1) {
                flush()
                let key = String(chars[(i + 1)..<keyEnd])
                var item = CitationMark.Item(key: key, column: column(key))
                var end = keyEnd
                // `@a [p. 3]`: a locator in brackets after a narrative citation.
                var k = keyEnd
                if k < chars.count, chars[k] == " " { k += 1 }
                if k < chars.count, chars[k] == "[", let close = chars[k...].firstIndex(of: "]"),
                    !chars[(k + 1)..<close].contains("@"), !chars[(k + 1)..<close].contains("["), close > k + 1
                {
                    (item.label, item.locator, item.suffix) = locator(String(chars[(k + 1)..<close]))
                    end = close + 1
                }
                result.append(.citation(CitationMark(items: [item], narrative: true, source: String(chars[i..<end]), line: line)))
                i = end
                continue
            }
            buffer.append(c)
            i += 1
        }
        flush()
        return result
    }

    /// The end (exclusive) of a key starting at `from`, or nil when none starts there.
    static func key(_ chars: [Character], from: Int) -> Int? {
        guard from < chars.count, chars[from].isLetter || chars[from].isNumber || chars[from] == "_" else { return nil }
        var j = from
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || keyPunctuation.contains(chars[j]) { j += 1 }
        while j > from, keyPunctuation.contains(chars[j - 1]) { j -= 1 }
        return j
    }

    /// The `@` of an item's key: at the start, or after a space or the `-` of `-@a`.
    private static func keyStart(_ part: [Character]) -> Int? {
        for k in part.indices where part[k] == "@" {
            let before: Character = k == 0 ? " " : part[k - 1]
            if before == " " || before == "-", key(part, from: k + 1) != nil { return k }
        }
        return nil
    }

    /// `[…]` at `from` holding `;`-separated items that each name one `@key`; nil if it is not a citation.
    private static func bracketed(_ chars: [Character], from: Int, column: (String) -> Int) -> ([CitationMark.Item], Int)? {
        guard let close = chars[(from + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }), chars[close] == "]" else { return nil }
        let inner = Array(chars[(from + 1)..<close])
        guard inner.contains("@") else { return nil }
        var items: [CitationMark.Item] = []
        for part in inner.split(separator: ";", omittingEmptySubsequences: false).map(Array.init) {
            guard let at = keyStart(part), let end = key(part, from: at + 1) else { return nil }
            var prefix = String(part[..<at])
            let suppress = prefix.hasSuffix("-")
            if suppress { prefix.removeLast() }
            let name = String(part[(at + 1)..<end])
            var item = CitationMark.Item(
                key: name, prefix: prefix.trimmingSpaces, suppressAuthor: suppress, column: column(name))
            (item.label, item.locator, item.suffix) = locator(String(part[end...]))
            items.append(item)
        }
        return (items, close)
    }

    /// `", pp. 3–5, and elsewhere"` → ("page", "3–5", ", and elsewhere"). A bare number is a page.
    static func locator(_ text: String) -> (label: String?, locator: String?, suffix: String) {
        var rest = Substring(text)
        if rest.hasPrefix(",") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        var label: String? = nil
        let word = rest.prefix { $0.isLetter || $0 == "§" }
        if !word.isEmpty, let term = labels[word.lowercased()] {
            var after = rest.dropFirst(word.count)
            if after.hasPrefix(".") { after = after.dropFirst() }
            if after.first == " " || after.first == "\u{00A0}" || after.first?.isNumber == true || word.first == "§" {
                label = term
                rest = after.drop { $0 == " " || $0 == "\u{00A0}" }
            }
        }
        guard label != nil || rest.first?.isNumber == true else { return (nil, nil, text.trimmingSpaces.isEmpty ? "" : text) }
        // The locator runs over numbers, ranges and lists of them ("3–5, 7"); words after it are the suffix.
        var end = rest.startIndex
        var k = rest.startIndex
        while k < rest.endIndex {
            let ch = rest[k]
            if ch.isNumber || ch.isLetter && end == rest.startIndex || "–-—".contains(ch) || ch == "." && end > rest.startIndex {
                k = rest.index(after: k); end = k; continue
            }
            if ch == ",", let next = rest[rest.index(after: k)...].drop(while: { $0 == " " }).first, next.isNumber {
                k = rest.index(after: k); continue
            }
            if ch == " ", k > rest.startIndex, rest[rest.index(before: k)] == "," { k = rest.index(after: k); continue }
            break
        }
        let value = String(rest[..<end])
        guard !value.isEmpty else { return (nil, nil, text) }
        return (label ?? "page", value, String(rest[end...]))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
