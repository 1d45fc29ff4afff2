import CSL
import Notebook

/// Where the reference list goes: into the `::: {#refs}` div when the notebook has one
/// (Pandoc's rule), else at the end under an unnumbered section titled by the front matter's
/// `reference-section-title`. Each entry is a div `#ref-key`, the target of its citations.
enum ReferenceList {
    /// Past the last line of any notebook: the added section is not at a place in the source.
    static let addedLine = 10_000_000

    static func place(_ entries: [BibliographyEntry], in document: inout Document, title: String) {
        let list: [Block] = entries.enumerated().map { k, entry in
            .div(
                FencedDiv(
                    id: CitationInlines.anchor(entry.id), classes: ["csl-entry"],
                    blocks: [.paragraph(CitationInlines.inlines(entry.content), line: addedLine + 2 + k)], line: addedLine + 2 + k))
        }
        var placed = false
        document.blocks = fill(document.blocks, with: list, placed: &placed)
        guard !placed, !entries.isEmpty else { return }
        let level =
            document.blocks.compactMap { b -> Int? in
                if case .heading(let l, _, _) = b { return l }; return nil
            }.min() ?? 1
        document.blocks += [
            .heading(level: level, content: [.text(title), .attributes(id: "references", classes: ["unnumbered"])], line: addedLine),
            .div(FencedDiv(id: "refs", classes: ["references"], blocks: list, line: addedLine + 1)),
        ]
    }

    private static func fill(_ blocks: [Block], with list: [Block], placed: inout Bool) -> [Block] {
        blocks.map { block in
            guard case .div(var d) = block else { return block }
            if d.id == "refs", !placed {
                placed = true
                d.blocks += list
                if !d.classes.contains("references") { d.classes.append("references") }
            } else {
                d.blocks = fill(d.blocks, with: list, placed: &placed)
            }
            return .div(d)
        }
    }
}
