import Foundation
import Notebook
import Report

extension Harness {
    /// Citation syntax in a notebook: `[@key]`, `@key`, `[-@key]`, locators, prefixes and
    /// suffixes, `bibliography:`/`csl:`/`nocite:`/`link-citations:` front matter, a `::: {#refs}`
    /// div. The notebook is the fuzzed bytes; `refs.bib` beside it is the fixed bibliography
    /// (CitationFixtures), so the seeds' `bibliography: refs.bib` resolves and the processor
    /// formats real entries. Goes through `Document.load`, one citation run (`ResolvedNotebook`),
    /// the inlines the citations become (`CitationInlines`), and the HTML page. Beyond not
    /// crashing: every place is inside its file and the page carries no `<script`.
    static let citations = Harness(
        name: "citations", maxLength: 8192,
        summary: "citation syntax + bibliography front matter → ResolvedNotebook (CSL run) + HTMLReport"
    ) { bytes in
        _ = bibliographyFile
        guard let document = load(bytes) else { return }
        let resolved = ResolvedNotebook(ExecutedNotebook(document: document, outputs: [:]), projectRoot: Scratch.directory)
        checkWarnings(resolved.diagnostics, path: document.path, bytes: bytes)
        let html = HTMLReport.render(resolved, figureDirectory: "figures")
        if html.lowercased().contains("<script") { finding("HTML page contains <script") }
    }

    /// `refs.bib` in the scratch folder, written once per process.
    static let bibliographyFile: URL = Scratch.file("refs.bib", Array(CitationFixtures.bibtex.utf8))
}
