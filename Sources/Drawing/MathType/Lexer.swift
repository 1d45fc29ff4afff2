/// Splits TeX math source into tokens. Offsets count Unicode scalars from the start of the source.
struct Token: Equatable {
    enum Kind: Equatable {
        /// `\name` (letters) or a control symbol `\,` `\{` `\\`.
        case command(String)
        case char(Unicode.Scalar)
        case open, close, superscript, `subscript`, ampersand, prime
        case end
    }
    var kind: Kind
    var offset: Int
}

struct Lexer {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    /// The next token; spaces and TeX comments are skipped (math mode ignores them).
    mutating func next() -> Token {
        skipSpace()
        guard position < scalars.count else { return Token(kind: .end, offset: scalars.count) }
        let start = position
        let c = scalars[position]
        position += 1
        switch c {
        case "{": return Token(kind: .open, offset: start)
        case "}": return Token(kind: .close, offset: start)
        case "^": return Token(kind: .superscript, offset: start)
        case "_": return Token(kind: .subscript, offset: start)
        case "&": return Token(kind: .ampersand, offset: start)
        case "'", "\u{2032}": return Token(kind: .prime, offset: start)
        case "~": return Token(kind: .command(" "), offset: start)
        case "\\":
            guard position < scalars.count else { return Token(kind: .command(""), offset: start) }
            if isLetter(scalars[position]) {
                var name = ""
                while position < scalars.count, isLetter(scalars[position]) {
                    name.unicodeScalars.append(scalars[position]); position += 1
                }
                return Token(kind: .command(name), offset: start)
            }
            let symbol = scalars[position]
            position += 1
            return Token(kind: .command(String(symbol)), offset: start)
        default:
            return Token(kind: .char(c), offset: start)
        }
    }

    mutating func peek() -> Token {
        let saved = position
        defer { position = saved }
        return next()
    }

    /// Reads a braced argument verbatim (for \text, \begin{name}, \operatorname), keeping spaces.
    /// Returns nil when the next non-space character is not `{` or the group never closes.
    mutating func rawGroup() -> (text: String, offset: Int)? {
        skipSpace()
        guard position < scalars.count, scalars[position] == "{" else { return nil }
        let start = position
        var depth = 0
        var text = ""
        while position < scalars.count {
            let c = scalars[position]
            position += 1
            if c == "\\", position < scalars.count {
                // Keep escapes verbatim so `\}` does not close the group.
                text.unicodeScalars.append(c); text.unicodeScalars.append(scalars[position]); position += 1
                continue
            }
            if c == "{" { depth += 1; if depth == 1 { continue } }
            if c == "}" { depth -= 1; if depth == 0 { return (text, start) } }
            text.unicodeScalars.append(c)
        }
        position = start
        return nil
    }

    /// Reads an optional `[…]` argument verbatim (the length of `\\[2ex]`), skipping spaces
    /// before it as LaTeX's `\@ifnextchar` does. Returns nil, reading nothing, when the next
    /// non-space character is not `[` or the bracket never closes.
    mutating func rawBracket() -> (text: String, offset: Int)? {
        let saved = position
        skipSpace()
        guard position < scalars.count, scalars[position] == "[" else { position = saved; return nil }
        let start = position
        var text = ""
        position += 1
        while position < scalars.count {
            let c = scalars[position]
            position += 1
            if c == "]" { return (text, start) }
            text.unicodeScalars.append(c)
        }
        position = saved
        return nil
    }

    private mutating func skipSpace() {
        while position < scalars.count {
            let c = scalars[position]
            if c == " " || c == "\n" || c == "\t" || c == "\r" { position += 1; continue }
            if c == "%" {
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
                continue
            }
            break
        }
    }

    private func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }
}
