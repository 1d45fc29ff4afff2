import CSL
import Foundation
import Notebook

/// The front matter's `csl:` style, or the default author-date one (`chicago-author-date`,
/// Pandoc's default too). An unknown name is an error at the key naming the closest styles
/// that exist, so a typo (`chicago`) is fixed without a trip to the styles folder.
enum CitationStyles {
    static func style(_ settings: BibliographySettings, notebookPath: String) throws -> CSLStyle {
        let name = settings.style ?? BibliographySettings.defaultStyle
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent()
        let at = settings.stylePosition
        let library = CSLLibrary()
        do {
            return try library.style(name, relativeTo: folder)
        } catch {
            let isPath = name.hasSuffix(".csl") || name.contains("/")
            var message = "citation style '\(name)': \(error)"
            if !isPath, let all = try? FileManager.default.contentsOfDirectory(atPath: library.stylesFolder.path) {
                let names = all.filter { $0.hasSuffix(".csl") }.map { String($0.dropLast(4)) }.sorted()
                let close = names.filter { $0.hasPrefix(name.lowercased()) || $0.contains(name.lowercased()) }.prefix(8)
                let common = ["apa", "chicago-author-date", "ieee", "nature", "association-for-computing-machinery", "harvard-cite-them-right"]
                message =
                    "unknown citation style '\(name)' (\(names.count) built-in styles in \(library.stylesFolder.path); "
                    + (close.isEmpty ? "common ones: \(common.joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))")
                    + "; or give a path to a .csl file)"
            }
            throw Diagnostic(file: notebookPath, line: at?.line ?? 1, column: at?.column ?? 1, message: message)
        }
    }
}
