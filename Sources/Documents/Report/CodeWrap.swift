/// Breaks code lines longer than the code box before Pango has to: at the last space or after
/// the last comma that fits, continuing four columns further in than the line's own
/// indentation, so a wrapped statement still reads as one (Pango's indent is one value for a
/// whole layout, not per line). Words longer than a line are left for Pango to break, up to
/// four lines' worth; longer runs are cut at the line's end.
/// Linear in the length of the code: a line is walked by index, never copied per piece.
enum CodeWrap {
    static func wrap(_ code: String, columns: Int) -> String {
        guard columns > 8 else { return code }
        var out: [String] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.count > columns else { out.append(String(line)); continue }
            let chars = Array(line)
            let indent = chars.prefix { $0 == " " }.count
            let continuation = String(repeating: " ", count: min(indent + 4, columns / 2))
            // The first piece has `columns` to fill; later ones the room after the continuation.
            var start = 0, prefix = "", room = columns, floor = indent
            while chars.count - start > room {
                // The last break point within the room: after a comma or at a space, not inside
                // the leading indentation.
                var cut = -1
                var i = start + room - 1
                while i > start + floor && i > start {
                    if chars[i] == " " || chars[i - 1] == "," { cut = i; break }
                    i -= 1
                }
                // An unbreakable word is left for Pango to break, unless it is long enough to make
                // one huge layout line (minified data, a megabyte literal): then it is cut.
                if cut < 0 {
                    if chars.count - start <= 4 * columns { break }
                    cut = start + room
                }
                out.append((prefix + String(chars[start..<cut])).replacingTrailingSpaces())
                start = cut
                while start < chars.count && chars[start] == " " { start += 1 }
                (prefix, room, floor) = (continuation, columns - continuation.count, 0)
            }
            out.append(prefix + String(chars[start...]))
        }
        return out.joined(separator: "\n")
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
