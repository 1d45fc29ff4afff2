import Foundation
import Notebook

/// Links and images of a document with where they were written. The model keeps only the line
/// a block starts on, so warnings about one image or link (`file.md:line:col`) find its column
/// — and its own line, inside a paragraph of several lines — in the notebook's source text.
enum InlineSources {
    struct Reference {
        var isImage: Bool
        var url: String
        /// Line of the block holding it.
        var blockLine: Int
        /// How many references of the same kind and URL come before it in that block.
        var sameBefore: Int
        /// How many references of the same kind come before it in that block.
        var kindBefore: Int
    }

    /// Every link and image in document order (headings, paragraphs, lists, quotes, tables,
    /// table captions, footnotes).
    static func references(in blocks: [Block]) -> [Reference] {
        var out: [Reference] = []
        func visit(_ content: [[Inline]], line: Int) {
            // Counted per block visited: a footnote used twice is two visits of its blocks.
            var seen: [String: Int] = [:]
            var kinds = [false: 0, true: 0]
            func inlines(_ c: [Inline]) {
                for i in c {
                    switch i {
                    case .image(let url, let alt):
                        add(true, url); inlines(alt)
                    case .link(let url, let c):
                        add(false, url); inlines(c)
                    case .emphasis(let c), .strong(let c), .strikethrough(let c): inlines(c)
                    case .footnote(let b): walk(b)
                    default: break
                    }
                }
            }
            func add(_ image: Bool, _ url: String) {
                let key = (image ? "i" : "l") + url
                out.append(
                    Reference(
                        isImage: image, url: url, blockLine: line, sameBefore: seen[key, default: 0],
                        kindBefore: kinds[image, default: 0]))
                seen[key, default: 0] += 1
                kinds[image, default: 0] += 1
            }
            content.forEach(inlines)
        }
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let c, let l), .heading(_, let c, let l): visit([c], line: l)
                case .imageFigure(let figure, let l): visit([figure.inlines], line: l)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let inner, _): walk(inner)
                case .div(let d): walk(d.blocks)
                case .table(let h, let rows, let caption, let l):
                    visit(h + rows.flatMap { $0 }, line: l)
                    if let caption { visit([caption.content], line: caption.line) }
                default: break
                }
            }
        }
        walk(blocks)
        return out
    }

    /// The notebook's lines, read again from `path` (empty when it cannot be read: a document
    /// parsed from a string then reports block lines, column 1).
    static func lines(path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Line and column (1-based, in characters) of `ref` in `lines`: for an image its `!`, for a
    /// link the start of its URL as written. Falls back to the block's line, column 1.
    static func locate(_ ref: Reference, in lines: [String]) -> (line: Int, column: Int) {
        let first = ref.blockLine - 1
        guard first >= 0, first < lines.count else { return (ref.blockLine, 1) }
        // A block is rarely longer than this; a wrong guess only moves a warning's column.
        let window = first..<min(lines.count, first + 200)
        func occurrences(_ needle: String, requireAfter: String? = nil) -> [(Int, Int)] {
            guard !needle.isEmpty else { return [] }
            var found: [(Int, Int)] = []
            for l in window {
                let line = lines[l]
                var from = line.startIndex
                while let r = line.range(of: needle, range: from..<line.endIndex) {
                    let escaped = r.lowerBound > line.startIndex && line[line.index(before: r.lowerBound)] == "\\"
                    // The URL must follow before the next construct of the same kind on the line.
                    let own = line[r.upperBound...].range(of: needle).map { line[r.upperBound..<$0.lowerBound] } ?? line[r.upperBound...]
                    if !escaped, requireAfter.map({ own.contains($0) }) ?? true {
                        found.append((l + 1, line.distance(from: line.startIndex, to: r.lowerBound) + 1))
                    }
                    from = r.upperBound
                }
            }
            return found
        }
        if ref.isImage {
            let withURL = ref.url.isEmpty ? [] : occurrences("![", requireAfter: ref.url)
            if ref.sameBefore < withURL.count { return withURL[ref.sameBefore] }
            let all = occurrences("![")
            if ref.kindBefore < all.count { return all[ref.kindBefore] }
        } else {
            // Destinations as written (`](…)`, `<…>`, `[r]: …`), decoded as cmark decodes them.
            let found = destinations(lines, window).filter { $0.url == ref.url || "http://" + $0.url == ref.url }
            if ref.sameBefore < found.count { return (found[ref.sameBefore].line, found[ref.sameBefore].column) }
            let all = occurrences("](")
            if ref.kindBefore < all.count { return (all[ref.kindBefore].0, all[ref.kindBefore].1 + 2) }
        }
        return (ref.blockLine, 1)
    }

    /// Link destinations in `window`, with where each starts: inline (`](url)`, `](<url>)`),
    /// autolinks (`<scheme:…>`), bare `www.` autolinks and reference definitions (`[r]: url`).
    /// Entities and backslash escapes are decoded, so `java&#x09;script:` matches the URL.
    static func destinations(_ lines: [String], _ window: Range<Int>) -> [(url: String, line: Int, column: Int)] {
        var out: [(String, Int, Int)] = []
        for l in window {
            let c = Array(lines[l])
            var i = 0
            while i < c.count {
                var start: Int? = nil, close: Character = ")"
                if c[i] == "]", i + 1 < c.count, c[i + 1] == "(" {
                    start = i + 2
                } else if c[i] == "]", i + 1 < c.count, c[i + 1] == ":", !(c.prefix(i).contains("]")) {
                    start = i + 2; close = " "
                } else if c[i] == "<", i + 1 < c.count, c[i + 1].isLetter {
                    start = i + 1; close = ">"
                } else if c[i] == "w", c.count - i > 4, String(c[i..<i + 4]) == "www.", i == 0 || !c[i - 1].isLetter {
                    start = i; close = " "
                }
                guard var j = start else { i += 1; continue }
                while close != ">" && j < c.count && (c[j] == " " || c[j] == "\t") { j += 1 }
                if close != ">" && j < c.count && c[j] == "<" { j += 1; close = ">" }
                let begin = j
                var depth = 0
                while j < c.count {
                    if c[j] == "\\", j + 1 < c.count { j += 2; continue }
                    if close == ")" && c[j] == "(" { depth += 1 }
                    if c[j] == close || (close == ")" && c[j] == " ") { if depth == 0 || c[j] == " " { break }; depth -= 1 }
                    if close == " " && c[j] == "\t" { break }
                    j += 1
                }
                if j > begin { out.append((decode(String(c[begin..<j])), l + 1, begin + 1)) }
                i = max(j, i + 1)
            }
        }
        return out
    }

    /// Numeric character references, the named ones a URL is likely to hide (`&Tab;`,
    /// `&NewLine;`, `&colon;`, …) and backslash escapes, as cmark decodes a destination.
    static func decode(_ s: String) -> String {
        var t = s.replacingOccurrences(of: #"\\([!-/:-@\[-`{-~])"#, with: "$1", options: .regularExpression)
        for (name, value) in [
            ("Tab", "\t"), ("NewLine", "\n"), ("colon", ":"), ("quot", "\""), ("lt", "<"), ("gt", ">"),
            ("nbsp", "\u{A0}"), ("sol", "/"), ("lpar", "("), ("rpar", ")"), ("period", "."), ("amp", "&"),
        ] {
            t = t.replacingOccurrences(of: "&\(name);", with: value)
        }
        let decoded = ImageFileCheck.decodeCharacterReferences(t)
        return decoded.replacingOccurrences(of: "\0", with: "\u{FFFD}")
    }

    /// A URL as it may appear inside a message: controls shown as `\u{…}` (a terminal must not
    /// act on escape sequences from a notebook), and long URLs (`data:` ones) shortened.
    static func printable(_ url: String) -> String {
        var out = ""
        for s in url.unicodeScalars.prefix(80) {
            if URLSafety.isInvisible(s) && s != " " { out += "\\u{\(String(s.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(s) }
        }
        return url.unicodeScalars.count > 80 ? out + "…" : out
    }
}
