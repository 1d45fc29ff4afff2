import Foundation
import Graphics
import Notebook
#if canImport(Glibc)
import Glibc
#endif

/// Images a notebook's Markdown refers to by a path (`![alt](diagram.png)`): found beside the
/// notebook, copied into the output folder for the HTML page, and drawn in the PDF at their
/// physical size (from the PNG's pHYs, else 96 dpi as browsers assume).
///
/// Notebook text decides which files are read, so it must not publish files from elsewhere:
/// each path is percent-decoded and resolved to its real path (following every symlink), and a
/// file outside the project folder — `../../secret.txt`, `/etc/passwd`, `%2e%2e/x`, a link to
/// one — is refused with a warning at the image's `file.md:line:col` and shown as missing,
/// unless the front matter lists it (or a folder holding it) under `resources:`. Files that are
/// not browser images, or that are too large, pipes, devices or SVGs with script, are refused
/// too (`ImageFileCheck`).
struct LocalImages {
    struct Image {
        /// The real path checked and read.
        var source: URL
        /// File name under `output/<notebook>/images/`.
        var fileName: String
        /// Size in points, for PNGs (other formats appear in HTML only).
        var size: Size?
        /// The bytes read once from `source`, after the checks: what the site publishes (read
        /// the file again and it may have been swapped).
        var data: Data
    }

    private(set) var images: [String: Image] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// `projectRoot` is the folder whose files the notebook may publish; nil means
    /// `defaultProjectRoot(notebookPath:)`, the rule `folio render` uses.
    init(_ document: Document, projectRoot: URL? = nil) {
        let notebookFolder =
            Self.realPath(URL(fileURLWithPath: document.path).deletingLastPathComponent().path)
            ?? URL(fileURLWithPath: document.path).deletingLastPathComponent().standardizedFileURL.path
        let root =
            projectRoot.map { Self.realPath($0.path) ?? $0.standardizedFileURL.path }
            ?? Self.defaultProjectRoot(notebookPath: document.path).path
        // Listed resources: real paths of files, and of folders whose contents are allowed.
        var allowedFolders = [root], allowedFiles: Set<String> = []
        for r in document.frontMatter.resources {
            guard let real = Self.realPath(r.hasPrefix("/") ? r : notebookFolder + "/" + r) else { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: real, isDirectory: &isDir), isDir.boolValue {
                allowedFolders.append(real)
            } else {
                allowedFiles.insert(real)
            }
        }
        func allowed(_ real: String) -> Bool {
            allowedFiles.contains(real) || allowedFolders.contains { real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }

        var used: Set<String> = []
        var byRealPath: [String: Image] = [:]
        var refused: [String: String] = [:]
        var lines: [String]?
        enum Found { case nothing, image(Image), refused(String) }
        func find(_ url: String) -> Found {
            if let scheme = URLSafety.scheme(of: url) {
                return scheme == "http" || scheme == "https"
                    ? .nothing
                    : .refused("not published: '\(scheme):' image URLs are not allowed (only http, https and files in the project)")
            }
            // Remote (`//host/x.png`) or a fragment: nothing to copy.
            if URLSafety.isRemote(url) || url.hasPrefix("#") { return .nothing }
            if url.isEmpty { return .refused("has no path") }
            let path = String(url.prefix { $0 != "?" && $0 != "#" })
            let decoded = path.removingPercentEncoding ?? path
            guard !decoded.unicodeScalars.contains("\0") else { return .refused("not published: its path holds a NUL character") }
            let candidate = decoded.hasPrefix("/") ? decoded : notebookFolder + "/" + decoded
            guard let real = Self.realPath(candidate) else {
                return .refused("not found (looked for \(URL(fileURLWithPath: candidate).standardizedFileURL.path))")
            }
            guard allowed(real) else {
                return .refused(
                    "is outside the project folder \(root) (it is \(real)): not published; list it under the front matter's 'resources:' to publish it")
            }
            if let image = byRealPath[real] { return .image(image) }
            let ext = URL(fileURLWithPath: decoded).pathExtension.lowercased()
            switch ImageFileCheck.read(real, ext: ext) {
            case .refused(let why): return .refused(why)
            case .image(let data):
                let stem = SafeFileName.stem(URL(fileURLWithPath: decoded).deletingPathExtension().lastPathComponent, fallback: "image")
                let name = SafeFileName.unique("\(stem).\(ext)", in: &used)
                let image = Image(source: URL(fileURLWithPath: real), fileName: name, size: Self.pngSize([UInt8](data)), data: data)
                byRealPath[real] = image
                return .image(image)
            }
        }
        for ref in InlineSources.references(in: document.blocks) where ref.isImage && images[ref.url] == nil {
            let url = ref.url
            let outcome: String
            if let why = refused[url] {
                outcome = why
            } else {
                switch find(url) {
                case .nothing: continue
                case .image(let image): images[url] = image; continue
                case .refused(let why): outcome = why
                }
            }
            refused[url] = outcome
            let source = lines ?? InlineSources.lines(path: document.path)
            lines = source
            let (line, column) = InlineSources.locate(ref, in: source)
            diagnostics.append(
                Diagnostic(
                    file: document.path, line: line, column: column,
                    message: "image '\(InlineSources.printable(url))' \(outcome)", severity: .warning))
        }
    }

    /// The project folder of a render: the current folder when the notebook lies inside it
    /// (`folio render notebooks/x.md` in a project), else the notebook's own folder. Never `/`.
    static func defaultProjectRoot(notebookPath: String) -> URL {
        let cwdPath = FileManager.default.currentDirectoryPath
        let cwd = realPath(cwdPath) ?? cwdPath
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().path
        let notebookFolder = realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
        if cwd != "/", notebookFolder == cwd || notebookFolder.hasPrefix(cwd + "/") { return URL(fileURLWithPath: cwd) }
        return URL(fileURLWithPath: notebookFolder)
    }

    /// The path with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// A PNG's size in points: pixels at its pHYs resolution, or at 96 dpi without one.
    static func pngSize(_ png: [UInt8]) -> Size? {
        guard png.count > 24, png[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func u32(_ i: Int) -> Double { Double(png[i..<i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) }
        let (w, h) = (u32(16), u32(20))
        var dpiX = 96.0, dpiY = 96.0
        var i = 8
        while i + 8 <= png.count {
            let length = Int(u32(i))
            if String(decoding: png[i + 4..<i + 8], as: UTF8.self) == "pHYs", i + 17 <= png.count, png[i + 16] == 1 {
                dpiX = u32(i + 8) * 0.0254; dpiY = u32(i + 12) * 0.0254
                break
            }
            if String(decoding: png[i + 4..<i + 8], as: UTF8.self) == "IDAT" { break }
            i += 12 + length
        }
        guard w > 0, h > 0, dpiX > 0, dpiY > 0 else { return nil }
        return Size(w * 72 / dpiX, h * 72 / dpiY)
    }
}
