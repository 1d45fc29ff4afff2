import BibTeX
import CSL
import Foundation

extension Harness {
    /// Bibliography files: the bytes read as BibTeX/BibLaTeX (`Bibliography.bibtex`) and as
    /// CSL-JSON (`Bibliography.json`), then every item read cited and formatted with a fixed
    /// author-date style (names, dates, disambiguation, sorting run on what the reader made).
    /// Beyond not crashing: each diagnostic names the file and a place inside it, the HTML
    /// escapes what the file holds, and formatting twice gives the same text.
    static let bib = Harness(
        name: "bib", maxLength: 8192,
        summary: "Bibliography.bibtex / .json + CitationProcessor (chicago-author-date)"
    ) { bytes in
        let bibtex = Bibliography.bibtex(String(decoding: bytes, as: UTF8.self), file: "fuzz.bib")
        checkPlaces(bibtex.diagnostics, file: "fuzz.bib", bytes: bytes)
        let json = Bibliography.json(Data(bytes), file: "fuzz.json")
        checkPlaces(json.diagnostics, file: "fuzz.json", bytes: bytes)
        for (what, read) in [("bibtex", bibtex), ("json", json)] where !read.items.isEmpty {
            let citations = CitationFixtures.citations(of: read.items)
            guard let processor = try? CitationProcessor(style: authorDate, items: read.items) else {
                finding("\(what): the fixed style refused the items read")
            }
            let first = CitationFixtures.rendered(processor.process(citations, nocite: ["*"]))
            CitationFixtures.checkMarkup(first.html, what: what)
            let again = CitationFixtures.rendered(processor.process(citations, nocite: ["*"]))
            if again.text != first.text { finding("\(what): the same citations formatted twice differ") }
        }
    }

    /// The style a fuzzed bibliography is formatted with: author-date, with year suffixes,
    /// name disambiguation and cite collapsing (read once; a missing Debian package is fatal).
    static let authorDate: CSLStyle = {
        do { return try CSLLibrary().style("chicago-author-date") } catch { fatalError("folio-fuzz: \(error)") }
    }()

    /// Every diagnostic names `file` and a line within it (1… one past the last line break),
    /// a column ≥ 1: an editor must be able to jump there.
    static func checkPlaces(_ diagnostics: [BibDiagnostic], file: String, bytes: [UInt8]) {
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        for d in diagnostics {
            guard d.file == file else { finding("diagnostic names \(d.file), not \(file): \(d)") }
            guard d.line >= 1, d.line <= breaks + 1 else { finding("diagnostic line \(d.line) outside 1…\(breaks + 1): \(d)") }
            guard d.column >= 1 else { finding("diagnostic column \(d.column) < 1: \(d)") }
        }
    }
}
