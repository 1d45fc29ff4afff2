/// Characters of a `.bib` file with their line and column.
struct BibScanner {
    struct Failure: Error {
        var message: String
        var at: (Int, Int)
    }

    let chars: [Character]
    var i = 0
    var line = 1
    var column = 1

    init(text: String) { chars = Array(text) }

    var peek: Character? { i < chars.count ? chars[i] : nil }
    var position: (Int, Int) { (line, column) }

    mutating func advance() {
        guard i < chars.count else { return }
        if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    /// Moves to the next `c`; false at the end.
    mutating func skip(to c: Character) -> Bool {
        while let p = peek, p != c { advance() }
        return peek != nil
    }

    mutating func skipSpace() {
        while let p = peek, p.isSpaceFast { advance() }
        // A `%` comment between fields runs to the end of its line.
        if peek == "%" {
            skipLine()
            skipSpace()
        }
    }

    mutating func skipLine() {
        while let p = peek, p != "\n" { advance() }
    }

    /// After an error: on to the next `@` that starts a line.
    mutating func recover() {
        while let p = peek {
            if p == "@", i == 0 || chars[i - 1] == "\n" { return }
            advance()
        }
    }

    mutating func identifier() -> String {
        var s = ""
        while let p = peek, p.isLetterFast || p.isDigitFast || "_-:.+/'!?*&".contains(p) {
            s.append(p)
            advance()
        }
        return s
    }

    mutating func key() -> String {
        var s = ""
        while let p = peek, !p.isSpaceFast, p != ",", p != "}", p != ")", p != "{", p != "=" {
            s.append(p)
            advance()
        }
        return s
    }

    mutating func expect(_ c: Character) throws {
        skipSpace()
        guard peek == c else {
            let found = peek.map { "'\($0)'" } ?? "the end of the file"
            throw Failure(message: "expected '\(c)', found \(found)", at: position)
        }
        advance()
    }

    /// `{…}` with nested braces; returns the inside.
    mutating func braced() throws -> String {
        let start = position
        advance()
        var depth = 1
        var s = ""
        while let p = peek {
            if p == "{" { depth += 1 }
            if p == "}" {
                depth -= 1
                if depth == 0 { advance(); return s }
            }
            if p == "@", depth == 1, i > 0, chars[i - 1] == "\n" {
                throw Failure(message: "unbalanced braces: this value runs into the next entry", at: start)
            }
            s.append(p)
            advance()
        }
        throw Failure(message: "unbalanced braces: '{' is never closed", at: start)
    }

    /// `"…"`, where a quote inside braces does not end the value.
    mutating func quoted() throws -> String {
        let start = position
        advance()
        var depth = 0
        var s = ""
        while let p = peek {
            if p == "{" { depth += 1 }
            if p == "}" { depth -= 1 }
            if p == "\"", depth == 0 { advance(); return s }
            if p == "@", i > 0, chars[i - 1] == "\n" {
                throw Failure(message: "unterminated quoted value", at: start)
            }
            s.append(p)
            advance()
        }
        throw Failure(message: "unterminated quoted value", at: start)
    }

    mutating func skipBalanced() throws {
        _ = try braced()
    }
}
