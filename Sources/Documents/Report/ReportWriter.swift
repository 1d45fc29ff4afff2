import Foundation
import MathType
import Storage
import Notebook
import OutputChannel

/// Writes every output of one rendered notebook into the output folder:
/// `name.pdf`, `name.html`, `name/` (figures as PNG, SVG, PDF, `page.json`, logs, the manifest),
/// and refreshes `index.html`. Everything is produced in memory first, then published as one
/// unit (`Publication`): a failed or killed render never leaves a mixed report.
public struct ReportWriter {
    public var outputDirectory: URL
    public var figureDPI: Double = 200
    /// `--strict`: a notebook with any warning is not published (`StrictFailure`); its front
    /// matter's `strict: true` does the same for it alone.
    public var strict = false
    /// False for `folio preview` without `--pdf`: the PDF is neither drawn nor published, so the
    /// previous `name.pdf` stays, and the manifest lists only the files this render wrote.
    public var writesPDF = true

    public init(outputDirectory: URL) { self.outputDirectory = outputDirectory }

    /// Writes the notebook. `attachments` are extra files for the notebook's folder (by file
    /// name: the full logs of capped outputs); `manifest`, given the SHA-256 of every file by
    /// its output-relative path, returns the bytes of `name/manifest.json`. Returns the paths
    /// written.
    @discardableResult
    public func write(
        _ notebook: ExecutedNotebook, attachments: [(name: String, data: Data)] = [],
        manifest: (([String: String]) throws -> Data)? = nil
    ) throws -> [URL] {
        try write(ResolvedNotebook(notebook), attachments: attachments, manifest: manifest)
    }

    /// Writes a notebook resolved once (numbers, images, figure names) for every format; the
    /// caller prints `resolved.diagnostics`.
    @discardableResult
    public func write(
        _ resolved: ResolvedNotebook, attachments: [(name: String, data: Data)] = [],
        manifest: (([String: String]) throws -> Data)? = nil
    ) throws -> [URL] {
        let notebook = resolved.notebook
        let name = notebook.document.name
        try PublishedName.check(name)
        // Formulas drawn anywhere below that were not reported at their places (none should
        // be) are reported at the top of the notebook rather than not at all.
        let files = try DrawingLock.draw {
            try MathErrorSink.withListener(resolved.warnings.mathListener(line: 1, column: 1, what: "the report")) {
                try render(resolved, attachments: attachments, manifest: manifest)
            }
        }
        let fm = notebook.document.frontMatter
        if strict || fm.strict {
            let all = (notebook.document.warnings + resolved.diagnostics).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            if !all.isEmpty { throw StrictFailure(diagnostics: all) }
        }
        try Publication(output: outputDirectory, name: name).publish(files.map { .init(path: $0.0, data: $0.1) })
        let index = try writeIndex()
        return files.map { outputDirectory.appendingPathComponent($0.0) } + [index]
    }

    /// Every file of the notebook's report, made in memory, by output-relative path.
    private func render(
        _ resolved: ResolvedNotebook, attachments: [(name: String, data: Data)], manifest: (([String: String]) throws -> Data)?
    ) throws -> [(String, Data)] {
        let notebook = resolved.notebook
        let name = notebook.document.name
        var figureFiles: [(String, Data)] = []
        // First, so that their formulas are reported at their cells, not where the pages show them.
        for (stem, figure, index) in resolved.figures {
            // A figure's formulas (labels, titles, legends, ticks) come from its cell's code.
            let cell = notebook.document.cell(at: index)
            let at = cell.map(MathWarnings.place(of:)) ?? (line: 1, column: 1)
            let listener = resolved.warnings.mathListener(
                line: at.line, column: at.column, what: "the figure of cell '\(cell?.options.label ?? "#\(index + 1)")'")
            MathErrorSink.withListener(listener) {
                figureFiles.append(("\(name)/\(stem).png", Data(FigureFiles.png(figure, dpi: figureDPI))))
                figureFiles.append(("\(name)/\(stem).svg", Data(FigureFiles.svg(figure))))
                figureFiles.append(("\(name)/\(stem).pdf", Data(FigureFiles.pdf(figure))))
            }
        }
        let pdf = writesPDF ? PDFReport.render(resolved) : nil
        var files: [(String, Data)] = []
        // Local images the Markdown shows are copied beside the page, under `name/images/`.
        var imagePaths: [String: String] = [:]
        for (url, image) in resolved.images.images {
            // The bytes LocalImages checked, not the file read again (it may have been swapped).
            files.append(("\(name)/images/\(image.fileName)", image.data))
            imagePaths[url] = "\(name)/images/\(image.fileName)"
        }
        files.sort { $0.0 < $1.0 }
        let html = HTMLReport.render(resolved, figureDirectory: name, images: imagePaths)
        files += figureFiles
        let thumbnail = Thumbnail.choose(resolved)
        if let png = thumbnail?.png { files.append((thumbnail!.path, Data(png))) }
        let summary = PageSummary(
            name: name, title: notebook.document.title, date: notebook.document.frontMatter.date, abstract: AbstractText.plain(notebook.document),
            thumbnail: thumbnail?.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        files.append(("\(name)/page.json", try encoder.encode(summary)))
        if let pdf { files.append((name + ".pdf", Data(pdf))) }
        files.append((name + ".html", Data(html.utf8)))
        for a in attachments { files.append(("\(name)/\(a.name)", a.data)) }
        if let manifest {
            var hashes: [String: String] = [:]
            for (path, data) in files { hashes[path] = SHA256.hex(data) }
            files.append(("\(name)/manifest.json", try manifest(hashes)))
        }
        return files
    }

    /// Rebuilds `index.html` from the `page.json` of every notebook in the output folder.
    @discardableResult
    public func writeIndex() throws -> URL {
        try FileSystem.makeDirectory(outputDirectory)
        // Renders of other notebooks (threads of `-j`, or other processes) publish into the same
        // folder: rebuild from a consistent set of pages.
        let lock = try FolderLock(outputDirectory)
        defer { lock.release() }
        let fm = FileManager.default
        var pages: [PageSummary] = []
        let entries = (try? fm.contentsOfDirectory(at: outputDirectory, includingPropertiesForKeys: nil)) ?? []
        for dir in entries where !dir.lastPathComponent.hasPrefix(".") {
            let url = dir.appendingPathComponent("page.json")
            guard let data = fm.contents(atPath: url.path),
                let page = try? JSONDecoder().decode(PageSummary.self, from: data),
                fm.fileExists(atPath: outputDirectory.appendingPathComponent(page.name + ".html").path)
            else { continue }
            pages.append(page)
        }
        let index = outputDirectory.appendingPathComponent("index.html")
        try FileSystem.replace(index, with: Data(SiteIndex.render(pages).utf8))
        return index
    }
}
