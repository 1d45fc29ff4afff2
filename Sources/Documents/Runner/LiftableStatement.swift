/// Which top-level statements of a cell behave the same in the body of a function in
/// `cells.swift` as at top level of `main.swift` (see `CellLifting`). A statement declares no
/// name at top level (its `if let`, `for x in` and closures' names are local to its braces),
/// and the function has no locals of its own, so names resolve as before: to the globals of
/// `main.swift` and `cells.swift`. What differs in a function, and is refused:
///
/// - `return` outside every closure would leave the function (in `main.swift` it is an error);
///   `throw` and a bare `try` outside a closure need a throwing function, and an uncaught error
///   is placed today at the cell's `try` (`CellFailure.soleTopLevelTry`); `try`, even inside a
///   closure, is refused unless it is `try?` or `try!`;
/// - `defer` runs at the end of the function rather than of the program; `await`, `async`;
/// - a `guard` at the start of the statement that binds names (`guard let|var|case`): its
///   names reach the rest of `main.swift`; one that binds nothing (`guard ok else {
///   fatalError() }`) is the same in a function;
/// - labels (`outer: for`), `#` directives and expressions (`#if`, `#available`, `#function`),
///   attributes (`@unknown`, `@escaping`);
/// - anything that starts like a declaration: a declaration keyword or a modifier (`private`,
///   `lazy`, `static`, …), `import`, and `case`/`default`/`else`/`catch` out of place.
///
/// Which braces are closures is read from the tokens: a `{` after `else`, `do`, `repeat`,
/// `defer` or `catch`, or after an `if`, `guard`, `while`, `for`, `switch` or `catch` at its
/// bracket depth since the last `{`, `}` or `;` there, is a block; any other `{` is a closure
/// (or the body of a nested declaration, where `return` is as safe). Mistaking a closure for a
/// block only refuses a cell.
enum LiftableStatement {
    private static let leadingKeywords: Set<String> = [
        "if", "guard", "for", "while", "repeat", "switch", "do", "try", "self", "Self", "super", "true", "false", "nil",
    ]

    private static let modifiers: Set<String> = [
        "private", "fileprivate", "internal", "public", "open", "package", "static", "final", "lazy", "weak", "unowned",
        "override", "mutating", "nonmutating", "nonisolated", "dynamic", "convenience", "required", "indirect",
        "infix", "prefix", "postfix", "optional", "isolated", "consuming", "borrowing", "macro", "precedencegroup",
        "operator", "associatedtype", "async", "await", "actor", "distributed",
    ]

    private static let refusedAnywhere: Set<String> = ["await", "async", "defer"]
    private static let blockOpeners: Set<String> = ["else", "do", "repeat", "defer", "catch"]
    private static let controlKeywords: Set<String> = ["if", "guard", "while", "for", "switch", "catch"]

    /// Whether `item` (a top-level item of a cell, not a declaration) can run in a function.
    static func isLiftable(_ item: SwiftItems.Item) -> Bool {
        let t = item.tokens
        guard let first = t.first else { return false }
        switch first.kind {
        case .keyword: guard leadingKeywords.contains(first.text) else { return false }
        case .identifier: guard !modifiers.contains(first.text) else { return false }
        case .directive, .attribute: return false
        default: break
        }
        // A label: `name:` before a statement.
        if first.kind == .identifier, t.count > 1, t[1].text == ":", t[1].depth == 0 { return false }
        if first.text == "guard", bindsNames(t) { return false }
        // For each open brace, whether it is a closure.
        var braces: [Bool] = []
        for (k, token) in t.enumerated() {
            if token.kind == .directive || token.kind == .attribute { return false }
            if token.kind == .keyword || token.kind == .identifier, refusedAnywhere.contains(token.text) { return false }
            if token.kind == .keyword, token.text == "try" {
                guard k + 1 < t.count, t[k + 1].kind == .operator, t[k + 1].text.hasPrefix("!") || t[k + 1].text.hasPrefix("?"),
                    !t[k + 1].spaceBefore
                else { return false }
            }
            if token.kind == .keyword, token.text == "return" || token.text == "throw", !braces.contains(true) { return false }
            if token.kind == .punctuation {
                if token.text == "{" { braces.append(isClosure(t, at: k)) }
                if token.text == "}" { _ = braces.popLast() }
                // Any other bracket keeps the depth count in step; only braces are tracked.
            }
        }
        return true
    }

    /// Whether the `{` at `k` opens a closure rather than a statement's block.
    private static func isClosure(_ t: [SwiftItems.Token], at k: Int) -> Bool {
        let depth = t[k].depth
        if k > 0, t[k - 1].kind == .keyword, blockOpeners.contains(t[k - 1].text) { return false }
        var j = k - 1
        while j >= 0, t[j].depth >= depth {
            let u = t[j]
            if u.depth == depth {
                if u.kind == .punctuation, u.text == "{" || u.text == "}" || u.text == ";" { break }
                if u.kind == .keyword, controlKeywords.contains(u.text) { return false }
            }
            j -= 1
        }
        return true
    }

    /// Whether a `guard` binds names: a `let`, `var` or `case` at depth 0 before its `else`.
    static func bindsNames(_ t: [SwiftItems.Token]) -> Bool {
        for token in t.dropFirst() where token.depth == 0 {
            if token.kind == .keyword, token.text == "else" { return false }
            if token.kind == .keyword, ["let", "var", "case"].contains(token.text) { return true }
        }
        return true
    }
}
