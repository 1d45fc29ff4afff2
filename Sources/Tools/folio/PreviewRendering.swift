import FolioPreview
import Foundation
import Notebook

/// One render for `folio preview`: the ordinary render, its messages on the terminal, and what
/// the preview needs to know — the page's name, the failure, the files to watch.
enum PreviewRendering {
    static func render(_ path: String, job: RenderJob) -> PreviewRender {
        let outcome = job.render(path)
        if !outcome.stdout.isEmpty { FileHandle.standardOutput.write(outcome.stdout) }
        if !outcome.stderr.isEmpty { FileHandle.standardError.write(outcome.stderr) }
        let document = try? Document.load(path: path)
        let page = document?.name ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let failure = outcome.code == 0 ? nil : RenderFailure.parse(outcome.stderr, notebook: path)
        return PreviewRender(page: page, failure: failure, dependencies: document.map(dependencies) ?? [path])
    }

    /// The files a notebook's report is made from: itself, `inputs`, bibliographies, the CSL
    /// style and the local images its Markdown shows.
    static func dependencies(_ document: Document) -> Set<String> {
        let folder = URL(fileURLWithPath: document.path).deletingLastPathComponent()
        func local(_ p: String) -> String? {
            guard !p.isEmpty, !p.contains("://"), !p.hasPrefix("data:") else { return nil }
            let clean = String(p.prefix { $0 != "#" && $0 != "?" })
            return (clean.hasPrefix("/") ? URL(fileURLWithPath: clean) : folder.appendingPathComponent(clean)).standardizedFileURL.path
        }
        let fm = document.frontMatter
        var files: Set<String> = [URL(fileURLWithPath: document.path).standardizedFileURL.path]
        for p in fm.inputs + fm.bibliography.files + [fm.bibliography.style].compactMap({ $0 }) {
            if let f = local(p) { files.insert(f) }
        }
        // Image references read from the Markdown text: watching one image too many (inside a
        // code span) costs nothing, missing one would leave a stale page.
        if let source = try? String(contentsOfFile: document.path, encoding: .utf8),
            let pattern = try? NSRegularExpression(pattern: #"!\[[^\]]*\]\(\s*<?([^)\s>]+)"#)
        {
            let range = NSRange(source.startIndex..., in: source)
            for m in pattern.matches(in: source, range: range) {
                if let r = Range(m.range(at: 1), in: source), let f = local(String(source[r])) { files.insert(f) }
            }
        }
        return files
    }

    /// Opens `url` in the desktop's browser; says so when there is none.
    static func openBrowser(_ url: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["xdg-open", url]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            FileHandle.standardError.write("folio preview: could not open a browser (xdg-open); open \(url)\n")
        }
    }
}
