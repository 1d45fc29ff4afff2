/// Which cells the Tangler moves out of `main.swift` (docs/cold-render-scaling.md).
///
/// Every top-level statement of `main.swift` opens a scope holding the rest of the file, so
/// swiftc's scope tree is a chain and compile time grows with the square of the statements
/// (2 000 one-line cells: 4.8 s of CPU, 4 000: 18 s). Globals at file scope of a second file,
/// and statements in a function body, are not chained. A cell made of stored-variable
/// declarations with initialisers (`let x = …`, `var y: [Int] = …`) and statements that run
/// the same in a function (`LiftableStatement`: `print(x)`, `for`, `if`, assignments, calls,
/// `show(…)`, a `guard` that binds nothing) is therefore tangled as its declarations at file
/// scope of `cells.swift`, and, in a function there, the cell's boundary and then, in source
/// order, a touch of each declaration (`_ = x`) where it stood and each statement as written,
/// each at its Markdown line (`#sourceLocation`, the line's text unchanged, so columns map as
/// in `main.swift`), 32 cells to a function (`LiftedCells`: -O is superlinear in a function's
/// size). `main.swift` calls one function for each run of such cells, so
/// `let x = f(); print(x); let y = g(x)` runs `f`, `print`, `g` in that order, in its cell.
///
/// Globals outside `main.swift` are initialised lazily (`swift_once`) on first use: the touch
/// runs each initialiser where the cell stood, so its output and its traps belong to its cell.
/// One behaviour changes: code that uses a lifted global before its cell (a function called in
/// an earlier cell, or `print(x)` in a cell above `let x = 1`: Swift 5 compiles both in
/// `main.swift`) now initialises it then, rather than reading it uninitialised (zero).
///
/// Anything else stays in `main.swift` exactly as before: a cell with any other declaration
/// (`func`, types, `import`, a `var x: Int` without initialiser), a statement
/// `LiftableStatement` refuses (`return` or `throw` outside a closure, a bare `try`, `defer`,
/// `await`, labels, `#` directives, attributes, a name-binding `guard`), a `guard`, `try` or
/// `await` in an initialiser, attributes or modifiers, a tuple pattern, several bindings in one
/// item, observers, two items sharing a line, or code the lexer cannot follow; and a cell that
/// names a global declared in `main.swift` by a later cell or without an initialiser (`plan`).
/// A notebook with a name-binding top-level `guard` anywhere lifts nothing, since the names it
/// binds are local to `main.swift`; nor does one with `await` anywhere, which makes the
/// globals of `main.swift` main-actor isolated.
enum CellLifting {
    /// A top-level item of a lifted cell: a stored-variable declaration lifted to file scope of
    /// `cells.swift` (its name), or a statement run in the cell's function (nil).
    struct Part: Equatable {
        var name: String?
        /// 0-based first and last line of the cell's code.
        var firstLine: Int
        var lastLine: Int
    }

