/// Citations put together: positions, cite order, affixes, collapsing, narrative form.
extension CitationProcessor {
    struct RenderedCite {
        var id: String
        var item: CitationItem
        var nodes: [RichText]
        var authors: String
        var number: Int
        var position: CitePosition
        var year: Int?
        var suffix: String?
    }

    func formatCitations(_ citations: [Citation], states: [String: ItemState]) -> (notes: [[RichText]], inText: [[RichText]?]) {
        guard let citationNode = style.citation, let layout = citationNode.child("layout") else { return ([], []) }
        var inText: [[RichText]?] = []
        var lastNote: [String: Int] = [:]
        var firstNote: [String: Int] = [:]
        var seen: Set<String> = []
        var previous: CitationItem?
        var previousCitationSingle = false
        let punctuation = Punctuation(punctuationInQuote: locale.punctuationInQuote)
        let nearNoteDistance = Int(citationNode["near-note-distance"] ?? "5") ?? 5
        var results: [[RichText]] = []
        // Sort keys depend on the item only: computed once per item, not once per citation.
        var sortCache: [String: [SortValue?]] = [:]
        let groupsByAuthor = citationNode["collapse"]?.hasPrefix("year") ?? false
        for (index, citation) in citations.enumerated() {
            let note = citation.noteNumber ?? index + 1
            var cites: [RenderedCite] = []
            var prevInCitation: CitationItem?
            for ci in citation.items where items[ci.id] != nil {
                var cite = CiteRendering(mode: .citation, locator: ci.locator, label: ci.label ?? (ci.locator == nil ? nil : "page"))
                cite.suppressAuthor = ci.suppressAuthor
                let prior = prevInCitation ?? (previousCitationSingle || prevInCitation == nil ? previous : nil)
                if !seen.contains(ci.id) {
                    cite.position = .first
                } else if let prior, prior.id == ci.id, prevInCitation != nil || previousCitationSingle {
                    if ci.locator == nil {
                        cite.position = prior.locator == nil ? .ibid : .subsequent
                    } else {
                        cite.position = ci.locator == prior.locator ? .ibid : .ibidWithLocator
                    }
                    if ci.locator == nil, prior.locator != nil { cite.position = .subsequent }
                } else {
                    cite.position = .subsequent
                }
                if let last = lastNote[ci.id] { cite.nearNote = note - last <= nearNoteDistance }
                cite.firstNoteNumber = firstNote[ci.id]
                let state = states[ci.id] ?? ItemState()
                let nodes = linked(ci.id, renderCite(ci.id, cite, state: state, context: citationContext).nodes)
                var authors = ""
                if groupsByAuthor {
                    var authorsCite = CiteRendering(mode: .citation)
                    authorsCite.authorOnly = true
                    authors = renderCite(ci.id, authorsCite, state: state, context: citationContext).authors?.plainCharacters ?? ""
                }
                var affixed = nodes
                if let p = ci.prefix, !p.isEmpty { affixed = [.text(p.hasSuffix(" ") ? p : p + " ")] + affixed }
                if let s = ci.suffix, !s.isEmpty { punctuation.append([.text(s.hasPrefix(",") || s.hasPrefix(" ") ? s : " " + s)], to: &affixed) }
                cites.append(
                    RenderedCite(
                        id: ci.id, item: ci, nodes: affixed, authors: authors, number: state.citationNumber, position: cite.position,
                        year: items[ci.id]?.dates["issued"]?.year,
                        suffix: state.yearSuffix))
                seen.insert(ci.id)
                lastNote[ci.id] = note
                if firstNote[ci.id] == nil { firstNote[ci.id] = note }
                prevInCitation = ci
            }
            previous = citation.items.last
            previousCitationSingle = citation.items.count == 1
            // An author's prefixes ("see …; also …") fix the order they wrote.
            let authorOrdered = citation.items.contains { ($0.prefix ?? "").isEmpty == false || ($0.suffix ?? "").isEmpty == false }
            if let sort = citationNode.child("sort"), cites.count > 1, !authorOrdered {
                let order = sorted(cites.map(\.id), by: sort, context: citationContext, cache: &sortCache) {
                    states[$0] ?? ItemState()
                }
                let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                cites = cites.enumerated().sorted { (rank[$0.element.id]!, $0.offset) < (rank[$1.element.id]!, $1.offset) }.map(\.element)
            }
            let isNote = style.styleClass == "note"
            if citation.narrative, let first = cites.first, first.item.id == citation.items.first?.id {
                var authorOnly = CiteRendering(mode: .citation)
                authorOnly.authorOnly = true
                let state = states[first.id] ?? ItemState()
                if let authors = renderCite(first.id, authorOnly, state: state, context: citationContext).authors, !authors.isEmpty {
                    // "Doe (2005)": the author as text, the rest of the citation without them.
                    var inner = cites
                    var c = CiteRendering(mode: .citation, locator: first.item.locator, label: first.item.label ?? (first.item.locator == nil ? nil : "page"))
                    c.suppressAuthor = true
                    c.position = first.position
                    inner[0].nodes = linked(first.id, renderCite(first.id, c, state: state, context: citationContext).nodes)
                    if let s = first.item.suffix, !s.isEmpty { punctuation.append([.text(" " + s)], to: &inner[0].nodes) }
                    let tail = ItemRenderer.fonts(layout, collapse(inner, citationNode: citationNode, layout: layout, states: states))
                    if isNote {
                        // In a note style the author stays in the text and the rest is the note.
                        results.append(Self.capitalizedNote(punctuation.affix(layout["prefix"], tail, layout["suffix"])))
                        inText.append(authors)
                    } else {
                        let rest = tail.isEmpty ? [] : [.text(" ")] + punctuation.affix(layout["prefix"] ?? "(", tail, layout["suffix"] ?? ")")
                        results.append(linked(first.id, authors) + rest)
                        inText.append(nil)
                    }
                    continue
                }
            }
            let body = ItemRenderer.fonts(layout, collapse(cites, citationNode: citationNode, layout: layout, states: states))
            let formatted = punctuation.affix(layout["prefix"], body, layout["suffix"])
            results.append(isNote ? Self.capitalizedNote(formatted) : formatted)
            inText.append(nil)
        }
        return (results, inText)
    }

