internal import CCmarkGFM

/// Markdown → blocks through cmark-gfm (tables, strikethrough, autolinks, task lists).
struct MarkdownParser {
    let file: String
    let math: MathProtection
    private var cellCount = 0
    private var footnotes: [String: OpaquePointer] = [:]

    init(file: String, math: MathProtection) { self.file = file; self.math = math }

    mutating func parse(_ markdown: String) throws -> [Block] {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { fatalError("cmark_parser_new failed") }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(root) }
        // cmark-gfm moves footnote definitions to the end; their text is placed at each mark.
        // A reference's literal is its definition's ordinal ("1", "2", …) among the used
        // definitions, which cmark-gfm appends to the document in that order.
        for n in children(of: root) where cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION {
            footnotes["\(footnotes.count + 1)"] = n
        }
        return try blocks(children(of: root))
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var c = cmark_node_first_child(node)
        while let n = c { result.append(n); c = cmark_node_next(n) }
        return result
    }

    /// cmark-gfm names footnote nodes "<unknown>"; they get names of their own here.
    private func type(_ n: OpaquePointer) -> String {
        switch cmark_node_get_type(n) {
        case CMARK_NODE_FOOTNOTE_REFERENCE: "footnote_reference"
        case CMARK_NODE_FOOTNOTE_DEFINITION: "footnote_definition"
        default: String(cString: cmark_node_get_type_string(n))
        }
    }
    private func literal(_ n: OpaquePointer) -> String { cmark_node_get_literal(n).map { String(cString: $0) } ?? "" }
    private func line(_ n: OpaquePointer) -> Int { Int(cmark_node_get_start_line(n)) }

    private mutating func blocks(_ nodes: [OpaquePointer]) throws -> [Block] {
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
                if let text = single, let span = math.displaySpan(text) {
                    result.append(.displayMath(tex: span.tex, line: span.line))
                } else if let text = single, let (rest, id, _) = Attributes.split(text), let id, id.hasPrefix("eq-"),
                          let span = math.displaySpan(rest) {
                    // `$$ x $$ {#eq-x}` on one line.
                    result.append(.equation(tex: span.tex, label: id, line: span.line))
                } else if let text = single, let (rest, id, _) = Attributes.split(text), let id, id.hasPrefix("eq-"),
                          rest.trimmingCharacters(in: .whitespaces).isEmpty, case .displayMath(let tex, let l)? = result.last {
                    // `$$ … $$ {#eq-x}` over several lines: the math's newlines end the paragraph
                    // before the label, which then stands alone right after it.
                    result[result.count - 1] = .equation(tex: tex, label: id, line: l)
                } else if case .table? = result.last, let first = content.first, type(first) == "text", literal(first).hasPrefix(": ") {
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
                    result.append(.tableCaption(inl, label: label, line: line(n)))
                } else {
                    result.append(.paragraph(try inlines(content, line: line(n)), line: line(n)))
                }
            case "code_block":
                let info = cmark_node_get_fence_info(n).map { String(cString: $0) } ?? ""
                let language = info.split(separator: " ").first.map(String.init)?.lowercased() ?? ""
                var code = restoreMath(literal(n))
                if code.hasSuffix("\n") { code.removeLast() }
                if language == "swift" {
                    // cmark's start line is the fence; the code starts on the next line.
                    let (options, body, first) = try CellOptions.parse(code: code, firstLine: line(n) + 1, file: file)
                    result.append(.cell(Cell(index: cellCount, code: body, firstLine: first, options: options)))
                    cellCount += 1
                } else {
                    result.append(.code(language: language, text: code, line: line(n)))
                }
            case "list":
                let ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST
                var items: [[Block]] = []
                for item in children(of: n) {
                    var content = try blocks(children(of: item))
                    if type(item) == "tasklist" {
                        // The box leads the item's first paragraph, as a reader sees it.
                        let box = Inline.checkbox(checked: cmark_gfm_extensions_get_tasklist_item_checked(item))
                        if case .paragraph(let inl, let l)? = content.first { content[0] = .paragraph([box] + inl, line: l) }
                        else { content.insert(.paragraph([box], line: line(item)), at: 0) }
                    }
                    items.append(content)
                }
                result.append(.list(ordered: ordered, start: Int(cmark_node_get_list_start(n)), items: items, line: line(n)))
            case "block_quote":
                result.append(.quote(try blocks(children(of: n)), line: line(n)))
            case "thematic_break":
                result.append(.rule(line: line(n)))
            case "html_block":
                result.append(.html(literal(n), line: line(n)))
            case "table":
                var header: [[Inline]] = []
                var rows: [[[Inline]]] = []
                for row in children(of: n) {
                    let cells = try children(of: row).map { try inlines(children(of: $0), line: line(row)) }
                    if type(row) == "table_header" || cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells }
                    else { rows.append(cells) }
                }
                result.append(.table(header: header, rows: rows, line: line(n)))
            default:
                continue
            }
        }
        return result
    }

    /// Code blocks are not math-protected, but a placeholder can reach one when `$` spans
    /// straddle a fence; put the original text back.
    private func restoreMath(_ s: String) -> String {
        guard s.contains(MathProtection.open) else { return s }
        return math.restore(s).map { if case .math(let t) = $0 { return "$" + t + "$" }; if case .text(let t) = $0 { return t }; return "" }.joined()
    }

    /// Inlines of a block that starts at Markdown line `line`.
    private func inlines(_ nodes: [OpaquePointer], line: Int) throws -> [Inline] {
        var l = line
        return try inlines(nodes, line: &l)
    }

    /// `line` follows the soft and hard breaks, so cross-reference errors name the right line.
    private func inlines(_ nodes: [OpaquePointer], line: inout Int) throws -> [Inline] {
        var result: [Inline] = []
        for n in nodes {
            switch type(n) {
            case "text":
                let text = literal(n)
                result += CrossReferences.split(math.restore(text), line: line)
                line += text.filter { $0 == "\n" }.count
            case "softbreak": result.append(.softBreak); line += 1
            case "linebreak": result.append(.lineBreak); line += 1
            case "code": result.append(.code(literal(n)))
            case "emph": result.append(.emphasis(try inlines(children(of: n), line: &line)))
            case "strong": result.append(.strong(try inlines(children(of: n), line: &line)))
            case "strikethrough": result.append(.strikethrough(try inlines(children(of: n), line: &line)))
            case "link":
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                result.append(.link(url: url, content: try inlines(children(of: n), line: &line)))
            case "image":
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                result.append(.image(url: url, alt: try inlines(children(of: n), line: &line)))
            case "footnote_reference":
                let label = literal(n)
                guard let def = footnotes[label] else {
                    throw Diagnostic(file: file, line: line, message: "footnote mark [^…] has no definition")
                }
                // A definition is parsed at each of its marks; cmark-gfm allows repeats.
                var copy = self
                result.append(.footnote(try copy.blocks(children(of: def))))
            case "html_inline":
                result.append(.text(literal(n)))
            default:
                result += try inlines(children(of: n), line: &line)
            }
        }
        // Adjacent text runs merge, so consumers see whole words.
        var merged: [Inline] = []
        for i in result {
            if case .text(let b) = i, case .text(let a)? = merged.last { merged[merged.count - 1] = .text(a + b) }
            else { merged.append(i) }
        }
        return merged
    }
}

