import Foundation
import Graphics
import Notebook

/// Images a notebook's Markdown refers to by a relative path (`![alt](diagram.png)`): found
/// beside the notebook, copied into the output folder for the HTML page, and drawn in the PDF
/// at their physical size (from the PNG's pHYs, else 96 dpi as browsers assume).
struct LocalImages {
    struct Image {
        var source: URL
        /// File name under `output/<notebook>/images/`.
        var fileName: String
        /// Size in points, for PNGs (other formats appear in HTML only).
        var size: Size?
    }

    private(set) var images: [String: Image] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(_ document: Document) {
        let base = URL(fileURLWithPath: document.path).deletingLastPathComponent()
        var used: Set<String> = []
        for (url, line) in Self.urls(in: document.blocks) where images[url] == nil {
            guard !url.contains(":"), !url.hasPrefix("/"), !url.hasPrefix("#") else { continue }
            let path = url.split(separator: "?").first.map(String.init) ?? url
            let source = base.appendingPathComponent(path.removingPercentEncoding ?? path).standardizedFileURL
            guard let data = FileManager.default.contents(atPath: source.path) else {
                diagnostics.append(Diagnostic(file: document.path, line: line, message: "image '\(url)' not found (looked for \(source.path))", severity: .warning))
                continue
            }
            let ext = source.pathExtension.lowercased()
            var stem = RenderedNotebook.safeStem(source.deletingPathExtension().lastPathComponent)
            while used.contains(stem) { stem += "-2" }
            used.insert(stem)
            images[url] = Image(source: source, fileName: ext.isEmpty ? stem : "\(stem).\(ext)", size: Self.pngSize([UInt8](data)))
        }
    }

    /// Every image URL with the line of the block it is in, in document order.
    static func urls(in blocks: [Block]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        func inlines(_ c: [Inline], _ line: Int) {
            for i in c {
                switch i {
                case .image(let url, _): out.append((url, line))
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): inlines(c, line)
                case .footnote(let b): walk(b)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let c, let l), .heading(_, let c, let l), .tableCaption(let c, _, let l): inlines(c, l)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let inner, _): walk(inner)
                case .table(let h, let rows, let l): h.forEach { inlines($0, l) }; rows.forEach { $0.forEach { inlines($0, l) } }
                default: break
                }
            }
        }
        walk(blocks)
        return out
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
