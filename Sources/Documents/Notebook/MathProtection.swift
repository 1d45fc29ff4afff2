import Foundation
/// Hides `$…$` and `$$…$$` from the Markdown parser, whose backslash escapes would otherwise
/// eat `\{`, `\,` and `\\`. Each span becomes a placeholder of private-use characters plus as
/// many newlines as the span had, so every later line keeps its number. Each of those newlines
/// of an inline (`$…$`) span is followed by `continued`, which marks it as no space: the text after
/// the closing `$` joins the formula (`$…\n…$.` ends with the period at the formula, not a
/// space before it), and two newlines never meet to break the paragraph.
struct MathProtection {
    static let open: Character = "\u{E000}", close: Character = "\u{E001}", display: Character = "\u{E002}"
    static let continued: Character = "\u{E004}"

    /// `column` is the character column of the opening `$` on `line`.
    struct Span: Equatable { var tex: String; var display: Bool; var line: Int; var column: Int = 1 }
    private(set) var spans: [Span] = []
    /// `{#eq-…}` and `{#eq:…}` written in the text outside math and code (label forms the
    /// parser may take), with their places; the ones it does not take are warned about.
    private(set) var labelCandidates: [(text: String, line: Int, column: Int)] = []

    /// Returns `source` with math replaced. `firstLine` numbers `source`'s first line.
    mutating func protect(_ source: String, firstLine: Int = 1) -> String {
        let chars = Array(source)
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var i = 0, line = firstLine, lineStart = 0
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
            if c == "\n" { out.append(c); line += 1; i += 1; lineStart = i; atLineStart = true; continue }
            if c == "{", i + 4 < chars.count, chars[i + 1] == "#", chars[i + 2] == "e", chars[i + 3] == "q",
                chars[i + 4] == "-" || chars[i + 4] == ":"
            {
                let end = chars[i...].firstIndex(where: { $0 == "}" || $0 == "\n" }).map { chars[$0] == "}" ? $0 + 1 : $0 } ?? chars.count
                labelCandidates.append((String(chars[i..<end]), line, i - lineStart + 1))
            }
            if c == "\\" && i + 1 < chars.count && chars[i + 1] == "$" {
                out += "\\$"; i += 2; continue
            }
            if c == "`" {
                // An inline code span: copy through its matching backtick run.
                var n = 0; while i + n < chars.count && chars[i + n] == "`" { n += 1 }
                let found = closing.next(length: n, atOrAfter: i + n)
                let stop = found >= 0 ? found + n : i + n
                for k in i..<stop {
                    out.append(chars[k])
                    if chars[k] == "\n" { line += 1; lineStart = k + 1 }
                }
                i = stop
                continue
            }
            if c == "$" {
                let isDisplay = i + 1 < chars.count && chars[i + 1] == "$"
                if let (tex, mathEnd) = scanMath(chars, from: i, display: isDisplay) {
                    let newlines = tex.filter { $0 == "\n" }.count
                    // Quarto's `$$ … $$ {#eq-x}` (label on the closing line), or the label alone on
                    // the next line: the label moves next to the placeholder, so the parser sees
                    // one `$$…$$ {#eq-x}` and the label's own line stays (blank) where it was.
                    let label = isDisplay ? Self.equationLabel(chars, after: mathEnd) : nil
                    if let label { labelCandidates.append((label.text, label.line == 0 ? line + newlines : line + newlines + 1, label.column)) }
                    let end = label?.end ?? mathEnd
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
                    if let label { out += " " + label.text }
                    if isDisplay || label != nil {
                        out += String(repeating: "\n", count: (ownLines ? newlines - 1 : newlines) + (label?.line ?? 0))
                    } else {
                        out += String(repeating: "\n" + String(Self.continued), count: newlines)
                    }
                    spans.append(Span(tex: tex, display: isDisplay, line: line, column: i - lineStart + 1))
                    line += newlines + (label?.line ?? 0)
                    if newlines + (label?.line ?? 0) > 0 { lineStart = chars[..<end].lastIndex(of: "\n").map { $0 + 1 } ?? lineStart }
                    i = end
                    continue
                }
            }
            out.append(c); i += 1
        }
        return out
    }

    /// An equation label after a display formula's closing `$$` at `end`: `{#eq-x …}` on the same
    /// line, or alone on the next line. `line` is 0 or 1 (which of the two), `column` the label's
    /// column on its line, and `end` where the text after it resumes (its line's end).
    static func equationLabel(_ chars: [Character], after end: Int) -> (text: String, line: Int, column: Int, end: Int)? {
        func attributes(from start: Int) -> (String, Int)? {
            var j = start
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            guard j + 4 < chars.count, chars[j] == "{", chars[j + 1] == "#", String(chars[(j + 2)...(j + 4)]) == "eq-" else { return nil }
            guard let close = chars[j...].firstIndex(where: { $0 == "}" || $0 == "\n" }), chars[close] == "}" else { return nil }
            var k = close + 1
            while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
            guard k == chars.count || chars[k] == "\n", Attributes.split(String(chars[j...close])) != nil else { return nil }
            return (String(chars[j...close]), j)
        }
        if let (text, at) = attributes(from: end) {
            let lineStart = chars[..<end].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let stop = chars[at...].firstIndex(of: "\n") ?? chars.count
            return (text, 0, at - lineStart + 1, stop)
        }
        var j = end
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        guard j < chars.count, chars[j] == "\n", let (text, at) = attributes(from: j + 1) else { return nil }
        let stop = chars[at...].firstIndex(of: "\n") ?? chars.count
        return (text, 1, at - j, stop)
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

    /// Removes the soft breaks a formula's own newlines left behind (each is a break followed by
    /// text starting with `continued`), at every level of nesting, and any stray mark.
    static func joinContinuedLines(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let t) where t.contains(continued):
                if case .softBreak? = out.last, t.first == continued { out.removeLast() }
                let rest = t.filter { $0 != continued }
                if !rest.isEmpty { out.append(.text(rest)) }
            case .emphasis(let c): out.append(.emphasis(joinContinuedLines(c)))
            case .strong(let c): out.append(.strong(joinContinuedLines(c)))
            case .strikethrough(let c): out.append(.strikethrough(joinContinuedLines(c)))
            case .styled(let style, let c): out.append(.styled(style, joinContinuedLines(c)))
            case .link(let url, let c): out.append(.link(url: url, content: joinContinuedLines(c)))
            default: out.append(inline)
            }
        }
        return out
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

