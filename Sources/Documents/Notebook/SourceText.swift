/// Positions in the notebook's text as editors show them: lines from 1, columns in
/// characters from 1 (cmark-gfm and compilers count UTF-8 bytes).
enum SourceText {
    /// The character column of a 1-based UTF-8 byte column in `line`.
    static func characterColumn(_ line: Substring?, utf8Column: Int) -> Int {
        guard let line, utf8Column > 1 else { return max(1, utf8Column) }
        var used = 0, count = 0
        for c in line {
            let w = c.utf8.count
            if used + w > utf8Column - 1 { break }
            used += w; count += 1
        }
        return count + 1
    }

    /// The characters before `code` on a Markdown line whose text ends with it (the line's
    /// container prefix: list indentation, `> `, the fence's own indentation).
    static func offset(of code: Substring, in line: Substring?) -> Int {
        guard let line, line.hasSuffix(code) else { return 0 }
        return line.count - code.count
    }

    /// Whether a code block that starts at its fence line `start` and ends at line `end` was
    /// closed: cmark-gfm runs an unclosed fence to the end of its container (or the file),
    /// ending on a content line; a closed one ends on a line of fence characters.
    static func fenceIsClosed(start: Int, end: Int, fence: Character, length: Int, line: (Int) -> Substring?) -> Bool {
        guard end > start, let text = line(end) else { return false }
        // Drop the container prefix (`>` markers and indentation) before the fence.
        let body = text.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        let run = body.prefix(while: { $0 == fence })
        return run.count >= length && body.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" })
    }
}
