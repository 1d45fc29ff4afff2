import Foundation

/// A parsed notebook: front matter, blocks with their source lines, and the Swift cells.
public struct Document: Equatable, Sendable {
    /// The path as the user gave it; diagnostics are reported against it.
    public var path: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]

    /// The Swift cells in order.
    public var cells: [Cell] {
        var result: [Cell] = []
        func walk(_ bs: [Block]) {
            for b in bs {
                switch b {
                case .cell(let c): result.append(c)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let inner, _): walk(inner)
                default: break
                }
            }
        }
        walk(blocks)
        return result
    }

    /// Name used for output files: `notebooks/trajectory-length.md` → `trajectory-length`.
    public var name: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// Title from front matter, else the first heading, else the file name.
    public var title: String {
        if let t = frontMatter.title { return t }
        for b in blocks { if case .heading(_, let c, _) = b { return c.plainText } }
        return name
    }

    /// Reads and parses a notebook file. Errors are `Diagnostic`s with the file's location.
    public static func load(path: String) throws -> Document {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Diagnostic(file: path, line: 1, message: "no such file")
        }
        guard !isDir.boolValue else { throw Diagnostic(file: path, line: 1, message: "is a directory, not a notebook") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, line: 1, message: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            // Report where the first invalid byte is, as editors count lines.
            var line = 1, column = 1
            let bytes = [UInt8](data)
            var i = 0
            while i < bytes.count {
                let width: Int
                switch bytes[i] { case 0..<0x80: width = 1; case 0xC2..<0xE0: width = 2; case 0xE0..<0xF0: width = 3; case 0xF0..<0xF5: width = 4; default: width = 0 }
                if width == 0 || i + width > bytes.count || String(bytes: bytes[i..<i + width], encoding: .utf8) == nil { break }
                if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += width
            }
            throw Diagnostic(file: path, line: line, column: column, message: "file is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses notebook text. `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws -> Document {
        // Normalise line endings so line numbers match what editors show.
        let source = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var frontMatter = FrontMatter()
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }) else {
                throw Diagnostic(file: path, line: 1, message: "front matter starts with '---' but has no closing '---'")
            }
            let yaml = lines[1..<end].joined(separator: "\n")
            frontMatter = try FrontMatter.parse(yaml, firstLine: 2, file: path)
            // Blank the front matter so the Markdown keeps its line numbers.
            for i in 0...end { lines[i] = "" }
        }
        var math = MathProtection()
        let protected = math.protect(lines.joined(separator: "\n"))
        var parser = MarkdownParser(file: path, math: math)
        let blocks = try parser.parse(protected)
        try DuplicateLabels.check(blocks, lines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                  file: path)
        return Document(path: path, frontMatter: frontMatter, blocks: blocks)
    }
}
