import Foundation
import Notebook
import OutputChannel
import Report

extension Harness {
    /// Markdown, front matter and `//|` cell options: the bytes of a notebook file, loaded as
    /// `folio render` loads it, then the HTML page of the parsed document (no cell run).
    static let notebook = Harness(
        name: "notebook", maxLength: 16_384,
        summary: "Document.load (Markdown, front matter, cell options) + HTMLReport"
    ) { bytes in
        guard let document = load(bytes) else { return }
        _ = document.cells
        _ = document.title
        let html = HTMLReport.render(ExecutedNotebook(document: document, outputs: [:]), figureDirectory: "figures")
        // The page is script-free whatever the author wrote (README: raw HTML never passes).
        if html.lowercased().contains("<script") { finding("HTML page contains <script") }
    }

    /// The same bytes set as the PDF report: Pango layout, math, footnotes at page bottoms,
    /// page breaks (a separate harness: a page costs ~10× the HTML, so it gets its own runs).
    static let pdf = Harness(name: "pdf", maxLength: 8192, summary: "Document.load + PDFReport") { bytes in
        guard let document = load(bytes) else { return }
        let pdf = PDFReport.render(ExecutedNotebook(document: document, outputs: [:]))
        if !pdf.starts(with: Array("%PDF-".utf8)) { finding("PDFReport.render did not return a PDF") }
    }

    /// The notebook in `bytes` loaded from a file, or nil after checking the diagnostic it threw.
    static func load(_ bytes: [UInt8]) -> Document? {
        let path = Scratch.file("fuzz.md", bytes).path
        do {
            return try Document.load(path: path)
        } catch let d as Diagnostic {
            checkLocation(d, path: path, bytes: bytes)
            return nil
        } catch {
            finding("Document.load threw \(type(of: error)), not a Diagnostic: \(error)")
        }
    }

    /// A diagnostic names the file it was given and a place inside it (line 1… one past the last
    /// line break, column ≥ 1): an editor must be able to jump there.
    static func checkLocation(_ d: Diagnostic, path: String, bytes: [UInt8]) {
        // CR, LF and CRLF each end a line (Document.parse normalises them), so this bounds the lines.
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        guard d.file == path else { finding("diagnostic names \(d.file), not \(path): \(d)") }
        guard d.line >= 1, d.line <= breaks + 1 else { finding("diagnostic line \(d.line) outside 1…\(breaks + 1): \(d)") }
        guard d.column >= 1 else { finding("diagnostic column \(d.column) < 1: \(d)") }
    }
}
