internal import CCmarkGFM

/// Markdown nested thousands of levels deep (`> > > …`, `- - - …`, `*_*_…`) is valid and
/// cmark-gfm parses it without recursion, but every walk over `Block` and `Inline` after it —
/// the conversion here, Report's layout, Runner's cell search — recurses, and overflows the
/// stack. No real document nests even a tenth of the cap: we refuse more, at the place where
/// the cap is crossed, before any recursive walk starts.
enum NestingLimit {
    /// Levels of lists, block quotes, footnotes, emphasis, links and images.
    static let maxDepth = 100

    static func message(_ what: String = "Markdown") -> String {
        "\(what) is nested more than \(maxDepth) levels deep (lists, block quotes, footnotes, emphasis or links); flatten it"
    }

    /// Whether a node adds a level to the walks over the model.
    static func counts(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LIST, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
            CMARK_NODE_IMAGE, CMARK_NODE_FOOTNOTE_DEFINITION:
            return true
        default:
            // Extensions' node types (strikethrough) are registered at run time.
            return cmark_node_get_type_string(node).map { String(cString: $0) == "strikethrough" } ?? false
        }
    }

    /// Walks cmark's tree with its iterator (no recursion) and throws where a node is the
    /// first one beyond the cap. `source` gives the (math-protected) text of a line, to turn
    /// cmark's byte column into a character column.
    static func check(_ root: OpaquePointer, file: String, source: (Int) -> Substring?) throws {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        var depth = 0
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iter), counts(node) else { continue }
            if event == CMARK_EVENT_EXIT { depth -= 1; continue }
            depth += 1
            if depth > maxDepth {
                var line = Int(cmark_node_get_start_line(node))
                var column = Int(cmark_node_get_start_column(node))
                // Inline nodes have no position of their own in cmark-gfm; use their block's.
                var block: OpaquePointer? = node
                while line <= 0, let b = block {
                    block = cmark_node_parent(b); if let p = block { line = Int(cmark_node_get_start_line(p)); column = Int(cmark_node_get_start_column(p)) }
                }
                let text = source(line)
                throw Diagnostic(
                    file: file, line: max(1, line), column: SourceText.characterColumn(text, utf8Column: column),
                    message: message(), sourceLine: text.map(String.init))
            }
        }
    }
}
