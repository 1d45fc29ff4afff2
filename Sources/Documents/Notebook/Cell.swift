/// A Swift code cell: a fence whose info string is `swift`, with `//|` options at its top.
public struct Cell: Equatable, Sendable {
    /// Position among the document's cells, from 0.
    public var index: Int
    /// The code without the option lines, exactly as written otherwise.
    public var code: String
    /// Markdown line of the first line of `code`.
    public var firstLine: Int
    public var options: CellOptions
    /// For each line of `code`, the characters before it on its Markdown line: the fence's
    /// indentation, a list item's indentation, a block quote's `> ` (each quoted line has its
    /// own). Empty means 0 for every line (a fence at the left margin).
    public var columnOffsets: [Int]

    public init(index: Int, code: String, firstLine: Int, options: CellOptions, columnOffsets: [Int] = []) {
        (self.index, self.code, self.firstLine, self.options) = (index, code, firstLine, options)
        self.columnOffsets = columnOffsets
    }

    /// Characters before the code on Markdown line `line` (0 outside the cell).
    public func columnOffset(line: Int) -> Int {
        let k = line - firstLine
        return k >= 0 && k < columnOffsets.count ? columnOffsets[k] : 0
    }

    /// The Markdown column (in characters, as editors count) of a position the compiler or a
    /// backtrace reports as `line:utf8Column` — compilers count UTF-8 bytes within the code
    /// line, so an `é` or `σ` earlier on the line would otherwise shift the caret.
    public func markdownColumn(line: Int, utf8Column: Int) -> Int {
        let k = line - firstLine
        let bytes = max(0, utf8Column - 1)
        var characters = bytes
        if k >= 0, let text = code.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(k).first {
            // Whole characters that end within the first `bytes` bytes; a column past the
            // line's end (the newline) counts on one per byte.
            var used = 0, count = 0
            for c in text {
                let w = c.utf8.count
                if used + w > bytes { break }
                used += w; count += 1
            }
            characters = count + (used == text.utf8.count ? bytes - used : 0)
        }
        return columnOffset(line: line) + characters + 1
    }
}
