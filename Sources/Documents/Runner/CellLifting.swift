/// Which cells the Tangler moves out of `main.swift` (docs/cold-render-scaling.md).
///
/// Every top-level statement of `main.swift` opens a scope holding the rest of the file, so
/// swiftc's scope tree is a chain and compile time grows with the square of the statements
/// (2 000 one-line cells: 4.8 s of CPU, 4 000: 18 s). Globals at file scope of a second file,
/// and statements in a function body, are not chained. A cell made only of stored-variable
/// declarations with initialisers (`let x = …`, `var y: [Int] = …`) is therefore tangled as
/// those declarations at file scope of `cells.swift`, plus one touch of each (`_ = x`) in a
/// function that runs the cell's boundary and touches in order; `main.swift` calls that
/// function once for each run of such cells.
///
/// Globals outside `main.swift` are initialised lazily (`swift_once`) on first use: the touch
/// runs each initialiser where the cell stood, so its output and its traps belong to its cell.
/// One behaviour changes: code that uses a lifted global before its cell (a function called in
/// an earlier cell, or `print(x)` in a cell above `let x = 1`: Swift 5 compiles both in
/// `main.swift`) now initialises it then, rather than reading it uninitialised (zero).
///
/// Anything else stays in `main.swift` exactly as before: a cell with any other statement or
/// declaration, a `guard`, `try` or `await` in an initialiser, attributes or modifiers, a
/// tuple pattern, several bindings in one item, observers, `#` directives, or code the lexer
/// cannot follow. A notebook with a top-level `guard` anywhere lifts nothing, since the names a
/// top-level `guard` binds are local to `main.swift`.
enum CellLifting {
    /// A stored-variable declaration lifted to `cells.swift`.
    struct Declaration: Equatable {
        var name: String
        /// 0-based first and last line of the cell's code.
        var firstLine: Int
        var lastLine: Int
    }

    /// The declarations of a cell that consists only of liftable declarations (and comments),
    /// in order; nil when the cell must stay in `main.swift`, or has no code.
    static func declarations(_ code: String) -> [Declaration]? {
        guard let items = SwiftItems.split(code), !items.isEmpty else { return nil }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Declaration] = []
        for item in items {
            // Each item alone on its lines, and its lines alone lexing to its tokens (no comment
            // opening or closing on them that belongs to another line).
            if let previous = result.last, item.firstLine <= previous.lastLine { return nil }
            guard let name = liftableName(item) else { return nil }
            let text = lines[item.firstLine...item.lastLine].joined(separator: "\n")
            guard let again = SwiftItems.tokens(text), again.map(\.text) == item.tokens.map(\.text) else { return nil }
            result.append(Declaration(name: name, firstLine: item.firstLine, lastLine: item.lastLine))
        }
        return result
    }

    /// The cells to lift, by position in `codes`, with their declarations. A candidate whose
    /// tokens name a global that a later cell declares in `main.swift` stays there too: lifted,
    /// it would initialise itself from that global before `main.swift` does; kept there, it
    /// behaves exactly as before (Swift 5 reads the global uninitialised). Repeated until
    /// nothing changes, since a cell kept in `main.swift` declares its names there; O(tokens)
    /// per round.
    static func plan(_ codes: [String]) -> [Int: [Declaration]] {
        guard !forbidden(codes) else { return [:] }
        var lifted: [Int: [Declaration]] = [:]
        for (k, code) in codes.enumerated() { lifted[k] = declarations(code) }
        let tokens = codes.map { SwiftItems.tokens($0) ?? [] }
        while true {
            // The last position at which each name is declared in main.swift.
            var declaredInMain: [String: Int] = [:]
            for (k, code) in codes.enumerated() where lifted[k] == nil {
                for name in mainNames(code) { declaredInMain[name] = k }
            }
            let kept = lifted.keys.filter { k in
                tokens[k].contains { $0.kind == .identifier && (declaredInMain[$0.text] ?? -1) > k }
            }
            if kept.isEmpty { return lifted }
            for k in kept { lifted[k] = nil }
        }
    }

    /// The names a cell kept in `main.swift` may declare at top level: every identifier between
    /// an item's leading `let`/`var` and its first `=` (more than the names, never fewer).
    private static func mainNames(_ code: String) -> [String] {
        guard let items = SwiftItems.split(code) else { return [] }
        var names: [String] = []
        for item in items {
            guard let start = item.tokens.firstIndex(where: { $0.kind != .attribute && $0.kind != .identifier }),
                item.tokens[start].text == "let" || item.tokens[start].text == "var"
            else { continue }
            for t in item.tokens[(start + 1)...] {
                if t.text == "=" && t.depth == 0 { break }
                if t.kind == .identifier { names.append(t.text) }
            }
        }
        return names
    }

    /// Whether any cell of the notebook binds names with a top-level `guard` (or cannot be
    /// lexed at all, when nothing is known): then nothing is lifted.
    static func forbidden(_ codes: [String]) -> Bool {
        codes.contains { code in
            guard let items = SwiftItems.split(code) else { return true }
            return items.contains { $0.tokens.first?.text == "guard" }
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