extension MathProtection {
    /// The spans whose placeholders `text` holds, by index.
    static func indices(in text: String) -> [Int] {
        guard text.contains(open) else { return [] }
        var result: [Int] = []
        var digits: String? = nil
        for c in text {
            if c == open {
                digits = ""
            } else if c == close {
                if let d = digits, let k = Int(d) { result.append(k) }; digits = nil
            } else if c != display {
                digits?.append(c)
            }
        }
        return result
    }
}

/// A formula of the notebook with its place, for warnings about it: every `$…$` and `$$…$$`
/// the report typesets — in the text, the abstract and the cells' captions.
public struct MathSource: Equatable, Sendable {
    public var tex: String
    public var display: Bool
    /// The place of the formula's first character (after `$` or `$$`).
    public var line: Int, column: Int
    /// Whether `tex` is written as is from there on, line breaks included: then an offset into
    /// it is a place in the Markdown. Otherwise (a quoted caption) problems point at the start.
    public var verbatim: Bool

    public init(tex: String, display: Bool, line: Int, column: Int, verbatim: Bool) {
        (self.tex, self.display, self.line, self.column, self.verbatim) = (tex, display, line, column, verbatim)
    }

    /// The line and column of the character `offset` Unicode scalars into `tex`.
    public func place(ofOffset offset: Int) -> (line: Int, column: Int) {
        guard verbatim, offset > 0 else { return (line, column) }
        var (l, c) = (line, column)
        let scalars = tex.unicodeScalars
        let stop = scalars.index(scalars.startIndex, offsetBy: min(offset, scalars.count))
        for ch in tex[..<stop] {
            if ch == "\n" { l += 1; c = 1 } else { c += 1 }
        }
        return (l, c)
    }
}
