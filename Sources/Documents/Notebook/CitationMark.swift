/// A citation as written in Markdown (Pandoc's syntax): `[see @a, p. 3; @b]`, `[-@a]`, or
/// `@a` in the running text (narrative, optionally `@a [p. 3]`). The report formats it with
/// the notebook's bibliography and citation style; here it is only what was written, and where.
public struct CitationMark: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var key: String
        /// Text before the key inside the brackets ("see").
        public var prefix: String
        /// The locator's label (a CSL term: "page", "chapter", "section", …) and value ("3–5").
        public var label: String?
        public var locator: String?
        /// What follows the key and its locator (", also").
        public var suffix: String
        /// `-@a`: the year without the author's name.
        public var suppressAuthor: Bool
        /// The character column of this item's `@`, for a warning about its key.
        public var column: Int

        public init(
            key: String, prefix: String = "", label: String? = nil, locator: String? = nil, suffix: String = "",
            suppressAuthor: Bool = false, column: Int = 1
        ) {
            (self.key, self.prefix, self.label, self.locator, self.suffix) = (key, prefix, label, locator, suffix)
            (self.suppressAuthor, self.column) = (suppressAuthor, column)
        }
    }

    public var items: [Item]
    /// `@a` in the text ("Li et al. (2018)") rather than `[@a]` ("(Li et al., 2018)").
    public var narrative: Bool
    /// The citation exactly as written, shown when it cannot be formatted.
    public var source: String
    public var line: Int

    public init(items: [Item], narrative: Bool, source: String, line: Int) {
        (self.items, self.narrative, self.source, self.line) = (items, narrative, source, line)
    }
}
