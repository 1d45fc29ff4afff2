import BibTeX
import CSL
import Foundation
import Notebook

/// Citations resolved once per render, before numbering: the document's `[@key]` marks, in
/// reading order, go through one `CitationProcessor` run with the front matter's bibliography
/// and style; each mark becomes its formatted text (a link to its entry), and the entries fill
/// the `::: {#refs}` div, or a "References" section added at the end. Both formats then render
/// the same inlines, so the PDF and the HTML print the same citations and reference list.
enum CitationResolution {
    /// Rewrites `document` in place and returns what it found wrong, at `file:line:col`.
    static func resolve(_ document: inout Document, projectRoot: URL?) -> [Diagnostic] {
        let settings = document.frontMatter.bibliography
        var marks: [CitationMark] = []
        // The abstract comes first in reading order; its lines count from its own first line.
        var abstractMarks: Set<CitationMark> = []
        CitationWalk.visit([.paragraph(document.abstractInlines ?? [], line: 0)]) {
            marks.append($0); abstractMarks.insert($0)
        }
        // The top-level section of each mark, for per-section lists (the abstract's: the first).
        let sectionOf = ReferenceList.sectionIndices(document.blocks).indices
        var markSection: [CitationMark: Int] = [:]
        for (block, s) in zip(document.blocks, sectionOf) {
            CitationWalk.visit([block]) {
                marks.append($0)
                markSection[$0] = s
            }
        }
        let abstractLine = document.frontMatter.abstractPosition?.line ?? 1
        func place(_ mark: CitationMark) -> Int { abstractMarks.contains(mark) ? abstractLine + mark.line : mark.line }
        guard !marks.isEmpty || !settings.files.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let path = document.path
        guard !settings.files.isEmpty else {
            for mark in marks {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: place(mark), column: mark.items.first?.column ?? 1,
                        message: "citation \(mark.source) but the front matter names no bibliography (bibliography: refs.bib)",
                        severity: .warning))
            }
            rewrite(&document) { [.text($0.source)] }
            return diagnostics
        }
        let loaded = BibliographyFiles.load(settings, notebookPath: path, projectRoot: projectRoot)
        diagnostics += loaded.diagnostics
        let style: CSLStyle
        do {
            style = try CitationStyles.style(settings, notebookPath: path)
        } catch let d as Diagnostic {
            diagnostics.append(d)
            return diagnostics
        } catch {
            return diagnostics
        }
        let processor: CitationProcessor
        do {
            processor = try CitationProcessor(style: style, items: loaded.bibliography.items)
        } catch {
            diagnostics.append(Diagnostic(file: path, line: settings.stylePosition?.line ?? 1, message: "\(error)"))
            return diagnostics
        }
        // Each cited item links to its own entry: `[@a; @b]` is two links.
        if settings.linkCitations { processor.itemLink = { "#" + CitationInlines.anchor($0) } }
        let known = Set(loaded.bibliography.items.map(\.id))
        for mark in marks {
            for item in mark.items where !known.contains(item.key) {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: place(mark), column: item.column,
                        message: "citation key '@\(item.key)' is not in the bibliography (\(settings.files.joined(separator: ", ")))",
                        severity: .warning))
            }
        }
        diagnostics += CitationWalk.labelClashes(
            document.blocks, keys: known, origins: loaded.bibliography.origins, path: path, source: NotebookLines(path: path))

        let out = processor.process(marks.map(Self.citation), nocite: settings.nocite)
        let perSection = settings.referenceSection == .perSection
        var citedIn = Array(repeating: Set<String>(), count: perSection ? ReferenceList.sectionIndices(document.blocks).count : 1)
        for mark in marks { citedIn[perSection ? markSection[mark] ?? 0 : 0].formUnion(mark.items.map(\.key)) }
        let sections = ReferenceList.Sections(entries: out.bibliography, citedIn: citedIn)
        var texts: [CitationMark: [Inline]] = [:]
        for (mark, text) in zip(marks, out.citations) {
            // Pandoc's mark for keys not found: "(nobody?)", bold, so the gap is seen in print.
            let missing = mark.items.filter { !known.contains($0.key) }.map { $0.key + "?" }
            let body =
                missing.count == mark.items.count
                ? [.text(mark.narrative ? "" : "("), .strong([.text(missing.joined(separator: "; "))]), .text(mark.narrative ? "" : ")")]
                    .filter { $0 != .text("") }
                : CitationInlines.inlines(text)
            // Only the links to entries stay (a DOI inside a citation would nest in them).
            let section = perSection ? markSection[mark] ?? 0 : 0
            texts[mark] = CitationInlines.retargeted(CitationInlines.unlinked(body) { $0.hasPrefix("#ref-") }) { url in
                "#" + sections.anchor(String(url.dropFirst("#ref-".count)), section: section)
            }
        }
        rewrite(&document) { texts[$0] ?? [.text($0.source)] }
        if perSection {
            ReferenceList.placePerSection(sections, options: out.bibliographyOptions, in: &document, title: settings.sectionTitle)
        } else {
            ReferenceList.place(out.bibliography, options: out.bibliographyOptions, in: &document, title: settings.sectionTitle)
        }
        return diagnostics
    }

    private static func rewrite(_ document: inout Document, _ f: (CitationMark) -> [Inline]) {
        if let abstract = document.abstractInlines { document.abstractInlines = CitationWalk.map(abstract, f) }
        document.blocks = CitationWalk.map(document.blocks, f)
    }

    static func citation(_ mark: CitationMark) -> CSL.Citation {
        CSL.Citation(
            items: mark.items.map {
                CitationItem(
                    id: $0.key, locator: $0.locator, label: $0.label, prefix: $0.prefix.isEmpty ? nil : $0.prefix,
                    suffix: $0.suffix.isEmpty ? nil : $0.suffix, suppressAuthor: $0.suppressAuthor)
            }, narrative: mark.narrative)
    }
}
