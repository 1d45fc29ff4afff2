internal import Foundation
import Graphics

/// Parses TeX math (a KaTeX-compatible subset) into a math list.
///
/// The parser is a small core; each command is looked up in `Commands.registry`, which the
/// construct families (fractions, radicals, accents, …) fill, KaTeX-style. Every step consumes
/// at least one token and nesting is bounded, so no input can make it loop or overflow the stack.
struct Parser {
    var lexer: Lexer
    /// The alphabet letters are mapped to (\mathbf{…} sets it for its argument).
    var alphabet: Alphabet?
    var depth = 0
    /// Open \left…\right and environments: they make \right, \middle, & and \\ legal.
    var leftDepth = 0
    var environmentDepth = 0
    /// The label of \tag{…}, already with its parentheses.
    var tag: String?
    /// Lists and nuclei nested deeper than this are an error: about 30 levels of braces, far
    /// beyond real formulas, and shallow enough for a 512 KB thread stack.
    static let maxDepth = 64

    init(_ source: String) { lexer = Lexer(source) }

    /// The whole formula as a math list, or the first error in it.
    static func parse(_ source: String) -> (list: Result<[MathNode], MathError>, tag: String?) {
        var p = Parser(source)
        do {
            var rows = [[try p.parseList()]]
            var rowSpace: [Double] = []
            var t = p.lexer.next()
            // Rows separated by \\ outside any environment stack up centred, as KaTeX does
            // (amsmath's gather: `\\[len]` skips len more).
            while t.kind == .command("\\") || t.kind == .command("newline") {
                rowSpace.append(try p.rowSpaceArgument())
                rows.append([try p.parseList()])
                t = p.lexer.next()
            }
            if t.kind != .end { throw p.unexpected(t) }
            if rows.count == 1 { return (.success(rows[0][0]), p.tag) }
            var env = ArrayEnv(rows: rows, align: [.center], columnGap: 0, cellStyle: .display, extraRowGap: 0.3)
            (env.rowSpace, env.rowSpaceIsSkip) = (rowSpace, true)
            return (.success([.array(env)]), p.tag)
        } catch let e as MathError {
            return (.failure(e), nil)
        } catch {
            return (.failure(MathError(offset: 0, message: "\(error)")), nil)
        }
    }

    func fail(_ offset: Int, _ message: String) -> MathError { MathError(offset: offset, message: message) }

    /// The error for a token that cannot appear where it stands.
    func unexpected(_ t: Token) -> MathError {
        switch t.kind {
        case .close: return fail(t.offset, "unbalanced braces: '}' without a matching '{'")
        case .ampersand: return fail(t.offset, "'&' outside an environment (use \\begin{aligned} or a matrix)")
        case .command("right"): return fail(t.offset, "\\right without a matching \\left")
        case .command("middle"): return fail(t.offset, "\\middle outside \\left…\\right")
        case .command("\\"): return fail(t.offset, "'\\\\' (new row) outside an environment")
        case .command("end"): return fail(t.offset, "\\end without a matching \\begin")
        case .end: return fail(t.offset, "unexpected end of formula")
        default: return fail(t.offset, "unexpected \(Parser.describe(t))")
        }
    }

    static func describe(_ t: Token) -> String {
        switch t.kind {
        case .command(let n): "\\\(n)"
        case .char(let c): "'\(c)'"
        case .open: "'{'"
        case .close: "'}'"
        case .superscript: "'^'"
        case .subscript: "'_'"
        case .ampersand: "'&'"
        case .prime: "prime"
        case .end: "end of formula"
        }
    }

    /// Whether `t` ends the current list (the caller decides whether that ending is legal).
    func endsList(_ t: Token, closingBracket: Bool) -> Bool {
        switch t.kind {
        case .end, .close, .ampersand: return true
        case .command(let n): return n == "right" || n == "middle" || n == "\\" || n == "end" || n == "cr" || n == "newline"
        case .char("]"): return closingBracket
        default: return false
        }
    }

    /// Atoms up to the next token that ends a list (not consumed).
    mutating func parseList(closingBracket: Bool = false) throws -> [MathNode] {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { throw fail(lexer.peek().offset, "formula nested too deeply") }
        var list: [MathNode] = []
        while true {
            let t = lexer.peek()
            if endsList(t, closingBracket: closingBracket) { return list }
            if case .command(let n) = t.kind, let level = Parser.styleCommands[n] {
                // \displaystyle and friends apply to the rest of the list.
                _ = lexer.next()
                list.append(.styled(level, try parseList(closingBracket: closingBracket)))
                return list
            }
            if case .command(let n) = t.kind, n == "over" || n == "choose" || n == "atop" {
                // Plain TeX's infix fractions: everything before over everything after.
                _ = lexer.next()
                let den = try parseList(closingBracket: closingBracket)
                let choose = n == "choose"
                return [
                    .fraction(
                        num: list, den: den, bar: n == "over", style: nil,
                        left: choose ? "(" : nil, right: choose ? ")" : nil)
                ]
            }
            if case .command(let n) = t.kind, n == "color" {
                _ = lexer.next()
                let color = try colorArgument(t)
                list.append(.colored(color, try parseList(closingBracket: closingBracket)))
                return list
            }
            list.append(try parseAtom())
        }
    }

