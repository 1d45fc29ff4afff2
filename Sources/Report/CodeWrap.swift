/// Breaks code lines longer than the code box before Pango has to: at the last space or after
/// the last comma that fits, continuing four columns further in than the line's own
/// indentation, so a wrapped statement still reads as one (Pango's indent is one value for a
/// whole layout, not per line). Words longer than a line are left for Pango to break.
enum CodeWrap {
    static func wrap(_ code: String, columns: Int) -> String {
        guard columns > 8 else { return code }
        var out: [String] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Array(line)
            let indent = rest.prefix { $0 == " " }.count
            let continuation = String(repeating: " ", count: min(indent + 4, columns / 2))
            var first = true
            while rest.count > columns {
                let limit = columns - (first ? 0 : 0)
                // The last break point within the limit: after a comma or at a space, not inside
                // the leading indentation.
                var cut = -1
                for i in stride(from: limit - 1, to: max(indent, continuation.count), by: -1) {
                    if rest[i] == " " || rest[i - 1] == "," { cut = i; break }
                }
                guard cut > 0 else { break }
                out.append(String(rest[..<cut]).replacingTrailingSpaces())
                rest = Array(continuation) + Array(rest[cut...].drop { $0 == " " })
                first = false
            }
            out.append(String(rest))
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
