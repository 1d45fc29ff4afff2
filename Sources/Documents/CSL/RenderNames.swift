/// `names`: name lists with et-al rules, labels and substitution (CSL §names).
extension ItemRenderer {
    func renderNames(_ node: CSLNode) -> [RichText] {
        let variables = (node["variable"] ?? "").split(separator: " ").map(String.init)
        calledVariables += 1
        var out = namesOutput(node, variables: variables, inherit: node)
        if out.isEmpty, let substitute = node.child("substitute") {
            for s in substitute.children {
                let (c0, r0) = (calledVariables, renderedVariables)
                var got: [RichText]
                if s.name == "names" {
                    let vars = (s["variable"] ?? "").split(separator: " ").map(String.init)
                    got = namesOutput(s, variables: vars, inherit: s.child("name") == nil ? node : s)
                    if !got.isEmpty { got = format(s, got) }
                    if !got.isEmpty { suppressed.formUnion(vars) }
                } else {
                    got = render(s)
                    if !got.isEmpty { suppressed.formUnion(variablesCalled(by: s)) }
                }
                calledVariables = c0
                renderedVariables = r0
                if !got.isEmpty {
                    out = got
                    break
                }
            }
        }
        if out.isEmpty { return [] }
        renderedVariables += 1
        out = format(node, out)
        if !firstNamesDone {
            firstNamesDone = true
            if cite.authorOnly { authorOnlyOutput = out }
            if cite.suppressAuthor { return [] }
            if let s = cite.substituteNames { return s.isEmpty ? [] : [.text(s)] }
        }
        return out
    }

    /// Variables an element (and macros it calls) may render: what a substitute suppresses.
    func variablesCalled(by node: CSLNode) -> Set<String> {
        var vars: Set<String> = []
        if let v = node["variable"] { vars.formUnion(v.split(separator: " ").map(String.init)) }
        if node.name == "text", let m = node["macro"], let macro = context.style.macros[m] {
            vars.formUnion(variablesCalled(by: macro))
        }
        for c in node.children where c.name != "substitute" { vars.formUnion(variablesCalled(by: c)) }
        if node.name == "choose" || node.name == "if" || node.name == "else-if" { return vars }
        return vars
    }

    /// The name lists of `variables`, each with its label, joined by the names delimiter.
    private func namesOutput(_ node: CSLNode, variables: [String], inherit: CSLNode) -> [RichText] {
        let nameNode = inherit.child("name")
        let etAlNode = inherit.child("et-al")
        let labelNode = inherit.child("label")
        let labelFirst: Bool = {
            guard let l = inherit.children.firstIndex(where: { $0.name == "label" }),
                let n = inherit.children.firstIndex(where: { $0.name == "name" })
            else { return false }
            return l < n
        }()
        var lists: [[RichText]] = []
        var seen: [[CSLName]] = []
        for v in variables where !suppressed.contains(v) {
            guard let names = item.names[v], !names.isEmpty else { continue }
            if seen.contains(names) { continue }
            seen.append(names)
            var list = nameList(names, nameNode: nameNode, etAlNode: etAlNode)
            if list.isEmpty { continue }
            if let labelNode, !cite.sorting {
                let plural = names.count > 1
                let form = labelNode["form"] ?? "long"
                if let term = locale.term(v, form: form, plural: plural), !term.isEmpty {
                    let label = format(labelNode, [.text(term)])
                    list = labelFirst ? label + list : list + label
                }
            }
            lists.append(list)
        }
        let delimiter = node["delimiter"] ?? context.nameOptions["names-delimiter"] ?? ""
        return punctuation.join(lists, delimiter: delimiter)
    }

    private func option(_ name: String, _ node: CSLNode?) -> String? {
        node?[name] ?? context.nameOptions[name]
    }