    /// One item's rendering as a link to its entry, when `itemLink` is set; links inside it
    /// (a DOI the citation shows) give way, since a link cannot hold another.
    func linked(_ id: String, _ nodes: [RichText]) -> [RichText] {
        guard let itemLink, !nodes.isEmpty else { return nodes }
        return [.link(url: itemLink(id), RichTextEdges.unlinked(nodes))]
    }

    /// A note is a sentence: its first letter is a capital ("See Doe …").
    static func capitalizedNote(_ nodes: [RichText]) -> [RichText] {
        var done = false
        return RichTextEdges.mapText(nodes) { t in
            guard !done, let first = t.first(where: { !$0.isSpaceFast }) else { return t }
            done = true
            guard first.isLowercase, let i = t.firstIndex(of: first) else { return t }
            return String(t[..<i]) + first.uppercased() + String(t[t.index(after: i)...])
        }
    }

    /// Joins the cites of one citation, collapsing number runs or same-author groups.
    func collapse(_ cites: [RenderedCite], citationNode: CSLNode, layout: CSLNode, states: [String: ItemState]) -> [RichText] {
        let punctuation = Punctuation(punctuationInQuote: locale.punctuationInQuote)
        let delimiter = layout["delimiter"] ?? ""
        let collapse = citationNode["collapse"]
        let afterCollapse = citationNode["after-collapse-delimiter"] ?? delimiter
        if collapse == "citation-number" {
            var pieces: [[RichText]] = []
            var i = 0
            while i < cites.count {
                var j = i
                func plain(_ c: RenderedCite) -> Bool { c.item.locator == nil && c.item.prefix == nil && c.item.suffix == nil }
                while j + 1 < cites.count, plain(cites[j]), plain(cites[j + 1]), cites[j + 1].number == cites[j].number + 1 { j += 1 }
                if j - i >= 2 {
                    pieces.append(cites[i].nodes + [.text("\u{2013}")] + cites[j].nodes)
                } else {
                    for k in i...j { pieces.append(cites[k].nodes) }
                }
                i = j + 1
            }
            return punctuation.join(pieces, delimiter: delimiter)
        }
        guard let collapse, collapse.hasPrefix("year") else { return punctuation.join(cites.map(\.nodes), delimiter: delimiter) }
        // Group cites by author, keeping the order of each group's first cite.
        var groups: [[RenderedCite]] = []
        for c in cites {
            if !c.authors.isEmpty, let g = groups.firstIndex(where: { $0[0].authors == c.authors && $0[0].item.prefix == nil }) {
                groups[g].append(c)
            } else {
                groups.append([c])
            }
        }
        let groupDelimiter = citationNode["cite-group-delimiter"] ?? ", "
        let suffixDelimiter = citationNode["year-suffix-delimiter"] ?? delimiter
        var pieces: [[RichText]] = []
        for g in groups {
            if g.count == 1 {
                pieces.append(g[0].nodes)
                continue
            }
            var out = g[0].nodes
            /// Whether cite k shows only its year suffix ("Doe 2005a, b").
            func suffixOnly(_ k: Int) -> Bool {
                let c = g[k], prev = g[k - 1]
                return collapse != "year" && c.suffix != nil && prev.year == c.year && prev.suffix != nil && c.item.locator == nil
                    && prev.item.locator == nil
            }
            func follows(_ a: String?, _ b: String?) -> Bool {
                guard let a, let b, a.count == 1, b.count == 1 else { return false }
                return a.unicodeScalars.first!.value + 1 == b.unicodeScalars.first!.value
            }
            var k = 1
            while k < g.count {
                let c = g[k]
                var cite = CiteRendering(mode: .citation, locator: c.item.locator, label: c.item.label ?? (c.item.locator == nil ? nil : "page"))
                cite.suppressAuthor = true
                cite.position = .subsequent
                if suffixOnly(k) {
                    // year-suffix-ranged: three or more consecutive suffixes as a range ("2005a–c").
                    var end = k
                    while collapse == "year-suffix-ranged", end + 1 < g.count, suffixOnly(end + 1), follows(g[end].suffix, g[end + 1].suffix) {
                        end += 1
                    }
                    if end - k >= 1, follows(g[k - 1].suffix, c.suffix) {
                        punctuation.append([.text("\u{2013}"), .text(g[end].suffix!)], to: &out)
                        k = end + 1
                    } else {
                        punctuation.append([.text(suffixDelimiter), .text(c.suffix!)], to: &out)
                        k += 1
                    }
                    continue
                }
                k += 1
                var nodes = linked(c.id, renderCite(c.id, cite, state: states[c.id] ?? ItemState(), context: citationContext).nodes)
                if let s = c.item.suffix, !s.isEmpty { punctuation.append([.text(" " + s)], to: &nodes) }
                punctuation.append([.text(groupDelimiter)], to: &out)
                punctuation.append(nodes, to: &out)
            }
            pieces.append(out)
        }
        var out: [RichText] = []
        for (i, p) in pieces.enumerated() {
            if i > 0 { punctuation.append([.text(groups[i - 1].count > 1 ? afterCollapse : delimiter)], to: &out) }
            punctuation.append(p, to: &out)
        }
        return out
    }
}
