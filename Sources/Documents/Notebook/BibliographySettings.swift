import Yams

/// The front matter keys of citations (Pandoc's): `bibliography` (a path or a list, relative to
/// the notebook; `.bib` or CSL-JSON), `csl` (a built-in style name or a path), `nocite` (`'@*'`
/// or keys), `link-citations`, `reference-section-title` and `reference-section` (`end` or
/// `per-section`).
public struct BibliographySettings: Equatable, Sendable {
    /// Where the reference list goes.
    public enum ReferenceSection: String, Equatable, Sendable {
        /// One list: in the `::: {#refs}` div, else at the end (Pandoc's default).
        case end
        /// A list at the end of each top-level section with the entries cited in it.
        case perSection = "per-section"
    }

    public var files: [String] = []
    /// Where each of `files` is written, for errors about it.
    public var filePositions: [FrontMatter.Position] = []
    /// The style; nil is the default, `chicago-author-date`.
    public var style: String?
    public var stylePosition: FrontMatter.Position?
    /// Keys listed without being cited (`*`: every entry).
    public var nocite: [String] = []
    public var linkCitations = true
    public var sectionTitle = "References"
    /// `reference-section`: one list at the end (the default) or one per top-level section.
    public var referenceSection = ReferenceSection.end

    public static let defaultStyle = "chicago-author-date"
    static let keys: Set<String> = ["bibliography", "csl", "nocite", "link-citations", "reference-section-title", "reference-section"]

    public init() {}

    /// Reads one of `keys`; `fail` makes the error at the key, `position` places a value.
    mutating func read(
        _ key: String, _ v: Yams.Node, fail: (String) -> Diagnostic, position: (Yams.Mark?) -> FrontMatter.Position
    ) throws {
        switch key {
        case "bibliography":
            let entries = v.string != nil ? [v] : (v.sequence.map(Array.init) ?? [])
            guard !entries.isEmpty, entries.allSatisfy({ $0.string?.isEmpty == false }) else {
                throw fail("front matter 'bibliography' needs a file path or a list of file paths (.bib or .json)")
            }
            files = entries.compactMap(\.string)
            filePositions = entries.map { position($0.mark) }
        case "csl":
            guard let s = v.string, !s.isEmpty else { throw fail("front matter 'csl' needs a style name (apa, ieee, …) or a .csl path") }
            style = s
            stylePosition = position(v.mark)
        case "nocite":
            let entries =
                v.string.map { $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init) } ?? v.sequence?.compactMap(\.string)
            guard let entries else { throw fail("front matter 'nocite' needs '@*' or a list of keys ('@a, @b')") }
            nocite = entries.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
        case "link-citations":
            guard let b = v.bool else { throw fail("front matter 'link-citations' needs true or false") }
            linkCitations = b
        case "reference-section-title":
            guard let s = v.string else { throw fail("front matter 'reference-section-title' needs a text value") }
            sectionTitle = s
        case "reference-section":
            guard let s = v.string, let place = ReferenceSection(rawValue: s) else {
                throw fail("front matter 'reference-section' must be end or per-section")
            }
            referenceSection = place
        default: break
        }
    }
}
