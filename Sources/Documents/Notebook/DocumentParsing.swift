import Foundation

extension Document {
    /// Parses notebook text. `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws -> Document {
        // A byte-order mark would hide the front matter's `---`. Line endings are normalised
        // so line numbers match what editors show. NUL becomes U+FFFD, as CommonMark asks
        // (and C strings would end at it).
        var source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if source.utf8.contains(0) { source = source.replacingOccurrences(of: "\0", with: "\u{FFFD}") }
        // The private-use characters MathProtection marks its placeholders with cannot come
        // from the author: one written in the text would be read as a placeholder.
        let reserved: ClosedRange<UInt32> = 0xE000...0xE003
        if source.unicodeScalars.contains(where: { reserved.contains($0.value) }) {
            source = String(String.UnicodeScalarView(source.unicodeScalars.map { reserved.contains($0.value) ? "\u{FFFD}" : $0 }))
        }
        if source.utf8.contains(0x0D) {
            source = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let original = source.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = original
        var frontMatter = FrontMatter()
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" || $0 == "..." }) else {
                throw Diagnostic(
                    file: path, line: 1, message: "front matter starts with '---' but has no closing '---' (or '...')",
                    sourceLine: String(lines[0]))
            }
            frontMatter = try FrontMatter.parse(lines[1..<end], firstLine: 2, file: path)
            // Blank the front matter so the Markdown keeps its line numbers.
            for i in 0...end { lines[i] = "" }
        }
        var math = MathProtection()
        let protected = math.protect(lines.joined(separator: "\n"))
        var parser = MarkdownParser(file: path, math: math, sourceLines: lines)
        parser.referencePrefixes = Set(frontMatter.theorems.kinds.map(\.prefix))
        parser.citations = !frontMatter.bibliography.files.isEmpty
        let blocks = try parser.parse(protected)
        try DuplicateLabels.check(blocks, lines: original.map(String.init), file: path)
        let warnings = (parser.warnings + parser.untakenLabelWarnings(blocks)).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var document = Document(path: path, frontMatter: frontMatter, blocks: blocks, warnings: warnings)
        document.math = mathSources(spans: math.spans, typeset: parser.typesetMath, frontMatter: frontMatter, blocks: blocks, lines: original)
        return document
    }
}
