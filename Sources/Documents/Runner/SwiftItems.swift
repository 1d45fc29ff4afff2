/// A cell's code split into its top-level items (statements and declarations), by a small
/// Swift lexer: enough to find where each item begins and ends and which tokens it holds, so
/// the Tangler can lift declarations out of `main.swift` (see `CellLifting`). It follows
/// strings (multi-line, raw `#"…"#`, interpolation `\( … )` however nested), comments (nested
/// `/* */`), brackets and `#if` blocks. When it cannot follow the code (an unclosed string,
/// comment or bracket, a regex literal) it gives up and the cell is tangled as it is.
///
/// Written here rather than taken from swift-syntax: a full parser would add minutes to every
/// cold build on a small machine, and the lifter only needs item boundaries, erring towards
/// "not liftable" whenever the split is in doubt.
struct SwiftItems {
    enum Kind: Equatable { case identifier, keyword, number, string, punctuation, `operator`, directive, attribute }

    struct Token: Equatable {
        var kind: Kind
        var text: String
        /// 0-based lines of the cell's code where the token starts and ends (a multi-line string).
        var line: Int
        var endLine: Int
        /// Bracket depth before the token (an opening bracket has the depth outside it).
        var depth: Int
        var spaceBefore: Bool
        var spaceAfter: Bool
    }

    struct Item: Equatable {
        var tokens: [Token]
        /// 0-based first and last line of the cell's code the item spans.
        var firstLine: Int
        var lastLine: Int
    }

    static let keywords: Set<String> = [
        "let", "var", "func", "struct", "class", "enum", "protocol", "extension", "actor", "typealias",
        "import", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case", "default",
        "do", "catch", "try", "await", "throw", "return", "defer", "break", "continue", "where",
        "fallthrough", "is", "as", "self", "Self", "super", "true", "false", "nil", "init", "deinit", "subscript",
    ]

    /// The tokens of `code`, or nil when the lexer cannot follow it.
    static func tokens(_ code: String) -> [Token]? {
        var lexer = Lexer(bytes: Array(code.utf8))
        guard lexer.code(untilParen: false), lexer.depth == 0, lexer.conditionalDepth == 0 else { return nil }
        return lexer.tokens
    }

    /// The top-level items of `code`, or nil when the lexer cannot follow it. An item ends at a
    /// newline (or `;`) outside brackets and `#if` blocks, unless the line ends with an operator,
    /// `=`, `,`, `:`, `->`, `.` or `in`, or the next line begins with a binary operator, `.`,
    /// `else`, `catch`, `where`, `as`, `is` or `{` (a trailing closure).
    static func split(_ code: String) -> [Item]? {
        guard let tokens = tokens(code) else { return nil }
        var items: [Item] = []
        var current: [Token] = []
        var conditional = 0
        func close() {
            if !current.isEmpty {
                let lines = current.map(\.line), ends = current.map(\.endLine)
                items.append(Item(tokens: current, firstLine: lines.min()!, lastLine: ends.max()!))
            }
            current = []
        }
        for t in tokens {
            if t.kind == .punctuation, t.text == ";", t.depth == 0, conditional == 0 { close(); continue }
            if let previous = current.last, t.line > previous.endLine, t.depth == 0, conditional == 0,
                !continues(previous, t)
            {
                close()
            }
            current.append(t)
            if t.kind == .directive {
                if t.text == "#if" { conditional += 1 } else if t.text == "#endif" { conditional -= 1 }
            }
        }
        close()
        return items
    }

    /// Whether the statement on `previous`'s line goes on at `next` on a later line.
    private static func continues(_ previous: Token, _ first: Token) -> Bool {
        switch previous.kind {
        case .operator:
            // `x!` / `x?` at a line's end are postfix; any other operator wants its right side.
            if previous.text == "!" || previous.text == "?" { return previous.spaceBefore }
            return true
        case .punctuation where [",", ":", "(", "[", "{"].contains(previous.text): return true
        case .keyword where previous.text == "in": return true
        case .attribute: return true
        default: break
        }
        switch first.kind {
        case .operator:
            // A binary operator has space (or a line break) on both sides; `-x` starts a statement.
            return first.text == "." || first.spaceAfter
        // A closing bracket always ends something open; `{` opens a trailing closure; `:` goes on
        // with a ternary.
        case .punctuation: return ["{", ":", ")", "]", "}"].contains(first.text)
        // `as` and `is` go on with a cast or a type check (`let y = x\n    as Int`).
        case .keyword: return ["else", "catch", "where", "as", "is"].contains(first.text)
        default: return false
        }
    }
}

/// The scanner behind `SwiftItems`: code, strings and comments, each consuming bytes from `i`.
private struct Lexer {
    let bytes: [UInt8]
    var i = 0
    var line = 0
    var depth = 0
    var conditionalDepth = 0
    var tokens: [SwiftItems.Token] = []
    var spaceBefore = true

    init(bytes: [UInt8]) { self.bytes = bytes }

    private func at(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        b == 0x5F || b == 0x24 || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b >= 0x80
    }