    static let styleCommands: [String: MathStyle.Level] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script, "scriptscriptstyle": .scriptScript,
    ]

    /// A nucleus with any sub/superscripts and primes that follow it.
    mutating func parseAtom() throws -> MathNode {
        let t = lexer.peek()
        var base: MathNode?
        switch t.kind {
        case .superscript, .subscript, .prime: base = nil
        default: base = try parseNucleus(lexer.next())
        }
        var sub: [MathNode]?, sup: [MathNode]?
        while true {
            let s = lexer.peek()
            switch s.kind {
            case .superscript:
                _ = lexer.next()
                if sup != nil && !(sup!.allSatisfy(isPrime)) { throw fail(s.offset, "double superscript") }
                sup = (sup ?? []) + (try parseArgument(after: s))
            case .subscript:
                _ = lexer.next()
                if sub != nil { throw fail(s.offset, "double subscript") }
                sub = try parseArgument(after: s)
            case .prime:
                _ = lexer.next()
                if let sup, !sup.allSatisfy(isPrime) { throw fail(s.offset, "a prime after a superscript needs braces") }
                sup = (sup ?? []) + [.symbol("\u{2032}", .ord, nil)]
            case .command(let n) where n == "limits" || n == "nolimits":
                _ = lexer.next()
                guard case .largeOp(let op, _)? = base, sub == nil, sup == nil else {
                    throw fail(s.offset, "\\\(n) must follow an operator")
                }
                base = .largeOp(op, limits: n == "limits")
            default:
                if sub == nil && sup == nil { return base ?? .group([]) }
                return .scripts(base: base, sub: sub, sup: sup)
            }
        }
    }

    private func isPrime(_ n: MathNode) -> Bool {
        if case .symbol("\u{2032}", _, _) = n { return true }
        return false
    }

    /// The atom a token starts.
    mutating func parseNucleus(_ t: Token) throws -> MathNode {
        // Commands nest through their arguments (\sqrt\sqrt\sqrt…) without a list in between.
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth { throw fail(t.offset, "formula nested too deeply") }
        switch t.kind {
        case .open:
            let list = try parseList()
            try expectClose(openedAt: t.offset)
            return .group(list)
        case .char(let c):
            return Symbols.character(c, alphabet: alphabet)
        case .command(let name):
            if let handler = Commands.registry[name] { return try handler(&self, t) }
            if let (c, cls) = Symbols.named[name] { return .symbol(c, cls, Symbols.alphabetFor(c, alphabet)) }
            throw fail(t.offset, "unknown command \\\(name)")
        default:
            throw unexpected(t)
        }
    }

    mutating func expectClose(openedAt offset: Int) throws {
        let c = lexer.next()
        if c.kind == .close { return }
        if c.kind == .end { throw fail(offset, "unbalanced braces: '{' is never closed") }
        throw unexpected(c)
    }

    /// A command's argument: a braced group or a single token (`\frac12`, `x^\alpha`).
    mutating func parseArgument(after t: Token) throws -> [MathNode] {
        let a = lexer.next()
        switch a.kind {
        case .open:
            let list = try parseList()
            try expectClose(openedAt: a.offset)
            return list
        case .char, .command:
            // \right, \\, \end… end a list: they cannot be an argument.
            if case .command = a.kind, endsList(a, closingBracket: false) {
                throw fail(a.offset, "missing argument for \(Parser.describe(t))")
            }
            return [try parseNucleus(a)]
        default:
            throw fail(a.offset, "missing argument for \(Parser.describe(t))")
        }
    }

    /// An optional `[…]` argument (the index of \sqrt).
    mutating func parseOptional() throws -> [MathNode]? {
        let t = lexer.peek()
        guard t.kind == .char("[") else { return nil }
        _ = lexer.next()
        let list = try parseList(closingBracket: true)
        let c = lexer.next()
        guard c.kind == .char("]") else {
            if c.kind == .end { throw fail(t.offset, "'[' is never closed") }
            throw unexpected(c)
        }
        return list
    }

    /// A verbatim braced argument (names of environments, \text, \operatorname).
    mutating func rawArgument(after t: Token) throws -> String {
        guard let (text, _) = lexer.rawGroup() else {
            throw fail(t.offset, "\(Parser.describe(t)) needs a braced argument")
        }
        return text
    }

    mutating func colorArgument(_ t: Token) throws -> Color {
        let name = try rawArgument(after: t).trimmingCharacters(in: .whitespaces)
        guard let c = Symbols.color(name) else { throw fail(t.offset, "unknown colour '\(name)'") }
        return c
    }
}
