import Notebook

/// Proofs written `::: {.proof of="thm-x" defer="appendix"}` move to the end of the document,
/// into the appendix (`# Appendix {.appendix}`), in the order written; without an appendix
/// heading one is added. Each gets the anchor `proof-<label>` its theorem's note links to.
/// The move is made once, before numbering, so the PDF and the HTML place them alike.
enum DeferredProofs {
    static func arrange(_ blocks: [Block]) -> [Block] {
        var moved: [Block] = []
        func take(_ bs: [Block]) -> [Block] {
            bs.compactMap { b -> Block? in
                switch b {
                case .div(var d):
                    if d.classes.contains("proof"), d.attribute("defer") != nil, let of = d.attribute("of") {
                        if d.id == nil { d.id = "proof-" + of }
                        d.blocks = take(d.blocks)
                        moved.append(.div(d))
                        return nil
                    }
                    d.blocks = take(d.blocks)
                    return .div(d)
                case .list(let o, let s, let items, let l): return .list(ordered: o, start: s, items: items.map(take), line: l)
                case .quote(let inner, let l): return .quote(take(inner), line: l)
                default: return b
                }
            }
        }
        var result = take(blocks)
        guard !moved.isEmpty else { return blocks }
        let hasAppendix = result.contains {
            if case .heading(_, let c, _) = $0 { return c.attributes?.classes.contains("appendix") ?? false }
            return false
        }
        if !hasAppendix {
            let level =
                result.compactMap { b -> Int? in
                    if case .heading(let l, _, _) = b { return l }; return nil
                }.min() ?? 1
            // Line 0: no written line, so no written heading shares its key in the numbering.
            result.append(.heading(level: level, content: [.text("Appendix"), .attributes(id: "appendix", classes: ["appendix"])], line: 0))
        }
        return result + moved
    }
}
