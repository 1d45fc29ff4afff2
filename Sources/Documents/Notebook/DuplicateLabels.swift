/// Cross-reference labels must be unique in a document: `@fig-x` with two figures labelled
/// `fig-x` would silently point at one of them, and their files would collide. Quarto rejects
/// duplicates as well; we say where both are.
enum DuplicateLabels {
    /// Throws at the second use of a label (cell `//| label:`, heading `{#sec-…}`, image figure
    /// `![…](…){#fig-…}`, equation `{#eq-…}`, table caption `{#tbl-…}`), naming the line of the
    /// first. This is the one check: Report's numbering can rely on labels being unique.
    static func check(_ blocks: [Block], lines: [String], file: String) throws {
        var first: [String: Int] = [:]
        func visit(_ label: String, line: Int, column: Int) throws {
            if let earlier = first[label] {
                throw Diagnostic(
                    file: file, line: line, column: column,
                    message: "label '\(label)' is already used at line \(earlier); labels must be unique",
                    sourceLine: line - 1 < lines.count ? lines[line - 1] : nil)
            }
            first[label] = line
        }
        func visitWritten(_ label: String, from line: Int) throws {
            // The label is on the block's line or after it: a display equation's block starts at
            // its opening `$$`, the label follows its end.
            let at = (line..<min(line + 200, lines.count + 1)).first { lines[$0 - 1].contains("{#\(label)}") } ?? line
            try visit(label, line: at, column: columnOf(label, line: at, lines: lines))
        }
        func walk(_ bs: [Block]) throws {
            for b in bs {
                switch b {
                case .cell(let cell):
                    guard let label = cell.options.label else { continue }
                    let (line, column) = optionPosition(label, before: cell.firstLine, lines: lines)
                    try visit(label, line: line, column: column)
                case .heading(_, let content, let line):
                    guard let id = content.attributes?.id else { continue }
                    try visit(id, line: line, column: columnOf(id, line: line, lines: lines))
                case .imageFigure(let figure, let line):
                    guard let label = figure.label else { continue }
                    try visit(label, line: line, column: columnOf(label, line: line, lines: lines))
                case .equation(_, let label, let line):
                    try visitWritten(label, from: line)
                case .table(_, _, let caption?, _):
                    guard let label = caption.label else { continue }
                    try visitWritten(label, from: caption.line)
                case .list(_, _, let items, _): for item in items { try walk(item) }
                case .quote(let inner, _): try walk(inner)
                case .div(let d):
                    if let id = d.id { try visit(id, line: d.line, column: columnOf(id, line: d.line, lines: lines)) }
                    try walk(d.blocks)
                default: continue
                }
            }
        }
        try walk(blocks)
    }

    /// The `//| label:` line sits among the option lines just above the cell's first code line.
    static func optionPosition(_ label: String, before firstLine: Int, lines: [String]) -> (Int, Int) {
        var n = firstLine - 1
        // Inside a quote or list the option line has its container prefix first.
        while n >= 1, n - 1 < lines.count, lines[n - 1].drop(while: { $0 == " " || $0 == "\t" || $0 == ">" }).hasPrefix("//|") {
            if lines[n - 1].contains("label:") { return (n, columnOf(label, line: n, lines: lines)) }
            n -= 1
        }
        return (firstLine, 1)
    }

    static func columnOf(_ label: String, line: Int, lines: [String]) -> Int {
        guard line - 1 < lines.count, let r = lines[line - 1].range(of: label) else { return 1 }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: r.lowerBound) + 1
    }
}
