/// `if` / `else-if` conditions (CSL 1.0.2: several tests on one element, combined by `match`).
extension ItemRenderer {
    func evaluate(_ branch: CSLNode) -> Bool {
        guard let conditions = branch.conditions else { return false }
        var results: [Bool] = []
        for (attribute, values) in conditions.tests {
            for v in values { results.append(test(attribute, v)) }
        }
        if let d = conditions.disambiguate { results.append(d == state.disambiguateCondition) }
        switch conditions.match {
        case "any": return results.contains(true)
        case "none": return !results.contains(true)
        default: return !results.isEmpty && !results.contains(false)
        }
    }

    private func test(_ attribute: String, _ v: String) -> Bool {
        switch attribute {
        case "type": return v == item.type
        case "variable": return hasVariable(v)
        case "is-numeric": return Numbers.isNumeric(rawVariable(v, form: "long").plainCharacters)
        case "is-uncertain-date": return item.dates[v]?.circa ?? false
        case "locator":
            guard cite.locator != nil else { return false }
            let label = cite.label ?? "page"
            return v == label || (v == "sub-verbo" && label == "sub verbo")
        case "position":
            guard cite.mode == .citation else { return false }
            switch v {
            case "first": return cite.position == .first
            case "subsequent": return cite.position != .first
            case "ibid": return cite.position == .ibid || cite.position == .ibidWithLocator
            case "ibid-with-locator": return cite.position == .ibidWithLocator
            case "near-note": return cite.position != .first && cite.nearNote
            default: return false
            }
        default: return false
        }
    }

    func hasVariable(_ v: String) -> Bool {
        if suppressed.contains(v) { return false }
        if let names = item.names[v] { return !names.isEmpty }
        if item.dates[v] != nil { return true }
        switch v {
        case "locator": return cite.locator != nil
        case "citation-number": return true
        case "year-suffix": return state.yearSuffix != nil
        case "first-reference-note-number": return cite.firstNoteNumber != nil
        default: return !(item.fields[v]?.isBlank ?? true)
        }
    }
}

/// What the style says once for every rendering: its locale, options and inherited attributes.
struct StyleContext {
    let style: CSLStyle
    let locale: CSLLocale
    /// Inheritable name options: style, then citation or bibliography.
    let nameOptions: [String: String]
    let pageRangeFormat: String?
    let demoteNonDroppingParticle: String
    let initializeWithHyphen: Bool
    let section: CSLNode
    /// The style renders `year-suffix` itself; otherwise it follows the first rendered year.
    let explicitYearSuffix: Bool
    let givennameRule: String

    init(style: CSLStyle, locale: CSLLocale, section: CSLNode) {
        self.style = style
        self.locale = locale
        self.section = section
        var options = style.root.attributes
        for (k, v) in section.attributes { options[k] = v }
        nameOptions = options
        pageRangeFormat = style.root["page-range-format"]
        demoteNonDroppingParticle = style.root["demote-non-dropping-particle"] ?? "display-and-sort"
        initializeWithHyphen = style.root["initialize-with-hyphen"] != "false"
        explicitYearSuffix = style.callsYearSuffix
        givennameRule = style.citation?["givenname-disambiguation-rule"] ?? "by-cite"
    }

    /// Title case applies to English items only (CSL §text-case).
    func isEnglish(_ item: CSLItem) -> Bool {
        if let lang = item.string("language") { return lang.lowercased().hasPrefix("en") }
        return locale.language.hasPrefix("en")
    }
}

enum CiteMode { case citation, bibliography }

enum CitePosition { case first, subsequent, ibid, ibidWithLocator }

/// One rendering of an item: in a citation (with its locator and position) or in the bibliography.
struct CiteRendering {
    var mode: CiteMode
    var locator: String?
    var label: String?
    var position: CitePosition = .first
    var nearNote = false
    var firstNoteNumber: Int?
    var suppressAuthor = false
    /// `subsequent-author-substitute`: the first names rendered as this text instead.
    var substituteNames: String?
    var authorOnly = false
    /// Names rendered as sort keys (family, given; all names) for `<sort>` macro keys.
    var sorting = false
    /// A sort key's `names-min` / `names-use-first`, overriding the et-al options.
    var sortNamesMin: Int?
    var sortNamesUseFirst: Int?
}

/// What disambiguation and numbering decided for an item.
struct ItemState {
    var citationNumber = 0
    var yearSuffix: String?
    /// Extra names shown beyond et-al-use-first (disambiguate-add-names).
    var extraNames = 0
    /// 0: as the style says; 1: initials added; 2: full given names (disambiguate-add-givenname).
    var givenLevel = 0
    var disambiguateCondition = false
}