    /// The items of a cell that consists only of liftable declarations and statements (and
    /// comments), in order; nil when the cell must stay in `main.swift`, or has no code.
    static func parts(_ code: String) -> [Part]? {
        guard let items = SwiftItems.split(code), !items.isEmpty else { return nil }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Part] = []
        for item in items {
            // Each item alone on its lines, and its lines alone lexing to its tokens (no comment
            // opening or closing on them that belongs to another line).
            if let previous = result.last, item.firstLine <= previous.lastLine { return nil }
            let name: String?
            if let first = item.tokens.first, first.kind == .keyword, first.text == "let" || first.text == "var" {
                guard let declared = liftableName(item) else { return nil }
                name = declared
            } else {
                guard LiftableStatement.isLiftable(item) else { return nil }
                name = nil
            }
            let text = lines[item.firstLine...item.lastLine].joined(separator: "\n")
            guard let again = SwiftItems.tokens(text), again.map(\.text) == item.tokens.map(\.text) else { return nil }
            result.append(Part(name: name, firstLine: item.firstLine, lastLine: item.lastLine))
        }
        return result
    }

    /// The cells to lift, by position in `codes`, with their parts. A candidate whose tokens
    /// name a global that a later cell declares in `main.swift` stays there too: lifted, it
    /// would initialise itself from (or run before) that global before `main.swift` does; kept
    /// there, it behaves exactly as before (Swift 5 reads the global uninitialised). So does one
    /// naming a global `main.swift` declares without an initialiser (`var x: Int`, assigned by
    /// a later cell): top-level code initialises it on first assignment, a function cannot.
    /// Repeated until nothing changes, since a cell kept in `main.swift` declares its names
    /// there; O(tokens) per round.
    static func plan(_ codes: [String]) -> [Int: [Part]] {
        guard !forbidden(codes) else { return [:] }
        var lifted: [Int: [Part]] = [:]
        for (k, code) in codes.enumerated() { lifted[k] = parts(code) }
        let tokens = codes.map { SwiftItems.tokens($0) ?? [] }
        while true {
            // The last position at which each name is declared in main.swift.
            var declaredInMain: [String: Int] = [:]
            for (k, code) in codes.enumerated() where lifted[k] == nil {
                for (name, initialised) in mainNames(code) { declaredInMain[name] = initialised ? k : Int.max }
            }
            let kept = lifted.keys.filter { k in
                tokens[k].contains { $0.kind == .identifier && (declaredInMain[$0.text] ?? -1) > k }
            }
            if kept.isEmpty { return lifted }
            for k in kept { lifted[k] = nil }
        }
    }

    /// The names a cell kept in `main.swift` may declare at top level: every identifier of an
    /// item's pattern after its leading `let`/`var` (or a `,` at depth 0) up to its `=` (more
    /// than the names, never fewer), with whether the item has an initialiser at all.
    private static func mainNames(_ code: String) -> [(String, Bool)] {
        guard let items = SwiftItems.split(code) else { return [] }
        var names: [(String, Bool)] = []
        for item in items {
            guard let start = item.tokens.firstIndex(where: { $0.kind != .attribute && $0.kind != .identifier }),
                item.tokens[start].text == "let" || item.tokens[start].text == "var"
            else { continue }
            let rest = item.tokens[(start + 1)...]
            let initialised = rest.contains { $0.text == "=" && $0.depth == 0 }
            var inPattern = true
            for t in rest {
                if t.depth == 0 && t.text == "=" { inPattern = false }
                if t.depth == 0 && t.text == "," { inPattern = true }
                if inPattern, t.kind == .identifier { names.append((t.text, initialised)) }
            }
        }
        return names
    }

    /// Whether any cell of the notebook binds names with a top-level `guard`, uses `await`
    /// (or cannot be lexed at all, when nothing is known): then nothing is lifted.
    static func forbidden(_ codes: [String]) -> Bool {
        codes.contains { code in
            guard let items = SwiftItems.split(code) else { return true }
            return items.contains { item in
                (item.tokens.first?.text == "guard" && LiftableStatement.bindsNames(item.tokens))
                    || item.tokens.contains { $0.text == "await" && ($0.kind == .keyword || $0.kind == .identifier) }
            }
        }
    }

    /// The top-level `import` items of `code`, as their source lines, for `cells.swift` to
    /// import the same modules.
    static func imports(_ code: String) -> [String] {
        guard let items = SwiftItems.split(code) else { return [] }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        return items.filter { item in
            item.tokens.contains { $0.kind == .keyword && $0.text == "import" && $0.depth == 0 }
                && item.tokens.first.map { $0.text == "import" || $0.kind == .attribute } == true
        }.map { lines[$0.firstLine...$0.lastLine].joined(separator: "\n") }
    }

    private static let refused: Set<String> = ["await", "guard", "defer", "didSet", "willSet", "async"]

    /// `let|var NAME [: Type] = initialiser`, with nothing that could behave differently at file
    /// scope: the NAME, or nil.
    static func liftableName(_ item: SwiftItems.Item) -> String? {
        let t = item.tokens
        guard t.count >= 4, t[0].kind == .keyword, t[0].text == "let" || t[0].text == "var",
            t[1].kind == .identifier, t[1].text != "_", t[1].text != "`_`"
        else { return nil }
        guard t[2].text == "=" || t[2].text == ":" else { return nil }
        var sawEquals = false
        for (k, token) in t.enumerated() where k >= 2 {
            if token.kind == .directive || token.kind == .attribute { return nil }
            if token.kind == .keyword || token.kind == .identifier, refused.contains(token.text) { return nil }
            // `try!` and `try?` end any error where they stand; a bare `try` would need a `throws` context.
            if token.text == "try" {
                guard k + 1 < t.count, t[k + 1].kind == .operator, t[k + 1].text == "!" || t[k + 1].text == "?",
                    !t[k + 1].spaceBefore
                else { return nil }
            }
            if token.depth == 0 {
                if token.text == "," { return nil }  // several bindings
                if token.text == "=" { sawEquals = true }
            }
        }
        return sawEquals ? t[1].text : nil
    }
}
