/// The bibliography: each entry through the bibliography layout, with
/// `subsequent-author-substitute` for runs of the same names.
extension CitationProcessor {
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
            var out = ItemRenderer.fonts(layout, nodes)
            out = punctuation.affix(layout["prefix"], out, layout["suffix"])
            entries.append(BibliographyEntry(id: id, content: out))
        }
        return entries
    }
}
