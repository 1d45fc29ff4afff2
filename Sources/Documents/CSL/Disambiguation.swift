/// Citation disambiguation (CSL §disambiguation): cites that read the same get more names,
/// then given names, then the `disambiguate` condition, then year suffixes in bibliography order.
extension CitationProcessor {
    func disambiguate(_ order: [String], states: inout [String: ItemState]) {
        guard let citation = style.citation else { return }
        let addNames = citation["disambiguate-add-names"] == "true"
        let addGiven = citation["disambiguate-add-givenname"] == "true"
        let addSuffix = citation["disambiguate-add-year-suffix"] == "true"
        func text(_ id: String, _ st: [String: ItemState]) -> String {
            let cite = CiteRendering(mode: .citation)
            return renderCite(id, cite, state: st[id]!, context: citationContext).nodes.plainCharacters
        }
        func ambiguous(_ ids: [String], _ st: [String: ItemState]) -> [[String]] {
            var groups: [String: [String]] = [:]
            var keys: [String] = []
            for id in ids {
                let t = text(id, st)
                if groups[t] == nil { keys.append(t) }
                groups[t, default: []].append(id)
            }
            return keys.compactMap { groups[$0]!.count > 1 ? groups[$0]! : nil }
        }
        if addGiven, citationContext.givennameRule != "by-cite" { disambiguateNames(order, states: &states) }
        var remaining = ambiguous(order, states)
        if remaining.isEmpty { return }
        func sameNames(_ group: [String]) -> Bool {
            let first = items[group[0]]?.names
            return group.allSatisfy { items[$0]?.names == first }
        }
        if addNames {
            remaining = remaining.flatMap { group -> [[String]] in
                if sameNames(group) { return [group] }
                let maxNames = group.map { items[$0]?.names["author"]?.count ?? 0 }.max() ?? 0
                var open = group
                var k = 0
                while k < maxNames, open.count > 1 {
                    k += 1
                    for id in open { states[id]!.extraNames = k }
                    let still = Set(ambiguous(group, states).flatMap { $0 })
                    open = open.filter { still.contains($0) }
                }
                for id in open { states[id]!.extraNames = 0 }
                return ambiguous(open, states)
            }
        }
        if addGiven {
            remaining = remaining.flatMap { group -> [[String]] in
                if sameNames(group) { return [group] }
                var open = group
                for level in 1...2 where open.count > 1 {
                    for id in open { states[id]!.givenLevel = level }
                    let still = Set(ambiguous(group, states).flatMap { $0 })
                    open = open.filter { still.contains($0) }
                }
                for id in open { states[id]!.givenLevel = 0 }
                return ambiguous(open, states)
            }
        }
        if styleUsesDisambiguateCondition {
            remaining = remaining.flatMap { group -> [[String]] in
                for id in group { states[id]!.disambiguateCondition = true }
                let still = ambiguous(group, states)
                if still.count == 1, still[0].count == group.count {
                    for id in group { states[id]!.disambiguateCondition = false }
                }
                return still
            }
        }
        if addSuffix {
            for group in remaining {
                for (n, id) in group.enumerated() { states[id]!.yearSuffix = Self.yearSuffix(n) }
            }
        }
    }

    /// Name-level given-name disambiguation (`primary-name`, `all-names`, and their
    /// `-with-initials` forms): a family name borne by different people gets their initials
    /// (or full given names) wherever it appears, ambiguous cite or not.
    func disambiguateNames(_ order: [String], states: inout [String: ItemState]) {
        let rule = citationContext.givennameRule
        let primaryOnly = rule.hasPrefix("primary-name")
        let initialsOnly = rule.hasSuffix("with-initials")
        func names(_ id: String) -> [CSLName] {
            let all = items[id]?.names["author"] ?? items[id]?.names["editor"] ?? []
            return primaryOnly ? Array(all.prefix(1)) : all
        }
        func initials(_ n: CSLName) -> String { Initials.make(n.given ?? "", with: ".", hyphen: true, initializeAll: true) }
        var givens: [String: Set<String>] = [:]
        var initialSets: [String: Set<String>] = [:]
        for id in order {
            for n in names(id) where n.literal == nil {
                let family = (n.nonDroppingParticle ?? "") + (n.family ?? "")
                givens[family, default: []].insert(n.given ?? "")
                initialSets[family, default: []].insert(initials(n))
            }
        }
        for id in order {
            var level = 0
            for n in names(id) where n.literal == nil {
                let family = (n.nonDroppingParticle ?? "") + (n.family ?? "")
                if (initialSets[family]?.count ?? 0) > 1 {
                    level = max(level, 1)
                } else if !initialsOnly, (givens[family]?.count ?? 0) > 1 {
                    level = 2
                }
            }
            if level > 0 { states[id]!.givenLevel = level }
        }
    }

    var styleUsesDisambiguateCondition: Bool {
        func walk(_ n: CSLNode) -> Bool { n["disambiguate"] != nil || n.children.contains(where: walk) }
        return walk(style.root)
    }

    /// a, b, …, z, aa, ab, …
    static func yearSuffix(_ n: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return n < 26 ? String(letters[n]) : String(letters[n / 26 - 1]) + String(letters[n % 26])
    }
}
