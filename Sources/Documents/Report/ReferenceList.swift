import CSL
import Notebook

/// Where the reference list goes: into the `::: {#refs}` div when the notebook has one
/// (Pandoc's rule), else at the end of the body — before the appendix, when there is one —
/// under an unnumbered section titled by the front matter's `reference-section-title`; with `reference-section: per-section`, one list at the end of
/// each top-level section with the entries cited in it (quarto-cli#1083). Each entry is a div
/// `#ref-key` (`#ref-key-2`, … when later sections list it again), the target of its citations;
/// a numeric style's label and text are two divs, `csl-left-margin` and `csl-right-inline`, and
/// a style with a hanging indent marks its list `hanging-indent`, as Pandoc's HTML does.
enum ReferenceList {
    /// Past the last line of any notebook: the added section is not at a place in the source.
    static let addedLine = 10_000_000

    /// The entries each section lists and the anchor of each (key, section).
    struct Sections {
        /// Per top-level section, the entries cited in it, in the bibliography's order.
        var lists: [[BibliographyEntry]]
        /// Which list first shows each key: its entry there is `#ref-key`.
        private var first: [String: Int] = [:]

        init(entries: [BibliographyEntry], citedIn: [Set<String>]) {
            lists = citedIn.map { keys in entries.filter { keys.contains($0.id) } }
            // Entries nobody cites (`nocite`) go in the last list.
            let cited = citedIn.reduce(into: Set<String>()) { $0.formUnion($1) }
            let rest = entries.filter { !cited.contains($0.id) }
            if !rest.isEmpty, !lists.isEmpty { lists[lists.count - 1] += rest }
            for (s, list) in lists.enumerated() { for e in list where first[e.id] == nil { first[e.id] = s } }
        }

        /// `ref-key` in the first list with the key, `ref-key-N` in list N (from 1) after it.
        func anchor(_ key: String, section: Int) -> String {
            let listed = lists.indices.contains(section) && lists[section].contains { $0.id == key }
            guard listed, let f = first[key], f != section else { return CitationInlines.anchor(key) }
            return CitationInlines.anchor(key) + "-\(section + 1)"
        }
    }

    /// The section index of each top-level block: a heading of the top level opens the next;
    /// what comes before the first heading belongs to the first section.
    static func sectionIndices(_ blocks: [Block]) -> (indices: [Int], count: Int, level: Int) {
        let level = topLevel(blocks)
        var s = -1
        let indices = blocks.map { b -> Int in
            if case .heading(let l, _, _) = b, l == level { s += 1 }
            return max(s, 0)
        }
        return (indices, max(s + 1, 1), level)
    }

    static func topLevel(_ blocks: [Block]) -> Int {
        blocks.compactMap { b -> Int? in
            if case .heading(let l, _, _) = b { return l }; return nil
        }.min() ?? 1
    }

    static func place(_ entries: [BibliographyEntry], options: [String: String], in document: inout Document, title: String) {
        let list = entries.enumerated().map { k, e in entry(e, anchor: CitationInlines.anchor(e.id), line: addedLine + 2 + k) }
        let classes = listClasses(options)
        var placed = false
        document.blocks = fill(document.blocks, with: list, classes: classes, placed: &placed)
        guard !placed, !entries.isEmpty else { return }
        let section: [Block] = [
            .heading(level: topLevel(document.blocks), content: [.text(title), .attributes(id: "references", classes: ["unnumbered"])], line: addedLine),
            .div(FencedDiv(id: "refs", classes: classes, blocks: list, line: addedLine + 1)),
        ]
        // A paper's references close its body, before the appendix (as NeurIPS, ICML and JMLR
        // papers set them): the list goes before the first `{.appendix}` heading, if any.
        let appendix = document.blocks.firstIndex { b in
            guard case .heading(_, let content, _) = b else { return false }
            return content.attributes?.classes.contains("appendix") ?? false
        }
        document.blocks.insert(contentsOf: section, at: appendix ?? document.blocks.endIndex)
    }

    /// One list after the last block of each top-level section that cites something, under an
    /// unnumbered heading one level down.
    static func placePerSection(_ sections: Sections, options: [String: String], in document: inout Document, title: String) {
        let (indices, count, level) = sectionIndices(document.blocks)
        var out: [Block] = []
        for s in 0..<count {
            out += zip(document.blocks, indices).filter { $0.1 == s }.map(\.0)
            guard s < sections.lists.count, !sections.lists[s].isEmpty else { continue }
            let base = addedLine + 100_000 * (s + 1)
            let list = sections.lists[s].enumerated().map { k, e in entry(e, anchor: sections.anchor(e.id, section: s), line: base + 2 + k) }
            out += [
                .heading(
                    level: level + 1, content: [.text(title), .attributes(id: "references-\(s + 1)", classes: ["unnumbered"])], line: base),
                .div(FencedDiv(id: "refs-\(s + 1)", classes: listClasses(options), blocks: list, line: base + 1)),
            ]
        }
        document.blocks = out
    }

    private static func listClasses(_ options: [String: String]) -> [String] {
        ["references"] + (options["hanging-indent"] == "true" ? ["hanging-indent"] : [])
    }

    /// An entry's div; a numeric style's `second-field-align` gives its label a div of its own.
    static func entry(_ e: BibliographyEntry, anchor: String, line: Int) -> Block {
        var blocks: [Block] = [.paragraph(CitationInlines.inlines(e.content), line: line)]
        if e.content.count == 2, case .display("left-margin", let label) = e.content[0], case .display("right-inline", let text) = e.content[1] {
            blocks = [
                .div(FencedDiv(classes: ["csl-left-margin"], blocks: [.paragraph(CitationInlines.inlines(label), line: line)], line: line)),
                .div(FencedDiv(classes: ["csl-right-inline"], blocks: [.paragraph(CitationInlines.inlines(text), line: line)], line: line)),
            ]
        }
        return .div(FencedDiv(id: anchor, classes: ["csl-entry"], blocks: blocks, line: line))
    }

    private static func fill(_ blocks: [Block], with list: [Block], classes: [String], placed: inout Bool) -> [Block] {
        blocks.map { block in
            guard case .div(var d) = block else { return block }
            if d.id == "refs", !placed {
                placed = true
                d.blocks += list
                for c in classes where !d.classes.contains(c) { d.classes.append(c) }
            } else {
                d.blocks = fill(d.blocks, with: list, classes: classes, placed: &placed)
            }
            return .div(d)
        }
    }
}
