import Foundation
import Notebook

/// Writes every output of one rendered notebook into the output folder:
/// `name.pdf`, `name.html`, `name/` (figures as PNG, SVG, PDF and `page.json`), and refreshes
/// `index.html`. Everything is produced in memory first, then written file by file atomically.
public struct ReportWriter {
    public var outputDirectory: URL
    public var figureDPI: Double = 200

    public init(outputDirectory: URL) { self.outputDirectory = outputDirectory }

    /// Returns the paths written.
    @discardableResult
    public func write(_ notebook: RenderedNotebook) throws -> [URL] {
        let name = notebook.document.name
        let pdf = PDFReport.render(notebook)
        var files: [(URL, Data)] = []
        let figureDir = outputDirectory.appendingPathComponent(name)
        // Local images the Markdown shows are copied beside the page, under `name/images/`.
        var imagePaths: [String: String] = [:]
        for (url, image) in LocalImages(notebook.document).images {
            guard let data = FileManager.default.contents(atPath: image.source.path) else { continue }
            files.append((figureDir.appendingPathComponent("images").appendingPathComponent(image.fileName), data))
            imagePaths[url] = "\(name)/images/\(image.fileName)"
        }
        files.sort { $0.0.path < $1.0.path }
        let html = HTMLReport.render(notebook, figureDirectory: name, images: imagePaths)
        for (stem, figure, _) in notebook.figures {
            files.append((figureDir.appendingPathComponent(stem + ".png"), Data(FigureFiles.png(figure, dpi: figureDPI))))
            files.append((figureDir.appendingPathComponent(stem + ".svg"), Data(FigureFiles.svg(figure))))
            files.append((figureDir.appendingPathComponent(stem + ".pdf"), Data(FigureFiles.pdf(figure))))
        }
        let fm = notebook.document.frontMatter
        let thumbnail = Thumbnail.choose(notebook)
        if let png = thumbnail?.png { files.append((outputDirectory.appendingPathComponent(thumbnail!.path), Data(png))) }
        let summary = PageSummary(name: name, title: notebook.document.title, date: fm.date, abstract: fm.abstract.map(TeXFallback.plainProse),
                                  thumbnail: thumbnail?.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        files.append((figureDir.appendingPathComponent("page.json"), try encoder.encode(summary)))
        files.append((outputDirectory.appendingPathComponent(name + ".pdf"), Data(pdf)))
        files.append((outputDirectory.appendingPathComponent(name + ".html"), Data(html.utf8)))
        for (url, data) in files { try AtomicWrite.write(data, to: url) }
        let index = try writeIndex()
        return files.map(\.0) + [index]
    }

    /// Rebuilds `index.html` from the `page.json` of every notebook in the output folder.
    @discardableResult
    public func writeIndex() throws -> URL {
        let fm = FileManager.default
        var pages: [PageSummary] = []
        let entries = (try? fm.contentsOfDirectory(at: outputDirectory, includingPropertiesForKeys: nil)) ?? []
        for dir in entries {
            let url = dir.appendingPathComponent("page.json")
            guard let data = fm.contents(atPath: url.path),
                  let page = try? JSONDecoder().decode(PageSummary.self, from: data),
                  fm.fileExists(atPath: outputDirectory.appendingPathComponent(page.name + ".html").path) else { continue }
            pages.append(page)
        }
        let index = outputDirectory.appendingPathComponent("index.html")
        try AtomicWrite.write(Data(SiteIndex.render(pages).utf8), to: index)
        return index
    }
}
