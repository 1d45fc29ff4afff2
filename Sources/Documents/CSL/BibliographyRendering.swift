/// The bibliography: each entry through the bibliography layout, with
/// `subsequent-author-substitute` for runs of the same names.
extension CitationProcessor {
    /// The title mark becomes a link to the item's DOI (or URL) when no other link is in the
    /// entry; otherwise it is dropped.
    static func resolveTitleLink(_ nodes: [RichText], item: CSLItem?) -> [RichText] {
        func hasLink(_ ns: [RichText]) -> Bool {
            ns.contains { n in
                if case .link(let url, let c) = n { return url != ItemRenderer.titleMark || hasLink(c) }
                return hasLink(n.children ?? [])
            }
        }
        var target: String?
        if !hasLink(nodes), let item {
            if let doi = item.string("DOI") { target = doi.hasPrefix("http") ? doi : "https://doi.org/" + doi } else { target = item.string("URL") }
        }
        func rewrite(_ ns: [RichText]) -> [RichText] {
            ns.flatMap { n -> [RichText] in
                if case .link(let url, let c) = n, url == ItemRenderer.titleMark {
                    return target.map { [.link(url: $0, rewrite(c))] } ?? rewrite(c)
                }
                guard let c = n.children else { return [n] }
                return [n.replacingChildren(rewrite(c))]
            }
        }
        return rewrite(nodes)
    }

    func renderBibliography(_ order: [String], states: [String: ItemState]) -> [BibliographyEntry] {
        guard let ctx = bibliographyContext, let bib = style.bibliography, let layout = bib.child("layout") else { return [] }
        let punctuation = Punctuation(punctuationInQuote: locale.punctuationInQuote)
        let substitute = bib["subsequent-author-substitute"]
        var previousAuthors: [RichText]?
        var entries: [BibliographyEntry] = []
        for id in order {
            let state = states[id] ?? ItemState()
            var cite = CiteRendering(mode: .bibliography)
            cite.authorOnly = true
            var (nodes, authors) = renderCite(id, cite, state: state, context: ctx)
            if let substitute, let authors, let prev = previousAuthors, prev == authors {
                var c = CiteRendering(mode: .bibliography)
                c.substituteNames = substitute
                nodes = renderCite(id, c, state: state, context: ctx).nodes
            }
            previousAuthors = authors
            nodes = Self.resolveTitleLink(nodes, item: items[id])
            var out = ItemRenderer.fonts(layout, nodes)
            out = punctuation.affix(layout["prefix"], out, layout["suffix"])
            entries.append(BibliographyEntry(id: id, content: out))
        }
        return entries
    }
}
