import Foundation
import Notebook
import Runner

/// The last of a render's three steps — load (Notebook), execute (Runner), publish (Report):
/// a document and what executing it produced become the notebook's report under `output/`,
/// with the full logs of capped outputs and the provenance manifest beside it.
extension ReportWriter {
    public struct Published {
        /// `output/<name>.pdf`.
        public var pdf: URL
        /// Every file written, the index last.
        public var files: [URL]
        /// Unresolved references and missing images: the report shows them (as "??"), these say where.
        public var diagnostics: [Diagnostic]
    }

    /// Publishes `document` with `result`'s outputs; `tool` names the program in the manifest.
    public func publish(_ document: Document, _ result: RunResult, tool: String) throws -> Published {
        // Numbering, references and local images are resolved once, for every format.
        let notebook = ResolvedNotebook(ExecutedNotebook(document: document, outputs: result.cells.mapValues(\.outputs)))
        var logs: [(name: String, data: Data)] = []
        for cell in document.cells {
            guard let log = result.cells[cell.index]?.fullLog, let data = FileManager.default.contents(atPath: log.path) else { continue }
            logs.append((cell.logFileName, data))
        }
        let files = try write(notebook, attachments: logs) { hashes in
            try Provenance(tool: tool, document: document, result: result, compiler: result.compilerVersion, files: hashes).json()
        }
        return Published(
            pdf: outputDirectory.appendingPathComponent(document.name + ".pdf"), files: files,
            diagnostics: notebook.diagnostics)
    }
}
