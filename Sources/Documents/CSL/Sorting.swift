import Foundation

/// `<sort>`: keys from variables or macros, ascending or descending, empty values last.
extension CitationProcessor {
    enum SortValue: Comparable {
        case number(Int)
        case text(String)

        static func < (a: SortValue, b: SortValue) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x < y
            case (.text(let x), .text(let y)): return x < y
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    /// The cited items in bibliography order.
    func bibliographyOrder(_ cited: [String], states: [String: ItemState]) -> [String] {
        guard let ctx = bibliographyContext, let sort = style.bibliography?.child("sort") else { return cited }
        var cache: [String: [SortValue?]] = [:]
        return sorted(cited, by: sort, context: ctx, cache: &cache) { states[$0] ?? ItemState() }
    }

    func sorted(
        _ ids: [String], by sort: CSLNode, context: StyleContext, cache: inout [String: [SortValue?]],
        state: (String) -> ItemState
    ) -> [String] {
        let keys = sort.children("key")
        for id in ids where cache[id] == nil {
            cache[id] = keys.map { sortValue($0, id: id, context: context, state: state(id)) }
        }
        let values = cache
        // A cluster may cite one item twice (`[@a; @a]`): its first place is its place.
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.sorted { a, b in
            let va = values[a]!, vb = values[b]!
            for (i, key) in keys.enumerated() {
                let descending = key["sort"] == "descending"
                switch (va[i], vb[i]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?):
                    if x == y { continue }
                    return descending ? y < x : x < y
                }
            }
            return position[a]! < position[b]!
        }
    }

    func sortValue(_ key: CSLNode, id: String, context: StyleContext, state: ItemState) -> SortValue? {
        guard let item = items[id] else { return nil }
        var cite = CiteRendering(mode: .bibliography)
        cite.sorting = true
        cite.sortNamesMin = key["names-min"].flatMap { Int($0) }
        cite.sortNamesUseFirst = key["names-use-first"].flatMap { Int($0) }
        let r = ItemRenderer(item: item, context: context, cite: cite, state: state)
        if let v = key["variable"] {
            if v == "citation-number" { return .number(state.citationNumber) }
            if let names = item.names[v], !names.isEmpty {
                return .text(Self.collationKey(r.nameList(names, nameNode: nil, etAlNode: nil, allForSorting: true).plainCharacters))
            }
            if let d = item.dates[v] { return .text(d.sortKey) }
            let text = r.rawVariable(v, form: "long").plainCharacters
            if text.isEmpty { return nil }
            if let n = Int(text.prefix { $0.isDigitFast }), Numbers.isNumeric(text) { return .number(n) }
            return .text(Self.collationKey(text))
        }
        if let m = key["macro"], let macro = style.macros[m] {
            let text = r.renderChildren(of: macro).plainCharacters
            if text.isEmpty { return nil }
            return .text(Self.collationKey(text))
        }
        return nil
    }

    /// Case, accents and punctuation ignored, as a collation at primary strength would.
    static func collationKey(_ s: String) -> String {
        let folded = s.utf8.allSatisfy { $0 < 128 } ? s.lowercased() : s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var lastSpace = true
        for c in folded {
            if c.isLetterFast || c.isDigitFast {
                out.append(c)
                lastSpace = false
            } else if c == " " || c == "," || c == "-", !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        return out.trimmingTrailingSpace
    }
}
