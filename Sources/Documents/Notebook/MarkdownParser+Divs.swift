/// Nesting the blocks between div fences (`DivFences` marked them before cmark-gfm parsed).
extension MarkdownParser {
    /// `flat` with the blocks between each opening and closing marker moved into their div.
    /// A closing fence closes the innermost open div, whatever its number of colons (Pandoc's
    /// rule). Markers pair within one container (the document, a list item, a quote): a div
    /// left open at the container's end is closed there, with a warning at its fence.
    mutating func nestDivs(_ flat: [Block]) throws -> [Block] {
        guard
            flat.contains(where: {
                if case .html(let h, _) = $0 { return DivFences.fence(h) != nil }; return false
            })
        else {
            return flat
        }
        var out: [Block] = []
        var stack: [(opening: DivFences.Opening, blocks: [Block])] = []
        func append(_ b: Block) {
            if stack.isEmpty { out.append(b) } else { stack[stack.count - 1].blocks.append(b) }
        }
        func close() {
            let top = stack.removeLast()
            let o = top.opening
            append(.div(FencedDiv(id: o.id, classes: o.classes, attributes: o.attributes, blocks: top.blocks, line: o.line, column: o.column)))
        }
        for b in flat {
            guard case .html(let h, let line) = b, let fence = DivFences.fence(h) else { append(b); continue }
            switch fence {
            case .open(let k):
                // Renderers recurse into divs: the same cap as for lists and quotes.
                if stack.count + depth >= NestingLimit.maxDepth {
                    let o = divs.openings[k]
                    throw Diagnostic(
                        file: file, line: o.line, column: o.column,
                        message: "divs are nested more than \(NestingLimit.maxDepth) levels deep; flatten them",
                        sourceLine: sourceLine(o.line).map(String.init))
                }
                stack.append((divs.openings[k], []))
            case .close:
                if stack.isEmpty {
                    warnings.append(
                        Diagnostic(
                            file: file, line: line, column: 1, message: "closing ':::' without an open div; remove it",
                            sourceLine: sourceLine(line).map(String.init), severity: .warning))
                } else {
                    close()
                }
            }
        }
        // Outermost first, so the warnings read in line order.
        for open in stack {
            warnings.append(
                Diagnostic(
                    file: file, line: open.opening.line, column: open.opening.column,
                    message: "div opened here is never closed; add a line ':::' after its last block",
                    sourceLine: sourceLine(open.opening.line).map(String.init), severity: .warning))
        }
        while !stack.isEmpty { close() }
        return out
    }

    /// Warnings for fences whose attributes could not be read (they stay as text).
    mutating func reportUnreadableFences() {
        for u in divs.unreadable {
            warnings.append(
                Diagnostic(
                    file: file, line: u.line, column: u.column, message: u.reason,
                    sourceLine: sourceLine(u.line).map(String.init), severity: .warning))
        }
    }
}
