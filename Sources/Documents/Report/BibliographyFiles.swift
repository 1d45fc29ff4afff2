import BibTeX
import Foundation
import Notebook

/// The front matter's bibliography files, read under the project's path rules: each must be a
/// regular file inside the project folder (as published images are), `.bib` or CSL-JSON. Their
/// problems are reported at `refs.bib:line:col`, the path shown beside the notebook's.
enum BibliographyFiles {
    static let sizeLimit = 32 << 20

    static func load(_ settings: BibliographySettings, notebookPath: String, projectRoot: URL?) -> (bibliography: Bibliography, diagnostics: [Diagnostic]) {
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().path
        let shownFolder = (notebookPath as NSString).deletingLastPathComponent
        let root =
            projectRoot.map { LocalImages.realPath($0.path) ?? $0.standardizedFileURL.path } ?? LocalImages.defaultProjectRoot(notebookPath: notebookPath).path
        var bibliography = Bibliography()
        var diagnostics: [Diagnostic] = []
        for (k, file) in settings.files.enumerated() {
            let at = k < settings.filePositions.count ? settings.filePositions[k] : nil
            func fail(_ message: String) {
                diagnostics.append(
                    Diagnostic(file: notebookPath, line: at?.line ?? 1, column: at?.column ?? 1, message: "bibliography '\(file)' \(message)"))
            }
            let path = file.hasPrefix("/") ? file : folder + "/" + file
            let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
            guard ext == "bib" || ext == "json" || ext == "bibtex" else { fail("must be a .bib or a CSL-JSON .json file"); continue }
            guard let real = LocalImages.realPath(path) else { fail("does not exist"); continue }
            guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { fail("is outside the project folder \(root)"); continue }
            let data: Data
            do { data = try RegularFile.read(real, limit: sizeLimit) } catch { fail(error.phrase); continue }
            let shown = file.hasPrefix("/") || shownFolder.isEmpty ? file : shownFolder + "/" + file
            var part: Bibliography
            if ext == "json" {
                part = Bibliography.json(data, file: shown)
            } else if let text = String(data: data, encoding: .utf8) {
                part = Bibliography.bibtex(text, file: shown)
            } else {
                part = Bibliography.bibtex(String(decoding: data, as: UTF8.self), file: shown)
                part.diagnostics.insert(
                    BibDiagnostic(file: shown, line: 1, column: 1, severity: .warning, message: "the file is not UTF-8"), at: 0)
            }
            // The first file that has a key wins (`Bibliography.load`'s rule across files).
            let known = Set(bibliography.items.map(\.id))
            for item in part.items where known.contains(item.id) {
                let first = bibliography.origins[item.id].map { "\($0.file):\($0.line)" } ?? "an earlier file"
                let o = part.origins[item.id]
                part.diagnostics.append(
                    BibDiagnostic(
                        file: o?.file ?? shown, line: o?.line ?? 1, column: o?.column ?? 1, severity: .warning,
                        message: "duplicate key \(item.id) (first defined at \(first)); this entry is ignored"))
            }
            diagnostics += part.diagnostics.map {
                Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message, severity: $0.severity == .error ? .error : .warning)
            }
            bibliography.items += part.items.filter { !known.contains($0.id) }
            for (key, origin) in part.origins where bibliography.origins[key] == nil { bibliography.origins[key] = origin }
        }
        return (bibliography, diagnostics)
    }
}
