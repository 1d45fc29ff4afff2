/// The list items and block quotes a line of Markdown sits in, as far as a fence line needs
/// them: how many characters of the line are container prefix (`> ` markers and indentation)
/// and how far the content stands inside its innermost container. A line-by-line reading,
/// not a CommonMark parser: it follows list items by their content column (the column after
/// the marker and its spaces) and quotes by their `>` markers, which is what decides whether
/// `:::` is a fence (at most three spaces inside its container) or indented code.
struct Containers {
    /// Content columns of the open list items, innermost last, counted after the quote markers.
    private var items: [Int] = []
    private var quoteDepth = 0

    /// The prefix length and the indentation inside the innermost container of `line`, and
    /// the line's effect on the open containers; nil for a blank line.
    mutating func enter(_ line: String) -> (lead: Int, relative: Int)? {
        let chars = Array(line)
        var i = 0, depth = 0
        // Block-quote markers: up to three spaces, `>`, and one optional space.
        while true {
            var j = i
            while j < chars.count, j - i < 3, chars[j] == " " { j += 1 }
            guard j < chars.count, chars[j] == ">" else { break }
            j += 1
            if j < chars.count, chars[j] == " " { j += 1 }
            i = j; depth += 1
        }
        if depth != quoteDepth { items = []; quoteDepth = depth }
        var spaces = 0
        while i + spaces < chars.count, chars[i + spaces] == " " { spaces += 1 }
        guard i + spaces < chars.count else { return nil }  // blank: items stay open
        // A less indented line ends the items it is not inside (a lazy paragraph line too: a
        // fence never continues a paragraph lazily).
        while let last = items.last, spaces < last { items.removeLast() }
        let base = items.last ?? 0
        let relative = spaces - base
        if relative <= 3, let width = Self.listMarkerWidth(chars[(i + spaces)...]) { items.append(spaces + width) }
        return (i + spaces, relative)
    }

    /// The width of a list marker and the spaces after it (`- `, `12. `, `3) `), when `text` starts
    /// with one followed by content; one to four spaces count, more is indented code in the item.
    static func listMarkerWidth(_ text: ArraySlice<Character>) -> Int? {
        var k = text.startIndex
        if let c = text.first, c == "-" || c == "+" || c == "*" {
            k += 1
        } else {
            while k < text.endIndex, k - text.startIndex < 9, text[k].isASCII, text[k].isNumber { k += 1 }
            guard k > text.startIndex, k < text.endIndex, text[k] == "." || text[k] == ")" else { return nil }
            k += 1
        }
        var gap = 0
        while k + gap < text.endIndex, text[k + gap] == " " { gap += 1 }
        guard gap >= 1, k + gap < text.endIndex else { return nil }
        return k - text.startIndex + (gap > 4 ? 1 : gap)
    }
}
