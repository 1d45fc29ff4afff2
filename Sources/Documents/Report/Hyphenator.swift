import Foundation

/// Liang's hyphenation (TeX's algorithm) with the patterns of Debian's `hyphen-en-us`
/// (`/usr/share/hyphen/hyph_en_US.dic`, the libhyphen format). Marks break points with soft
/// hyphens (U+00AD), which Pango honours: it breaks a justified line there and draws the
/// hyphen only when it does. Without the dictionary, text is left as it is.
final class Hyphenator: @unchecked Sendable {
    /// The patterns as a trie over their letters, so a word's substrings are looked up by
    /// walking from each position instead of building a String per substring (which made
    /// hyphenation a quarter of a reference list's layout time).
    private struct Node {
        var children: [Character: Int] = [:]
        var values: [UInt8]? = nil
    }
    private var trie: [Node] = [Node()]
    private var maxLength = 0
    private var leftMin = 2, rightMin = 3

    static let english: Hyphenator? = {
        let candidates = ["/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en.dic"]
        for path in candidates {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return Hyphenator(dictionary: text) }
        }
        return nil
    }()

    init(dictionary: String) {
        for raw in dictionary.split(whereSeparator: \.isNewline).dropFirst() {  // line 1 names the charset
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("LEFTHYPHENMIN") { leftMin = Int(line.split(separator: " ").last ?? "") ?? leftMin; continue }
            if line.hasPrefix("RIGHTHYPHENMIN") { rightMin = Int(line.split(separator: " ").last ?? "") ?? rightMin; continue }
            // Skip comments, directives and libhyphen's non-standard (replacement) patterns.
            guard let first = line.first, first != "%", first != "#", !line.contains("/"), !line.contains("="),
                !line.hasPrefix("NEXTLEVEL"), !line.uppercased().hasPrefix("COMPOUND"), !line.hasPrefix("NOHYPHEN")
            else { continue }
            var letters = "", values: [UInt8] = [0]
            for c in line {
                if let d = c.wholeNumberValue, c.isASCII { values[values.count - 1] = UInt8(d) } else { letters.append(c); values.append(0) }
            }
            insert(letters, values)
            maxLength = max(maxLength, letters.count)
        }
    }

    private func insert(_ letters: String, _ values: [UInt8]) {
        var node = 0
        for c in letters {
            if let next = trie[node].children[c] {
                node = next
            } else {
                trie.append(Node())
                trie[node].children[c] = trie.count - 1
                node = trie.count - 1
            }
        }
        trie[node].values = values
    }

    /// The positions (counts of letters before the break) where `word` may break.
    func breaks(_ word: String) -> [Int] {
        let letters = Array(word.lowercased())
        guard letters.count >= leftMin + rightMin, letters.count == word.count else { return [] }
        let s = ["."] + letters + ["."]
        var values = [UInt8](repeating: 0, count: s.count + 1)
        for i in 0..<s.count {
            var node = 0
            for j in i..<min(s.count, i + maxLength) {
                guard let next = trie[node].children[s[j]] else { break }
                node = next
                guard let p = trie[node].values else { continue }
                for (k, v) in p.enumerated() where v > values[i + k] { values[i + k] = v }
            }
        }
        // values[k + 1] sits between letters k - 1 and k (s has the leading ".").
        return (leftMin...(letters.count - rightMin)).filter { values[$0 + 1] % 2 == 1 }
    }

    /// `text` with soft hyphens at the break points of its words of five letters or more.
    func hyphenate(_ text: String) -> String {
        var out = "", word = ""
        func flush() {
            if word.count >= 5 {
                let points = Set(breaks(word))
                for (k, c) in word.enumerated() { if points.contains(k) { out.append("\u{00AD}") }; out.append(c) }
            } else {
                out += word
            }
            word = ""
        }
        for c in text {
            if c.isLetter { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }
}
