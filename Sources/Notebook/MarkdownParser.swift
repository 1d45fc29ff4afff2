internal import CCmarkGFM

/// Markdown → blocks through cmark-gfm (tables, strikethrough, autolinks, task lists).
struct MarkdownParser {
    let file: String
    let math: MathProtection
    private var cellCount = 0

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
        return try blocks(children(of: root))
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var c = cmark_node_first_child(node)
        while let n = c { result.append(n); c = cmark_node_next(n) }
        return result
    }

    private func type(_ n: OpaquePointer) -> String { String(cString: cmark_node_get_type_string(n)) }
    private func literal(_ n: OpaquePointer) -> String { cmark_node_get_literal(n).map { String(cString: $0) } ?? "" }
    private func line(_ n: OpaquePointer) -> Int { Int(cmark_node_get_start_line(n)) }

    private mutating func blocks(_ nodes: [OpaquePointer]) throws -> [Block] {
        var result: [Block] = []
        for n in nodes {
            switch type(n) {
            case "heading":
                result.append(.heading(level: Int(cmark_node_get_heading_level(n)), content: inlines(children(of: n)), line: line(n)))
            case "paragraph":
                let content = children(of: n)
                if content.count == 1, type(content[0]) == "text", let span = math.displaySpan(literal(content[0])) {
                    result.append(.displayMath(tex: span.tex, line: span.line))
                } else {
                    result.append(.paragraph(inlines(content), line: line(n)))
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
                for item in children(of: n) { items.append(try blocks(children(of: item))) }
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
                    let cells = children(of: row).map { inlines(children(of: $0)) }
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

    private func inlines(_ nodes: [OpaquePointer]) -> [Inline] {
        var result: [Inline] = []
        for n in nodes {
            switch type(n) {
            case "text": result += math.restore(literal(n))
            case "softbreak": result.append(.softBreak)
            case "linebreak": result.append(.lineBreak)
            case "code": result.append(.code(literal(n)))
            case "emph": result.append(.emphasis(inlines(children(of: n))))
            case "strong": result.append(.strong(inlines(children(of: n))))
            case "strikethrough": result.append(.strikethrough(inlines(children(of: n))))
            case "link":
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                result.append(.link(url: url, content: inlines(children(of: n))))
            case "image":
                result += inlines(children(of: n))
            case "html_inline":
                result.append(.text(literal(n)))
            default:
                result += inlines(children(of: n))
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
