internal import CCmarkGFM
import Foundation

/// Markdown → blocks through cmark-gfm (tables, strikethrough, autolinks, task lists).
///
/// The conversion recurses over cmark's tree, so `NestingLimit` checks the tree's depth
/// first; `depth` follows the levels here as well, since footnotes placed at their marks
/// nest one note's content inside another's.
struct MarkdownParser {
    let file: String
    let math: MathProtection
    /// The notebook's lines as written (front matter blanked, not math-protected), for columns.
    let sourceLines: [Substring]
    var cellCount = 0
    /// Recoverable problems (an unclosed fence around plain code, a footnote citing itself).
    var warnings: [Diagnostic] = []
    var footnotes: [String: OpaquePointer] = [:]
    /// Each definition is converted once, at its first mark, with the depth of its content.
    var converted: [String: (blocks: [Block], height: Int)] = [:]
    /// Labels of the definitions being converted, innermost last: a mark of one of them is a cycle.
    var open: [String] = []
    /// Definitions already placed inside another footnote; see `footnote(_:line:)`.
    var placedInNote: Set<String> = []
    var depth = 0, deepest = 0
    /// Indices of the math spans that became formulas (not code, not raw HTML), in any order.
    var typesetMath: Set<Int> = []
    /// The fenced divs' opening fences, found before cmark parses (`DivFences`).
    var divs = DivFences()
    /// Prefixes of the notebook's own theorem kinds, read as cross references (`@cla-x`).
    var referencePrefixes: Set<String> = []
    /// `[@key]` and `@key` are citations only in a notebook with a bibliography (as Pandoc reads
    /// them only with citeproc): elsewhere an `@name` stays text.
    var citations = true

    init(file: String, math: MathProtection, sourceLines: [Substring] = []) {
        (self.file, self.math, self.sourceLines) = (file, math, sourceLines)
    }

    func sourceLine(_ n: Int) -> Substring? { n >= 1 && n <= sourceLines.count ? sourceLines[n - 1] : nil }

