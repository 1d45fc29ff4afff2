/// Renders one item through a layout: the interpreter of CSL's rendering elements (`text`,
/// `group`, `choose`, `names`, `date`, `number`, `label`). One renderer per rendering; it keeps
/// what the specification makes stateful: substituted variables suppressed afterwards, the
/// year suffix rendered once, the group suppression counts.
final class ItemRenderer {
    let item: CSLItem
    let context: StyleContext
    let cite: CiteRendering
    let state: ItemState
    var punctuation: Punctuation

    /// Variables called and rendered non-empty inside the current group (CSL §group).
    var calledVariables = 0
    var renderedVariables = 0
    /// Variables a `substitute` used: suppressed for the rest of the output.
    var suppressed: Set<String> = []
    var yearSuffixRendered = false
    /// The first `names` rendering of the cite (suppress-author, author-only, substitution).
    var firstNamesDone = false
    var authorOnlyOutput: [RichText]?

    init(item: CSLItem, context: StyleContext, cite: CiteRendering, state: ItemState) {
        self.item = item
        self.context = context
        self.cite = cite
        self.state = state
        punctuation = Punctuation(punctuationInQuote: context.locale.punctuationInQuote)
    }

    var locale: CSLLocale { context.locale }

    /// Marks the title in a bibliography entry: it links to the DOI or URL when the entry
    /// shows neither (CSL 1.0.2 Appendix VI, Links), and is unmarked otherwise.
    static let titleMark = "\u{0}title"

    func renderChildren(of layout: CSLNode) -> [RichText] {
        let parts = layout.children.map { render($0) }
        return punctuation.join(parts, delimiter: layout["delimiter"] ?? "")
    }

    /// A `choose` yields its branch's pieces one by one: the enclosing group's delimiter goes
    /// between them, as if they were its own children.
    func renderPieces(_ node: CSLNode) -> [[RichText]] {
        guard node.kind == .choose else { return [render(node)] }
        for branch in node.children where branch.name == "else" || evaluate(branch) {
            return branch.children.flatMap { renderPieces($0) }
        }
        return []
    }

    func render(_ node: CSLNode) -> [RichText] {
        switch node.kind {
        case .text: return renderText(node)
        case .group: return renderGroup(node)
        case .choose: return renderChoose(node)
        case .names: return renderNames(node)
        case .date: return renderDate(node)
        case .number: return renderNumber(node)
        case .label: return renderLabel(node)
        case .other: return []
        }
    }

    // MARK: text

    private func renderText(_ node: CSLNode) -> [RichText] {
        var out: [RichText]
        if let v = node["variable"] {
            out = variableText(v, form: node["form"] ?? "long")
            if v == "page" || v == "locator" && cite.label == "page" { out = pageRange(out) }
            if v == "DOI", !out.isEmpty, let pre = node.format.prefix, pre.hasPrefix("http"), pre.hasSuffix("doi.org/") {
                // A prefix that is the resolver's address: the whole address is the link (as in
                // citeproc-js); with other prefixes ("DOI:https://doi.org/") the DOI alone is.
                let url = pre + out.plainCharacters
                return punctuation.affix(nil, format(node, [.link(url: url, [.text(url)])], affixes: false), node.format.suffix)
            }
            if v == "DOI" || v == "URL", !out.isEmpty { out = linked(v, out, node) }
            if v == "title", cite.mode == .bibliography, !out.isEmpty, !cite.sorting { out = [.link(url: Self.titleMark, out)] }
        } else if let m = node["macro"], let macro = context.style.macros[m] {
            // A macro is transparent: its variables count for the enclosing group.
            out = renderChildren(of: macro)
        } else if let t = node["term"] {
            let plural = node["plural"] == "true"
            out = locale.term(t, form: node["form"] ?? "long", plural: plural).map { [.text($0)] } ?? []
        } else if let value = node["value"] {
            out = [.text(value)]
        } else {
            out = []
        }
        if out.isEmpty { return [] }
        return format(node, out)
    }

    /// Wraps a DOI or URL in a link to it; a DOI the style prints bare still links to doi.org.
    private func linked(_ variable: String, _ nodes: [RichText], _ node: CSLNode) -> [RichText] {
        let value = nodes.plainCharacters
        switch variable {
        case "URL": return [.link(url: value, nodes)]
        case "DOI":
            if value.hasPrefix("http") { return [.link(url: value, nodes)] }
            return [.link(url: "https://doi.org/" + value, nodes)]
        default: return nodes
        }
    }

