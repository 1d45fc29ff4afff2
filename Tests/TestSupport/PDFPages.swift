import Foundation

/// Where things are on the pages of a PDF, as a reader would measure them: the words and text
/// blocks `pdftotext -bbox-layout` finds (with their boxes, in points from the page's top
/// left), and the rows that hold any ink at all (`pdftoppm`), so that vector figures count too.
public struct PDFPages {
    /// A word and its box.
    public struct Word {
        public let text: String
        public let xMin: Double, yMin: Double, xMax: Double, yMax: Double
    }

    /// A block of lines, as poppler groups them (a paragraph, a caption, a code box's text).
    public struct Block {
        public let lines: [[Word]]
        public let xMin: Double, yMin: Double, xMax: Double, yMax: Double
        /// The block's text, its lines joined by spaces.
        public var text: String { lines.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ") }
    }

    /// One page.
    public struct Page {
        public let width: Double, height: Double
        public let blocks: [Block]
        /// Every word of the page, in poppler's reading order.
        public var words: [Word] { blocks.flatMap { $0.lines.flatMap { $0 } } }
        /// The page's text, blocks joined by spaces.
        public var text: String { blocks.map(\.text).joined(separator: " ") }
        /// The first word whose text contains `needle`, or nil.
        public func word(containing needle: String) -> Word? { words.first { $0.text.contains(needle) } }
    }

    public let pages: [Page]

    /// Reads the words and blocks of `pdf`.
    /// - Throws: `MissingTool` without poppler's `pdftotext`; a failure when it fails.
    public init(_ pdf: URL) throws {
        let xhtml = try Tools.output("pdftotext", ["-bbox-layout", pdf.path, "-"])
        pages = Self.parse(xhtml)
    }

    /// The page (from 1) that has a word containing `needle`, or nil.
    public func page(of needle: String) -> Int? {
        pages.firstIndex { $0.word(containing: needle) != nil }.map { $0 + 1 }
    }

    static func parse(_ xhtml: String) -> [Page] {
        func attributes(_ tag: Substring) -> [String: Double] {
            var result: [String: Double] = [:]
            let pattern = try! NSRegularExpression(pattern: #"(\w+)="([-0-9.]+)""#)
            let s = String(tag)
            for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                result[String(s[Range(m.range(at: 1), in: s)!])] = Double(s[Range(m.range(at: 2), in: s)!])
            }
            return result
        }
        var pages: [Page] = []
        var size = (0.0, 0.0)
        var blocks: [Block] = [], lines: [[Word]] = [], line: [Word] = []
        var blockBox: [String: Double] = [:]
        var rest = Substring(xhtml)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("<page ") {
                let a = attributes(tag)
                size = (a["width"] ?? 0, a["height"] ?? 0)
                blocks = []
            } else if tag.hasPrefix("</page") {
                pages.append(Page(width: size.0, height: size.1, blocks: blocks))
            } else if tag.hasPrefix("<block ") {
                blockBox = attributes(tag)
                lines = []
            } else if tag.hasPrefix("</block") {
                blocks.append(
                    Block(
                        lines: lines, xMin: blockBox["xMin"] ?? 0, yMin: blockBox["yMin"] ?? 0, xMax: blockBox["xMax"] ?? 0,
                        yMax: blockBox["yMax"] ?? 0))
            } else if tag.hasPrefix("<line ") {
                line = []
            } else if tag.hasPrefix("</line") {
                lines.append(line)
            } else if tag.hasPrefix("<word ") {
                let a = attributes(tag)
                let end = rest.range(of: "</word>")?.lowerBound ?? rest.endIndex
                let text = String(rest[..<end])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                line.append(Word(text: text, xMin: a["xMin"] ?? 0, yMin: a["yMin"] ?? 0, xMax: a["xMax"] ?? 0, yMax: a["yMax"] ?? 0))
            }
        }
        return pages
    }

    /// For every page of `pdf`, the lowest row (in points from the top) with ink between `top`
    /// and `bottom` points, or nil for a page with none there. Rendered in grey at `dpi`;
    /// a pixel darker than 250 of 255 is ink (a code box's pale background counts).
    /// - Throws: `MissingTool` without poppler's `pdftoppm`.
    public static func lowestInk(_ pdf: URL, top: Double, bottom: Double, dpi: Int = 36) throws -> [Double?] {
        let folder = uniqueTemporaryURL("ink")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Tools.output("pdftoppm", ["-r", "\(dpi)", "-gray", pdf.path, folder.appendingPathComponent("p").path])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }.sorted()
        let scale = Double(dpi) / 72
        return try files.map { name in
            let pgm = try Data(contentsOf: folder.appendingPathComponent(name))
            // Binary PGM: "P5\nW H\n255\n" then one byte per pixel.
            let header = String(decoding: pgm.prefix(40), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == " " })
            let (w, h) = (Int(header[1])!, Int(header[2])!)
            let start = pgm.count - w * h
            let rows = max(0, Int(top * scale))..<min(h, Int(bottom * scale))
            for y in rows.reversed() where (0..<w).contains(where: { pgm[start + y * w + $0] < 250 }) {
                return Double(y + 1) / scale
            }
            return nil
        }
    }
}
