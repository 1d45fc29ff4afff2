internal import CCmarkGFM

/// Equation labels in Quarto's forms: `$$ x $$ {#eq-x}` on one line, and a display formula over
/// several lines whose closing line is `$$ {#eq-x}` — at the edge of a paragraph or inside it,
/// with or without blank lines around it — and the label alone on the line after `$$`
/// (`MathProtection` moves such a label next to its formula). A label any other place is not
/// taken, and says so at its own line rather than at a later `@eq-x`.
extension MarkdownParser {
    /// A paragraph that holds a labelled display formula on lines of its own, as the text
    /// before it, the equation, and the text after it; nil when it has none.
    mutating func equationLines(_ nodes: [OpaquePointer], line start: Int) throws -> [Block]? {
        // The paragraph's lines: nodes between soft or hard breaks, each with the break before
        // it (kept inside a paragraph, dropped next to an equation) and its Markdown line.
        var lines: [(nodes: [OpaquePointer], breakBefore: OpaquePointer?, line: Int)] = [([], nil, start)]
        var l = start
        for n in nodes {
            if type(n) == "softbreak" || type(n) == "linebreak" {
                l += 1
                lines.append(([], n, l))
            } else {
                lines[lines.count - 1].nodes.append(n)
            }
        }
        func equation(_ line: [OpaquePointer]) -> (tex: String, label: String, line: Int)? {
            guard !line.isEmpty, line.allSatisfy({ type($0) == "text" }) else { return nil }
            let text = line.map(literal).joined()
            guard let (rest, id, _) = Attributes.split(text), let id, id.hasPrefix("eq-"), let span = math.displaySpan(rest) else { return nil }
            return (span.tex, id, span.line)
        }
        guard lines.contains(where: { equation($0.nodes) != nil }) else { return nil }
        var blocks: [Block] = []
        var pending: [OpaquePointer] = []
        var pendingLine = start
        func flush() throws {
            if !pending.isEmpty { blocks.append(.paragraph(try inlines(pending, line: pendingLine), line: pendingLine)) }
            pending = []
        }
        for entry in lines {
            if let eq = equation(entry.nodes) {
                try flush()
                for n in entry.nodes { typesetMath.formUnion(MathProtection.indices(in: literal(n))) }
                blocks.append(.equation(tex: eq.tex, label: eq.label, line: eq.line))
                continue
            }
            if pending.isEmpty { pendingLine = entry.line } else if let b = entry.breakBefore { pending.append(b) }
            pending += entry.nodes
        }
        try flush()
        return blocks
    }

    /// Warnings for the `{#eq-…}` (and pandoc-crossref's `{#eq:…}`) written where no equation
    /// takes them: after inline math, inside a sentence, after a formula that is not display math.
    func untakenLabelWarnings(_ blocks: [Block]) -> [Diagnostic] {
        var taken: Set<String> = []
        func walk(_ bs: [Block]) {
            for b in bs {
                switch b {
                case .equation(_, let label, _): taken.insert(label)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let inner, _): walk(inner)
                default: break
                }
            }
        }
        walk(blocks)
        return math.labelCandidates.compactMap { candidate in
            let inner = candidate.text.dropFirst(2).prefix(while: { $0 != " " && $0 != "}" })
            if candidate.text.hasPrefix("{#eq-"), taken.contains(String(inner)) { return nil }
            let message =
                candidate.text.hasPrefix("{#eq:")
                ? "equation label \(candidate.text) is not taken: Folio's labels are written {#eq-\(inner.dropFirst(3))}, after the closing $$"
                : "equation label \(candidate.text) is not taken: it must follow a display formula's closing $$ (`$$ … $$ {#\(inner)}`)"
            return Diagnostic(
                file: file, line: candidate.line, column: candidate.column, message: message,
                sourceLine: sourceLine(candidate.line).map(String.init), severity: .warning)
        }
    }
}