    /// A variable's value, counted for group suppression.
    func variableText(_ v: String, form: String) -> [RichText] {
        let out = rawVariable(v, form: form)
        // An empty year-suffix does not empty its group ("n.d." stands), as citeproc-js does.
        if v != "year-suffix" || !out.isEmpty { calledVariables += 1 }
        if !out.isEmpty { renderedVariables += 1 }
        return out
    }

    func rawVariable(_ v: String, form: String) -> [RichText] {
        if suppressed.contains(v) { return [] }
        switch v {
        case "locator": return cite.locator.map { [.text($0)] } ?? []
        case "citation-number": return [.text(String(state.citationNumber))]
        case "year-suffix":
            yearSuffixRendered = true
            return state.yearSuffix.map { [.text($0)] } ?? []
        case "citation-label": return item.fields[v] ?? []
        case "first-reference-note-number": return cite.firstNoteNumber.map { [.text(String($0))] } ?? []
        case "page-first":
            if let p = item.string("page-first") { return [.text(p)] }
            if let p = item.string("page") { return [.text(String(p.prefix { $0.isNumber || $0.isLetter }))] }
            return []
        default: break
        }
        if form == "short" {
            if let s = item.fields[v + "-short"], !s.isBlank { return s }
            if v == "container-title", let s = item.fields["journalAbbreviation"], !s.isBlank { return s }
        }
        if let s = item.fields[v], !s.isBlank { return s }
        return []
    }

    /// "1-10" as "1–10", shortened by the style's `page-range-format`.
    func pageRange(_ nodes: [RichText]) -> [RichText] {
        let s = nodes.plainCharacters
        guard s.contains("-") || s.contains("\u{2013}") else { return nodes }
        return [.text(PageRange.format(s, style: context.pageRangeFormat, delimiter: locale.term("page-range-delimiter") ?? "\u{2013}"))]
    }

    // MARK: group and choose

    private func renderGroup(_ node: CSLNode) -> [RichText] {
        let (c0, r0) = (calledVariables, renderedVariables)
        calledVariables = 0
        renderedVariables = 0
        let parts = node.children.flatMap { renderPieces($0) }
        let suppress = calledVariables > 0 && renderedVariables == 0
        let anyOutput = parts.contains { !$0.isEmpty }
        calledVariables = c0 + (calledVariables > 0 ? 1 : 0)
        renderedVariables = r0 + (!suppress && renderedVariables > 0 ? 1 : 0)
        if suppress || !anyOutput { return [] }
        return format(node, punctuation.join(parts, delimiter: node["delimiter"] ?? ""))
    }

    private func renderChoose(_ node: CSLNode) -> [RichText] {
        for branch in node.children {
            if branch.name == "else" || evaluate(branch) {
                return punctuation.join(branch.children.map { render($0) }, delimiter: "")
            }
        }
        return []
    }

    // MARK: formatting

    /// Text case, periods, quotes, fonts, then affixes, then display: CSL's order.
    func format(_ node: CSLNode, _ nodes: [RichText], affixes: Bool = true) -> [RichText] {
        let f = node.format
        if f.isPlain { return nodes }
        var out = nodes
        if let tc = f.textCase { out = TextCase.apply(tc, out, english: context.isEnglish(item)) }
        if f.stripPeriods { out = RichTextEdges.mapText(out) { $0.replacingOccurrences(of: ".", with: "") } }
        if f.quotes { out = [.quoted(out)] }
        out = Self.fonts(node, out)
        if affixes, f.prefix != nil || f.suffix != nil { out = punctuation.affix(f.prefix, out, f.suffix) }
        if let d = f.display { out = [.display(d, out)] }
        return out
    }

    static func fonts(_ node: CSLNode, _ nodes: [RichText]) -> [RichText] {
        let f = node.format
        guard f.hasFonts else { return nodes }
        var out = nodes
        if f.italic { out = [.italic(out)] }
        if f.smallCaps { out = [.smallCaps(out)] }
        if f.bold { out = [.bold(out)] }
        if f.underline { out = [.underline(out)] }
        switch f.verticalAlign {
        case "sup": out = [.superscript(out)]
        case "sub": out = [.subscript(out)]
        default: break
        }
        return out
    }
}
