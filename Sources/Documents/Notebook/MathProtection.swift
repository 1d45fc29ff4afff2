import Foundation
/// Hides `$…$` and `$$…$$` from the Markdown parser, whose backslash escapes would otherwise
/// eat `\{`, `\,` and `\\`. Each span becomes a placeholder of private-use characters plus as
/// many newlines as the span had, so every later line keeps its number.
struct MathProtection {
    static let open: Character = "\u{E000}", close: Character = "\u{E001}", display: Character = "\u{E002}"

    struct Span: Equatable { var tex: String; var display: Bool; var line: Int }
    private(set) var spans: [Span] = []

    /// Returns `source` with math replaced. `firstLine` numbers `source`'s first line.
    mutating func protect(_ source: String, firstLine: Int = 1) -> String {
        let chars = Array(source)
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var i = 0, line = firstLine
        var atLineStart = true
        var fence: String? = nil  // the open fence's marker run, while inside a fenced block

        var closing = BacktickRuns(chars)
        func lineEnd(from j: Int) -> Int { var k = j; while k < chars.count && chars[k] != "\n" { k += 1 }; return k }

        while i < chars.count {
            if atLineStart {
                // Fenced code blocks pass through untouched.
                let end = lineEnd(from: i)
                let text = String(chars[i..<end])
                let trimmed = text.drop(while: { $0 == " " })
                if text.count - trimmed.count <= 3, let marker = trimmed.first, marker == "`" || marker == "~" {
                    let run = trimmed.prefix(while: { $0 == marker })
                    if run.count >= 3 {
                        if let f = fence {
                            if f.first == marker && run.count >= f.count && trimmed.dropFirst(run.count).allSatisfy({ $0 == " " }) { fence = nil }
                        } else {
                            fence = String(run)
                        }
                        out += text; i = end; atLineStart = false
                        continue
                    }
                }
                if fence != nil { out += text; i = end; atLineStart = false; continue }
                atLineStart = false
            }
            let c = chars[i]
            if c == "\n" { out.append(c); line += 1; i += 1; atLineStart = true; continue }
            if c == "\\" && i + 1 < chars.count && chars[i + 1] == "$" {
                out += "\\$"; i += 2; continue
            }
            if c == "`" {
                // An inline code span: copy through its matching backtick run.
                var n = 0; while i + n < chars.count && chars[i + n] == "`" { n += 1 }
                let found = closing.next(length: n, atOrAfter: i + n)
                let stop = found >= 0 ? found + n : i + n
                for ch in chars[i..<stop] { out.append(ch); if ch == "\n" { line += 1 } }
                i = stop
                continue
            }
            if c == "$" {
                let isDisplay = i + 1 < chars.count && chars[i + 1] == "$"
                if let (tex, end) = scanMath(chars, from: i, display: isDisplay) {
                    let newlines = tex.filter { $0 == "\n" }.count
                    // A display formula written on lines of its own ($$ at a line start, spanning
                    // lines) is a block even without blank lines around it, as in Pandoc: spend two
                    // of its own newlines on blank lines around the placeholder, so the paragraph
                    // breaks there and later lines keep their numbers.
                    let ownLines =
                        isDisplay && newlines >= 2 && out.last.map { $0 == "\n" } ?? true
                        && end < chars.count && chars[end] == "\n"
                    if ownLines { out += "\n" }
                    out.append(Self.open)
                    if isDisplay { out.append(Self.display) }
                    out += String(spans.count)
                    out.append(Self.close)
                    out += String(repeating: "\n", count: ownLines ? newlines - 1 : newlines)
                    spans.append(Span(tex: tex, display: isDisplay, line: line))
                    line += newlines
                    i = end
                    continue
                }
            }
            out.append(c); i += 1
        }
        return out
    }

    /// Pandoc's rule: `$` opens when followed by a non-space and closes when preceded by a
    /// non-space and not followed by a digit ("$5 and $6" stays text). `$$` needs `$$`.
    private func scanMath(_ chars: [Character], from start: Int, display: Bool) -> (String, Int)? {
        let delim = display ? 2 : 1
        let body = start + delim
        guard body < chars.count else { return nil }
        if !display && (chars[body] == " " || chars[body] == "\n" || chars[body] == "\t") { return nil }
        var j = body
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if !display && chars[j] == "\n" && j + 1 < chars.count && chars[j + 1] == "\n" { return nil }
            if chars[j] == "$" {
                if display {
                    if j + 1 < chars.count && chars[j + 1] == "$" { return (String(chars[body..<j]), j + 2) }
                    return nil
                }
                let before = chars[j - 1]
                let after: Character? = j + 1 < chars.count ? chars[j + 1] : nil
                if before != " " && before != "\t" && before != "\n" && !(after?.isNumber ?? false) {
                    return (String(chars[body..<j]), j + 1)
                }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Splits text containing placeholders back into text and math inlines.
    func restore(_ text: String) -> [Inline] {
        guard text.contains(Self.open) else { return [.text(text)] }
        var result: [Inline] = []
        var buffer = ""
        var iter = text.makeIterator()
        while let c = iter.next() {
            if c == Self.open {
                var digits = ""
                while let d = iter.next(), d != Self.close { if d != Self.display { digits.append(d) } }
                if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" }
                if let k = Int(digits), k < spans.count { result.append(.math(spans[k].tex)) }
            } else {
                buffer.append(c)
            }
        }
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }

    /// The display-math span a paragraph consists of, if it is only that.
    func displaySpan(_ text: String) -> Span? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.first == Self.open, t.last == Self.close, t.dropFirst().first == Self.display,
            t.filter({ $0 == Self.open }).count == 1,
            let k = Int(t.dropFirst(2).dropLast()), k >= 0, k < spans.count
        else { return nil }
        return spans[k]
    }
}

/// Every maximal run of backticks, by length, so a code span's closing run is found without
/// rescanning the text at each opening one (unmatched runs made that quadratic).
struct BacktickRuns {
    private var starts: [Int: [Int]] = [:]
    private var cursor: [Int: Int] = [:]

    init(_ chars: [Character]) {
        var i = 0
        while i < chars.count {
            guard chars[i] == "`" else { i += 1; continue }
            var n = 0; while i + n < chars.count && chars[i + n] == "`" { n += 1 }
            starts[n, default: []].append(i)
            i += n
        }
    }

    /// The start of the first run of exactly `length` backticks at or after `position`, or -1.
    /// Positions asked for each length only grow, so a cursor per length suffices.
    mutating func next(length: Int, atOrAfter position: Int) -> Int {
        guard let list = starts[length] else { return -1 }
        var k = cursor[length] ?? 0
        while k < list.count && list[k] < position { k += 1 }
        cursor[length] = k
        return k < list.count ? list[k] : -1
    }
}