    /// Whether a task item's box is ticked, read from its source: the marker (`-`, `*`, `+`,
    /// `1.`, `1)`), spaces, then `[x]`, `[X]` or `[ ]`. cmark-gfm 0.29.0.gfm.6 (Debian's) answers
    /// "checked" for `- [ ] ![x](y.png)`, reading the image's `[x]`; its answer is kept only
    /// when the source cannot be read (a document parsed without its lines).
    func taskIsChecked(_ item: OpaquePointer) -> Bool {
        let fallback = cmark_gfm_extensions_get_tasklist_item_checked(item)
        guard let text = sourceLine(Int(cmark_node_get_start_line(item))) else { return fallback }
        let bytes = Array(text.utf8)
        var i = max(0, Int(cmark_node_get_start_column(item)) - 1)
        guard i < bytes.count else { return fallback }
        if "-*+".utf8.contains(bytes[i]) {
            i += 1
        } else {
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")") else { return fallback }
            i += 1
        }
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        guard i + 2 < bytes.count, bytes[i] == UInt8(ascii: "["), bytes[i + 2] == UInt8(ascii: "]") else { return fallback }
        return bytes[i + 1] == UInt8(ascii: "x") || bytes[i + 1] == UInt8(ascii: "X")
    }

    mutating func parse(_ text: String) throws -> [Block] {
        let markdown = divs.mark(text)
        reportUnreadableFences()
        let protectedLines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        try MarkdownLimits.check(protectedLines, file: file)
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // By length, not up to a NUL (the caller replaces NULs; this keeps any that remain).
        markdown.withCString { cmark_parser_feed(parser, $0, markdown.utf8.count) }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(root) }
        try NestingLimit.check(root, file: file) { n in n >= 1 && n <= protectedLines.count ? protectedLines[n - 1] : nil }
        // cmark-gfm moves footnote definitions to the end; their text is placed at each mark.
        // A reference's literal is its definition's ordinal ("1", "2", …) among the used
        // definitions, which cmark-gfm appends to the document in that order.
        for n in children(of: root) where cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION {
            footnotes["\(footnotes.count + 1)"] = n
        }
        return try blocks(children(of: root))
    }

    /// One more level of nesting while `body` converts a node's children.
    mutating func nested<T>(_ body: (inout MarkdownParser) throws -> T) rethrows -> T {
        depth += 1
        deepest = max(deepest, depth)
        defer { depth -= 1 }
        return try body(&self)
    }

    func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var c = cmark_node_first_child(node)
        while let n = c { result.append(n); c = cmark_node_next(n) }
        return result
    }

    /// cmark-gfm names footnote nodes "<unknown>"; they get names of their own here.
    func type(_ n: OpaquePointer) -> String {
        switch cmark_node_get_type(n) {
        case CMARK_NODE_FOOTNOTE_REFERENCE: "footnote_reference"
        case CMARK_NODE_FOOTNOTE_DEFINITION: "footnote_definition"
        default: String(cString: cmark_node_get_type_string(n))
        }
    }
    func literal(_ n: OpaquePointer) -> String { cmark_node_get_literal(n).map { String(cString: $0) } ?? "" }
    func line(_ n: OpaquePointer) -> Int { Int(cmark_node_get_start_line(n)) }

    mutating func blocks(_ nodes: [OpaquePointer]) throws -> [Block] {
        var result: [Block] = []
        for n in nodes {
            switch type(n) {
            case "heading":
                var content = try inlines(children(of: n), line: line(n))
                if case .text(let last)? = content.last, let (rest, id, classes) = Attributes.split(last) {
                    content.removeLast()
                    let kept = rest.trimmingCharacters(in: .whitespaces)
                    if !kept.isEmpty { content.append(.text(kept)) }
                    content.append(.attributes(id: id, classes: classes))
                }
                result.append(.heading(level: Int(cmark_node_get_heading_level(n)), content: content, line: line(n)))
            case "paragraph":
                let content = children(of: n)
                let single = content.count == 1 && type(content[0]) == "text" ? literal(content[0]) : nil
                if let text = single { typesetMath.formUnion(MathProtection.indices(in: text)) }
                if let text = single, let span = math.displaySpan(text) {
                    result.append(.displayMath(tex: span.tex, line: span.line))
                } else if let text = single, let (rest, id, _) = Attributes.split(text), let id, id.hasPrefix("eq-"),
                    let span = math.displaySpan(rest)
                {
                    // `$$ x $$ {#eq-x}` on one line.
                    result.append(.equation(tex: span.tex, label: id, line: span.line))
                } else if let text = single, let (rest, id, _) = Attributes.split(text), let id, id.hasPrefix("eq-"),
                    rest.trimmingCharacters(in: .whitespaces).isEmpty, case .displayMath(let tex, let l)? = result.last
                {
                    // `$$ … $$ {#eq-x}` over several lines: the math's newlines end the paragraph
                    // before the label, which then stands alone right after it.
                    result[result.count - 1] = .equation(tex: tex, label: id, line: l)
                } else if let split = try equationLines(content, line: line(n)) {
                    // `$$ … $$ {#eq-x}` on lines of its own inside a paragraph.
                    result += split
                } else if case .table(let header, let rows, nil, let tableLine)? = result.last, let first = content.first, type(first) == "text",
                    literal(first).hasPrefix(": ")
                {
                    // `: Caption with *markup* {#tbl-x}` after a table.
                    var inl = try inlines(content, line: line(n))
                    if case .text(let t)? = inl.first {
                        let rest = String(t.dropFirst(2))
                        if rest.isEmpty { inl.removeFirst() } else { inl[0] = .text(rest) }
                    }
                    var label: String? = nil
                    if case .text(let t)? = inl.last, let (rest, id, _) = Attributes.split(t) {
                        label = id
                        let kept = rest.trimmingCharacters(in: .whitespaces)
                        if kept.isEmpty { inl.removeLast() } else { inl[inl.count - 1] = .text(kept) }
                    }
                    result[result.count - 1] = .table(
                        header: header, rows: rows, caption: TableCaption(content: inl, label: label, line: line(n)),
                        line: tableLine)
                } else {
                    let inl = try inlines(content, line: line(n))
                    result.append(ImageFigure(paragraph: inl).map { .imageFigure($0, line: line(n)) } ?? .paragraph(inl, line: line(n)))
                }
            case "code_block":
                try codeBlock(n, into: &result)
            case "list":
                let ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST
                var items: [[Block]] = []
                for item in children(of: n) {
                    var content = try nested { try $0.blocks($0.children(of: item)) }
                    if type(item) == "tasklist" {
                        // The box leads the item's first paragraph, as a reader sees it.
                        let box = Inline.checkbox(checked: taskIsChecked(item))
                        // An item that is only an image is a line of text once it has a box.
                        if case .imageFigure(let figure, let l)? = content.first { content[0] = .paragraph(figure.inlines, line: l) }
                        if case .paragraph(let inl, let l)? = content.first {
                            content[0] = .paragraph([box] + inl, line: l)
                        } else {
                            content.insert(.paragraph([box], line: line(item)), at: 0)
                        }
                    }
                    items.append(content)
                }
                result.append(.list(ordered: ordered, start: Int(cmark_node_get_list_start(n)), items: items, line: line(n)))
            case "block_quote":
                let inner = try nested { try $0.blocks($0.children(of: n)) }
                result.append(GitHubAlerts.callout(inner, line: line(n)) ?? .quote(inner, line: line(n)))
            case "thematic_break":
                result.append(.rule(line: line(n)))
            case "html_block":
                result.append(.html(literal(n), line: line(n)))
            case "table":
                var header: [[Inline]] = []
                var rows: [[[Inline]]] = []
                for row in children(of: n) {
                    var cells: [[Inline]] = []
                    for cell in children(of: row) { cells.append(try inlines(children(of: cell), line: line(row))) }
                    if type(row) == "table_header" || cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
                }
                result.append(.table(header: header, rows: rows, caption: nil, line: line(n)))
            default:
                continue
            }
        }
        return try nestDivs(result)
    }

    /// A fenced or indented code block: a Swift cell, or code that is only shown.
    mutating func codeBlock(_ n: OpaquePointer, into result: inout [Block]) throws {
        let info = cmark_node_get_fence_info(n).map { String(cString: $0) } ?? ""
        let language = info.split(separator: " ").first.map(String.init)?.lowercased() ?? ""
        var code = restoreMath(literal(n))
        if code.hasSuffix("\n") { code.removeLast() }
        let start = line(n)
        var fenceLength: Int32 = 0, fenceOffset: Int32 = 0
        var fenceChar: CChar = 0
        if cmark_node_get_fenced(n, &fenceLength, &fenceOffset, &fenceChar) != 0,
            !SourceText.fenceIsClosed(
                start: start, end: Int(cmark_node_get_end_line(n)), fence: Character(UnicodeScalar(UInt8(bitPattern: fenceChar))),
                length: Int(fenceLength), line: sourceLine)
        {
            // cmark-gfm runs it to the end of the file (or of its list item or quote): a cell
            // would silently swallow the prose after it, so that is an error; shown code a warning.
            let column = sourceLine(start).map { l in l.count - l.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" }).count + 1 } ?? 1
            let d = Diagnostic(
                file: file, line: start, column: column,
                message: "code fence opened here is never closed; add a closing fence",
                sourceLine: sourceLine(start).map(String.init), severity: language == "swift" ? .error : .warning)
            if language == "swift" { throw d }
            warnings.append(d)
        }
        guard language == "swift" else {
            result.append(.code(language: language, text: code, line: start))
            return
        }
        if !open.isEmpty {
            throw Diagnostic(
                file: file, line: start, message: "a Swift cell cannot be inside a footnote; move it into the text",
                sourceLine: sourceLine(start).map(String.init))
        }
        // cmark's start line is the fence; the code starts on the next line. Each line's own
        // container prefix (`> ` in a quote, a list item's indentation) is its column offset.
        let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let offsets = codeLines.enumerated().map { k, text in SourceText.offset(of: text, in: sourceLine(start + 1 + k)) }
        let (options, body, first) = try CellOptions.parse(
            code: code, firstLine: start + 1, file: file, columnOffsets: offsets,
            markdownLine: { self.sourceLine($0).map(String.init) })
        result.append(
            .cell(
                Cell(
                    index: cellCount, code: body, firstLine: first, options: options,
                    columnOffsets: Array(offsets.dropFirst(first - start - 1)))))
        cellCount += 1
    }

    /// Code blocks are not math-protected, but a placeholder can reach one when `$` spans
    /// straddle a fence; put the original text back.
    func restoreMath(_ s: String) -> String {
        guard s.contains(MathProtection.open) else { return s }
        return math.restore(s).map {
            if case .math(let t) = $0 { return "$" + t + "$" }; if case .text(let t) = $0 { return t }; return ""
        }.joined().filter { $0 != MathProtection.continued }
    }
}
