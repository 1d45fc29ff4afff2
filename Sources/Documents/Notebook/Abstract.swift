extension Document {
    /// The front matter's abstract as inline Markdown — emphasis, code, links and `$…$` math,
    /// as Quarto allows — or nil without an abstract. Paragraph breaks become spaces: the title
    /// block sets the abstract as one paragraph. `path` names the notebook in the parser.
    static func abstractInlines(_ abstract: String?, path: String, citations: Bool) -> [Inline]? {
        guard let abstract else { return nil }
        var math = MathProtection()
        let protected = math.protect(abstract)
        var parser = MarkdownParser(file: path, math: math)
        parser.citations = citations
        guard let blocks = try? parser.parse(protected) else { return [.text(abstract)] }
        var inlines: [Inline] = []
        for case let content? in blocks.map(\.paragraphInlines) {
            if !inlines.isEmpty { inlines.append(.text(" ")) }
            inlines += content
        }
        return inlines.isEmpty ? [.text(abstract)] : inlines
    }
}
