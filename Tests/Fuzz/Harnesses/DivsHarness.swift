import Foundation
import Notebook
import Report

extension Harness {
    /// Fenced divs, theorem-like statements, proofs, callouts and GitHub alerts: a notebook's
    /// bytes loaded (div fences, attributes, `theorems:` front matter), numbered and resolved
    /// (deferred proofs, appendix letters, cross references), then set as the HTML page and the
    /// PDF. Seeds and dictionary are div-heavy, so mutations stay in that syntax. Beyond not
    /// crashing: a load error is at a place inside the file, every warning of the resolved
    /// notebook is too, the page carries no `<script`, and the PDF is a PDF.
    static let divs = Harness(
        name: "divs", maxLength: 8192,
        summary: "Document.load (divs, theorems, callouts) + ResolvedNotebook, HTMLReport, PDFReport"
    ) { bytes in
        guard let document = load(bytes) else { return }
        let resolved = ResolvedNotebook(ExecutedNotebook(document: document, outputs: [:]), projectRoot: Scratch.directory)
        checkWarnings(resolved.diagnostics, path: document.path, bytes: bytes)
        let html = HTMLReport.render(resolved, figureDirectory: "figures")
        if html.lowercased().contains("<script") { finding("HTML page contains <script") }
        let pdf = PDFReport.render(resolved)
        if !pdf.starts(with: Array("%PDF-".utf8)) { finding("PDFReport.render did not return a PDF") }
    }

    /// Warnings about the notebook name it and a line inside it; warnings about another file
    /// (a bibliography beside it) name that file.
    static func checkWarnings(_ diagnostics: [Diagnostic], path: String, bytes: [UInt8]) {
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        for d in diagnostics {
            guard d.file == path else {
                guard d.file.hasSuffix(".bib") || d.file.hasSuffix(".json") else { finding("warning names \(d.file), not \(path): \(d)") }
                continue
            }
            guard d.line >= 1, d.line <= breaks + 1 else { finding("warning line \(d.line) outside 1…\(breaks + 1): \(d)") }
            guard d.column >= 1 else { finding("warning column \(d.column) < 1: \(d)") }
        }
    }
}
