/// Shapes of Markdown that the system's cmark-gfm (0.29.0.gfm.6) parses in quadratic time or
/// worse, refused from the text before it is handed over — a notebook must fail at once, not
/// after hours. Each limit is far beyond any real document:
/// - block quotes more than `NestingLimit.maxDepth` deep on one line (`>>>>…a*a*…` is cubic);
/// - more than `maxPipes` `|` on a line (a table row's cells are quadratic, and a header that
///   wide pads every later row to its width);
/// - more than `maxImages` `![` in one paragraph (each link closed after them walks them all).
/// Fenced code is passed over: what is in it is not Markdown.
enum MarkdownLimits {
    static let maxPipes = 1000
    static let maxImages = 1000

    static func check(_ lines: [Substring], file: String) throws {
        var fence: (marker: Character, length: Int)? = nil
        var images = 0
        for (k, text) in lines.enumerated() {
            let line = k + 1
            let trimmed = text.drop(while: { $0 == " " })
            let indent = text.count - trimmed.count
            if indent <= 3, let marker = trimmed.first, marker == "`" || marker == "~" {
                let run = trimmed.prefix(while: { $0 == marker }).count
                if run >= 3 {
                    if let f = fence {
                        if f.marker == marker && run >= f.length && trimmed.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
                    } else {
                        fence = (marker, run)
                    }
                    continue
                }
            }
            if fence != nil { continue }
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { images = 0; continue }
            func fail(_ column: Int, _ message: String) -> Diagnostic {
                Diagnostic(file: file, line: line, column: column, message: message, sourceLine: String(text))
            }
            if let column = quoteNestingColumn(text) { throw fail(column, NestingLimit.message()) }
            var pipes = 0, column = 0
            var previous: Character = " "
            for c in text {
                column += 1
                if c == "|" && previous != "\\" {
                    pipes += 1
                    if pipes > maxPipes { throw fail(column, "more than \(maxPipes) '|' on one line; tables have at most \(maxPipes) columns") }
                }
                if c == "[" && previous == "!" {
                    images += 1
                    if images > maxImages { throw fail(column - 1, "more than \(maxImages) images in one paragraph; split it") }
                }
                previous = c
            }
        }
    }

    /// Where a line's leading containers (`>` and list markers) pass the nesting cap, when
    /// quotes alone do: the column `NestingLimit` would name for the same node.
    static func quoteNestingColumn(_ text: Substring) -> Int? {
        guard text.filter({ $0 == ">" }).count > NestingLimit.maxDepth else { return nil }
        let chars = Array(text)
        var i = 0, levels = 0
        while i < chars.count {
            let c = chars[i]
            var markerEnd: Int? = nil
            if c == ">" {
                markerEnd = i + 1
            } else if c == "-" || c == "*" || c == "+", i + 1 < chars.count, chars[i + 1] == " " || chars[i + 1] == "\t" {
                markerEnd = i + 1
            } else if c.isASCII, c.isNumber {
                var j = i; while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j < chars.count, chars[j] == "." || chars[j] == ")", j + 1 < chars.count, chars[j + 1] == " " { markerEnd = j + 1 }
            } else if c == " " || c == "\t" {
                i += 1; continue
            }
            guard let end = markerEnd else { break }
            levels += 1
            if levels > NestingLimit.maxDepth { return i + 1 }
            i = end
        }
        // Quotes further along the line are text: cmark-gfm reads them in linear time.
        return nil
    }
}