import Foundation

/// Pandoc-style attributes at the end of a line: `Title {#sec-x .unnumbered}`.
enum Attributes {
    /// Splits `text` into what precedes a trailing `{…}` and the id and classes inside it.
    /// Returns nil unless the braces hold only `#id`, `.class` and `key=value` words.
    static func split(_ text: String) -> (rest: String, id: String?, classes: [String])? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var id: String? = nil, classes: [String] = []
        for word in inner.split(separator: " ") {
            if word.hasPrefix("#"), word.count > 1 { id = String(word.dropFirst()) }
            else if word.hasPrefix("."), word.count > 1 { classes.append(String(word.dropFirst())) }
            else if word == "-" { classes.append("unnumbered") }   // Pandoc's shorthand
            else if !word.contains("=") { return nil }
        }
        guard id != nil || !classes.isEmpty else { return nil }
        return (String(trimmed[..<open]), id, classes)
    }
}

/// Finds `@fig-x`, `@tbl-x`, `@eq-x`, `@sec-x` in text (Quarto's syntax).
enum CrossReferences {
    static let kinds = ["fig", "tbl", "eq", "sec"]

    static func split(_ inlines: [Inline], line: Int) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            if case .text(let s) = inline { return split(s, line: line) }
            return [inline]
        }
    }

    static func split(_ text: String, line: Int) -> [Inline] {
        guard text.contains("@") else { return [.text(text)] }
        let chars = Array(text)
        var result: [Inline] = []
        var buffer = ""
        var line = line
        var i = 0
        func isLabel(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" || c == ":" }
        while i < chars.count {
            let c = chars[i]
            // Not inside a word (an e-mail address is not a reference).
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            if c == "@", startsWord {
                var j = i + 1
                while j < chars.count && isLabel(chars[j]) { j += 1 }
                // A label does not end in punctuation: "see @fig-a." ends the sentence.
                while j > i + 1 && (chars[j - 1] == "-" || chars[j - 1] == ":" || chars[j - 1] == "_") { j -= 1 }
                let label = String(chars[(i + 1)..<j])
                if let dash = label.firstIndex(of: "-"), kinds.contains(String(label[..<dash])), label.index(after: dash) < label.endIndex {
                    if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" }
                    result.append(.crossReference(label: label, line: line))
                    i = j
                    continue
                }
            }
            if c == "\n" { line += 1 }
            buffer.append(c)
            i += 1
        }
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }
}