    func nameList(_ allNames: [CSLName], nameNode: CSLNode?, etAlNode: CSLNode?, allForSorting: Bool = false) -> [RichText] {
        // BibTeX's `and others` (a literal "others" last): the list is truncated, et al. follows.
        let others = allNames.last?.literal == "others"
        let names = others ? Array(allNames.dropLast()) : allNames
        let subsequent = cite.mode == .citation && cite.position != .first
        let etAlMin = Int((subsequent ? option("et-al-subsequent-min", nameNode) : nil) ?? option("et-al-min", nameNode) ?? "") ?? Int.max
        let etAlFirst = Int((subsequent ? option("et-al-subsequent-use-first", nameNode) : nil) ?? option("et-al-use-first", nameNode) ?? "") ?? Int.max
        var shown = names.count
        // et-al-use-first may be absent (Int.max): never add to it.
        if names.count + (others ? 1 : 0) >= etAlMin { shown = etAlFirst >= names.count ? names.count : min(names.count, etAlFirst + state.extraNames) }
        if cite.sorting, allForSorting { shown = names.count }
        if let least = cite.sortNamesMin, names.count >= least { shown = Swift.min(names.count, cite.sortNamesUseFirst ?? shown) }
        let form = cite.sorting ? "long" : (option("form", nameNode) ?? context.nameOptions["name-form"] ?? "long")
        if form == "count" { return shown > 0 ? [.text(String(shown))] : [] }
        let delimiter = nameNode?["delimiter"] ?? context.nameOptions["name-delimiter"] ?? ", "
        let asSortOrder = cite.sorting ? "all" : option("name-as-sort-order", nameNode)
        // `<name font-variant="small-caps"/>` and the other fonts of cs:name set each name (not
        // the "and" or "et al." between and after them).
        func fonts(_ nodes: [RichText]) -> [RichText] { nameNode.map { ItemRenderer.fonts($0, nodes) } ?? nodes }
        var rendered: [(nodes: [RichText], inverted: Bool)] = []
        for (i, n) in names.prefix(shown).enumerated() {
            let inverted = asSortOrder == "all" || (asSortOrder == "first" && i == 0)
            rendered.append((fonts(formatName(n, index: i, form: form, inverted: inverted, nameNode: nameNode)), inverted))
        }
        let useLast = option("et-al-use-last", nameNode) == "true" && shown + 2 <= names.count && !cite.sorting
        let truncated = (shown < names.count || others) && !cite.sorting
        var out: [RichText] = []
        let and = option("and", nameNode)
        // Sort keys compare names, not the words between them.
        let andWord: String? = cite.sorting ? nil : and == "symbol" ? "&" : (and == "text" ? locale.term("and") : nil)
        for (i, r) in rendered.enumerated() {
            if i > 0 {
                let isLast = i == rendered.count - 1 && !truncated
                if isLast, let andWord {
                    let precedes: Bool
                    switch option("delimiter-precedes-last", nameNode) ?? "contextual" {
                    case "always": precedes = true
                    case "never": precedes = false
                    case "after-inverted-name": precedes = rendered[i - 1].inverted
                    default: precedes = rendered.count > 2
                    }
                    punctuation.append([.text((precedes ? delimiter : " ") + andWord + " ")], to: &out)
                } else {
                    punctuation.append([.text(delimiter)], to: &out)
                }
            }
            punctuation.append(r.nodes, to: &out)
        }
        if truncated, !out.isEmpty {
            if useLast, !others, let last = names.last {
                let lastInverted = asSortOrder == "all"
                punctuation.append([.text(delimiter + "\u{2026} ")], to: &out)
                out += fonts(formatName(last, index: names.count - 1, form: form, inverted: lastInverted, nameNode: nameNode))
            } else {
                let term = locale.term(etAlNode?["term"] ?? "et-al") ?? "et al."
                let precedes: Bool
                switch option("delimiter-precedes-et-al", nameNode) ?? "contextual" {
                case "always": precedes = true
                case "never": precedes = false
                case "after-inverted-name": precedes = rendered.last?.inverted ?? false
                default: precedes = shown > 1
                }
                var etAl: [RichText] = [.text(term)]
                if let etAlNode { etAl = format(etAlNode, etAl) }
                punctuation.append([.text(precedes ? delimiter : " ")], to: &out)
                punctuation.append(etAl, to: &out)
            }
        }
        return out
    }
}