    private static let operatorBytes = Set("/=-+!*%<>&|^~?.".utf8)

    private mutating func add(_ kind: SwiftItems.Kind, from start: Int, line first: Int? = nil) {
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        let after = i >= bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i])
        tokens.append(
            SwiftItems.Token(
                kind: kind, text: text, line: first ?? line, endLine: line, depth: depth, spaceBefore: spaceBefore,
                spaceAfter: after))
        spaceBefore = false
    }

    /// Code until the end (or, inside an interpolation, until its closing parenthesis).
    /// Returns false when the code cannot be followed.
    mutating func code(untilParen: Bool) -> Bool {
        var parens = 0
        while i < bytes.count {
            let b = bytes[i], start = i
            switch b {
            case 0x0A: line += 1; i += 1; spaceBefore = true
            case 0x20, 0x09, 0x0D: i += 1; spaceBefore = true
            case 0x2F where at(1) == 0x2F:  // line comment
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                spaceBefore = true
            case 0x2F where at(1) == 0x2A:  // block comment, nested
                guard blockComment() else { return false }
                spaceBefore = true
            case 0x22:  // string
                let first = line
                guard string(hashes: 0) else { return false }
                add(.string, from: start, line: first)
            case 0x23:  // `#`: raw string, directive, or `#/regex/#`
                var hashes = 0
                while at(hashes) == 0x23 { hashes += 1 }
                if at(hashes) == 0x22 {
                    let first = line
                    i += hashes
                    guard string(hashes: hashes) else { return false }
                    add(.string, from: start, line: first)
                } else if at(1).map(Self.isIdentifierByte) == true {
                    i += 1
                    while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
                    add(.directive, from: start)
                    let name = tokens[tokens.count - 1].text
                    if name == "#if" { conditionalDepth += 1 } else if name == "#endif" { conditionalDepth -= 1 }
                    if conditionalDepth < 0 { return false }
                } else {
                    return false
                }
            case 0x40:  // attribute
                i += 1
                while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
                add(.attribute, from: start)
            case 0x60:  // `name`
                i += 1
                while i < bytes.count, bytes[i] != 0x60, bytes[i] != 0x0A { i += 1 }
                guard i < bytes.count, bytes[i] == 0x60 else { return false }
                i += 1
                add(.identifier, from: start)
            case 0x28, 0x5B, 0x7B:
                if b == 0x28 { parens += 1 }
                i += 1
                add(.punctuation, from: start)
                depth += 1
            case 0x29, 0x5D, 0x7D:
                if b == 0x29 {
                    if untilParen && parens == 0 { i += 1; return true }
                    parens -= 1
                }
                depth -= 1
                guard depth >= 0 else { return false }
                i += 1
                add(.punctuation, from: start)
            case 0x2C, 0x3A, 0x3B:
                i += 1
                add(.punctuation, from: start)
            case _ where Self.operatorBytes.contains(b):
                while i < bytes.count, Self.operatorBytes.contains(bytes[i]) {
                    // A comment right after an operator is not part of it.
                    if bytes[i] == 0x2F, let n = at(1), n == 0x2F || n == 0x2A { break }
                    i += 1
                }
                add(.operator, from: start)
            case _ where Self.isIdentifierByte(b):
                while i < bytes.count, Self.isIdentifierByte(bytes[i]) { i += 1 }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                let kind: SwiftItems.Kind =
                    (0x30...0x39).contains(b) ? .number : SwiftItems.keywords.contains(text) ? .keyword : .identifier
                add(kind, from: start)
            default:
                i += 1
                add(.punctuation, from: start)
            }
        }
        return !untilParen
    }

    private mutating func blockComment() -> Bool {
        var nesting = 0
        while i < bytes.count {
            if bytes[i] == 0x2F, at(1) == 0x2A { nesting += 1; i += 2; continue }
            if bytes[i] == 0x2A, at(1) == 0x2F {
                nesting -= 1
                i += 2
                if nesting == 0 { return true }
                continue
            }
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        return false
    }

    /// A string literal from its opening quote (after any `#`s), interpolations lexed as code.
    private mutating func string(hashes: Int) -> Bool {
        let multiLine = at(1) == 0x22 && at(2) == 0x22
        i += multiLine ? 3 : 1
        let quotes = multiLine ? 3 : 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                guard multiLine else { return false }
                line += 1
            }
            if b == 0x5C, (0..<hashes).allSatisfy({ at(1 + $0) == 0x23 }) {
                i += 1 + hashes
                if at(0) == 0x28 {
                    i += 1
                    let saved = depth
                    depth += 1
                    guard code(untilParen: true) else { return false }
                    depth = saved
                } else {
                    i += 1  // the escaped character
                }
                continue
            }
            if b == 0x22, (0..<quotes).allSatisfy({ at($0) == 0x22 }), (0..<hashes).allSatisfy({ at(quotes + $0) == 0x23 }) {
                i += quotes + hashes
                return true
            }
            i += 1
        }
        return false
    }
}
