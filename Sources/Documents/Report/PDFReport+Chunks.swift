import Graphics

/// Long code and output text for the PDF, as Pango markup in chunks of whole lines.
///
/// One Pango layout over a megabyte of text costs time that grows faster than its length
/// (measured: 1 MiB of output took ~100 s per render, most of it in g_utf8_strlen over the whole
/// text for every line). Laid out in chunks of at most `maxLines` lines and `maxBytes` bytes it
/// is linear: each chunk is one layout, and the composer sets the chunks in one box.
enum TextChunks {
    static let maxLines = 200
    static let maxBytes = 16_384

    /// Plain text (outputs, errors) as escaped markup chunks. A line longer than `columns`
    /// characters is cut into pieces of `columns` first, so even one line of a megabyte is
    /// chunked; in a monospaced box a piece is exactly one wrapped line.
    static func plain(_ text: String, columns: Int) -> [String] {
        var lines: [String] = []
        let width = max(8, columns)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > width else { lines.append(TextLayout.escape(String(line))); continue }
            var start = line.startIndex
            while start < line.endIndex {
                let end = line.index(start, offsetBy: width, limitedBy: line.endIndex) ?? line.endIndex
                lines.append(TextLayout.escape(String(line[start..<end])))
                start = end
            }
        }
        return group(lines)
    }

    /// Swift code (already wrapped by CodeWrap) as highlighted markup chunks: every span is
    /// closed at the end of its line and reopened on the next (block comments and multi-line
    /// strings span lines), so any line can start a chunk.
    static func swift(_ code: String) -> [String] {
        var lines: [String] = [""]
        for (text, kind) in SwiftHighlighter.tokens(code) {
            let open = kind.map { k in
                "<span foreground=\"\(SwiftHighlighter.color(k))\"" + (k == .comment ? " font_style=\"italic\"" : "") + ">"
            }
            for (n, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if n > 0 { lines.append("") }
                guard !part.isEmpty else { continue }
                let escaped = TextLayout.escape(String(part))
                lines[lines.count - 1] += open.map { $0 + escaped + "</span>" } ?? escaped
            }
        }
        return group(lines)
    }

    /// Lines joined into chunks of at most `maxLines` lines and about `maxBytes` bytes.
    static func group(_ lines: [String]) -> [String] {
        var chunks: [String] = [], current: [String] = [], bytes = 0
        for line in lines {
            if !current.isEmpty && (current.count >= maxLines || bytes + line.utf8.count > maxBytes) {
                chunks.append(current.joined(separator: "\n")); current = []; bytes = 0
            }
            current.append(line); bytes += line.utf8.count + 1
        }
        if !current.isEmpty { chunks.append(current.joined(separator: "\n")) }
        return chunks
    }
}
