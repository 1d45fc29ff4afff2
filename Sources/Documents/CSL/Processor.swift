/// One cited item in a citation, as an author writes it: `[see @doe, pp. 3–5]`.
public struct CitationItem: Hashable, Sendable {
    public var id: String
    public var locator: String?
    /// A CSL locator term: "page", "chapter", "section", "figure", … (nil: page).
    public var label: String?
    public var prefix: String?
    public var suffix: String?
    /// `[-@doe]`: the author is left out (the sentence names them).
    public var suppressAuthor: Bool

    public init(
        id: String, locator: String? = nil, label: String? = nil, prefix: String? = nil, suffix: String? = nil,
        suppressAuthor: Bool = false
    ) {
        self.id = id
        self.locator = locator
        self.label = label
        self.prefix = prefix
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
    }
}

/// One citation: a bracketed group of items, or a narrative `@doe` ("Doe (2005)").
public struct Citation: Hashable, Sendable {
    public var items: [CitationItem]
    /// `@doe` in running text: the author as text, the rest of the citation after it.
    public var narrative: Bool
    /// The footnote the citation sits in (note styles); nil: numbered in order.
    public var noteNumber: Int?

    public init(items: [CitationItem], narrative: Bool = false, noteNumber: Int? = nil) {
        self.items = items
        self.narrative = narrative
        self.noteNumber = noteNumber
    }
}

/// A bibliography entry, with the item it formats (for links from its citations).
public struct BibliographyEntry: Hashable, Sendable {
    public var id: String
    public var content: [RichText]
}

/// What a document's citations came to.
public struct ProcessedCitations: Sendable {
    /// One per citation, in the order given. In a note style each is the text of its footnote
    /// (with its first letter capitalised).
    public var citations: [[RichText]]
    /// For narrative citations (`@doe`) in a note style: the author, which stays in the running
    /// text while `citations[i]` goes in the footnote. Nil otherwise (in-text styles give the
    /// whole "Doe (2005)" in `citations[i]`).
    public var inTextAuthors: [[RichText]?]
    /// The bibliography in the style's order: every cited item, and the `nocite` ones.
    public var bibliography: [BibliographyEntry]
    /// Keys cited but not among the items (the integrator reports them at their line).
    public var missingKeys: [String]
    /// The bibliography's layout hints: "hanging-indent", "second-field-align", "line-spacing".
    public var bibliographyOptions: [String: String]
}

/// A CSL 1.0.2 processor: a style, a locale and the items, turning a document's citations
/// into formatted citations and a bibliography.
///
///     let style = try CSLLibrary().style("ieee")
///     let processor = try CitationProcessor(style: style, items: items)
///     let out = processor.process([Citation(items: [CitationItem(id: "doe2005", locator: "3")])])
///     PlainTextRenderer().render(out.citations[0])   // "[1, p. 3]"
public final class CitationProcessor: @unchecked Sendable {
    public let style: CSLStyle
    let locale: CSLLocale
    let items: [String: CSLItem]
    /// Items in the order the bibliography files list them (for `nocite: '@*'`).
    let itemOrder: [String]
    let citationContext: StyleContext
    let bibliographyContext: StyleContext?
    /// Where each cited item links, or nil for citations without links (the default).
    ///
    /// When set, every item of a citation is wrapped in its own `.link(url: itemLink(id), …)`:
    /// `(Doe 2005; Roe 2006)` links "Doe 2005" and "Roe 2006" to two entries, `[1]–[3]` its
    /// ends, and a narrative `Doe (2005)` both parts to Doe's entry (Pandoc's `link-citations`).
    ///
    ///     processor.itemLink = { "#ref-" + $0 }
    public var itemLink: (@Sendable (String) -> String)?

    /// `language` overrides the style's default locale; locales come from `library`.
    public convenience init(style: CSLStyle, items: [CSLItem], language: String? = nil, library: CSLLibrary = CSLLibrary()) throws {
        let lang = language ?? style.defaultLocale ?? "en-US"
        let files = try library.localeFiles(for: lang)
        let layers = files.map(\.root) + style.localeOverrides(for: lang)
        try self.init(style: style, locale: CSLLocale(layers: layers, language: lang), items: items)
    }

    public init(style: CSLStyle, locale: CSLLocale, items: [CSLItem]) throws {
        self.style = style
        self.locale = locale
        var byID: [String: CSLItem] = [:]
        var order: [String] = []
        for i in items where byID[i.id] == nil {
            byID[i.id] = i
            order.append(i.id)
        }
        self.items = byID
        itemOrder = order
        guard let citation = style.citation, citation.child("layout") != nil else {
            throw CSLError("\(style.source): error: <citation> has no <layout>")
        }
        citationContext = StyleContext(style: style, locale: locale, section: citation)
        bibliographyContext = style.bibliography.map { StyleContext(style: style, locale: locale, section: $0) }
    }

    /// Formats `citations` in document order; `nocite` items (or all, with "*") join the bibliography.
    public func process(_ citations: [Citation], nocite: [String] = []) -> ProcessedCitations {
        var missing: [String] = []
        var cited: [String] = []
        var seen: Set<String> = []
        for c in citations {
            for i in c.items {
                if items[i.id] == nil {
                    if !missing.contains(i.id) { missing.append(i.id) }
                } else if seen.insert(i.id).inserted {
                    cited.append(i.id)
                }
            }
        }
        let extra = nocite.contains("*") ? itemOrder : nocite
        for id in extra where items[id] != nil && seen.insert(id).inserted { cited.append(id) }
        for id in nocite where id != "*" && items[id] == nil && !missing.contains(id) { missing.append(id) }

        var states: [String: ItemState] = [:]
        for (n, id) in cited.enumerated() { states[id] = ItemState(citationNumber: n + 1) }
        let bibOrder = bibliographyOrder(cited, states: states)
        for (n, id) in bibOrder.enumerated() { states[id]?.citationNumber = n + 1 }
        disambiguate(bibOrder, states: &states)

        let (formatted, inText) = formatCitations(citations, states: states)
        let bibliography = renderBibliography(bibOrder, states: states)
        var options: [String: String] = [:]
        if let b = style.bibliography {
            for k in ["hanging-indent", "second-field-align", "line-spacing", "entry-spacing"] { options[k] = b[k] }
        }
        return ProcessedCitations(
            citations: formatted, inTextAuthors: inText, bibliography: bibliography, missingKeys: missing, bibliographyOptions: options)
    }

    /// Renders one item through a layout's children (no layout affixes).
    func renderCite(_ id: String, _ cite: CiteRendering, state: ItemState, context: StyleContext) -> (nodes: [RichText], authors: [RichText]?) {
        guard let item = items[id] else { return ([], nil) }
        let r = ItemRenderer(item: item, context: context, cite: cite, state: state)
        let layout = context.section.child("layout")!
        let pieces = layout.children.map { r.render($0) }.filter { !$0.isEmpty }
        // `second-field-align`: the first field in the margin, the rest beside it.
        if cite.mode == .bibliography, context.section["second-field-align"] != nil, pieces.count > 1, !cite.sorting {
            let rest = r.punctuationJoin(Array(pieces.dropFirst()), "")
            return ([.display("left-margin", pieces[0]), .display("right-inline", rest)], r.authorOnlyOutput)
        }
        return (r.punctuationJoin(pieces, ""), r.authorOnlyOutput)
    }
}

extension ItemRenderer {
    func punctuationJoin(_ parts: [[RichText]], _ delimiter: String) -> [RichText] {
        punctuation.join(parts, delimiter: delimiter)
    }
}
