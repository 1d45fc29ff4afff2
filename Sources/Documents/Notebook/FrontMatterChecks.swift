import Foundation
import Yams

/// Checks of the front matter beyond its keys' values: its size and depth before YAML reads
/// it, where a repeated key is, and that declared inputs are regular files.
extension FrontMatter {
    /// Front matter is a few lines of settings; a megabyte is not a mistake we should parse.
    static let maxBytes = 1 << 20
    /// Yams builds nodes recursively: `[[[[…` thousands deep overflows its stack.
    static let maxDepth = 64

    /// Refuses front matter too large, or nested too deep, for YAML's recursive reading. The
    /// depth is an upper bound read from the text: open flow brackets, indentation levels, and
    /// `- ` / `? ` markers that open a nested collection on the same line.
    static func checkShape(_ lines: ArraySlice<Substring>, firstLine: Int, file: String) throws {
        var bytes = 0
        var indents: [Int] = []
        var flow = 0
        for (k, text) in zip(0..., lines) {
            let line = firstLine + k
            bytes += text.utf8.count + 1
            if bytes > maxBytes {
                throw Diagnostic(file: file, line: line, message: "front matter is larger than \(maxBytes >> 20) MiB")
            }
            let indent = text.prefix(while: { $0 == " " }).count
            let body = text.dropFirst(indent)
            if body.isEmpty || body.first == "#" { continue }
            if flow == 0 {
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
            }
            let (markers, deepest) = lineDepth(body, flow: &flow)
            if indents.count + markers + deepest > maxDepth {
                throw Diagnostic(
                    file: file, line: line, column: indent + 1,
                    message: "front matter is nested more than \(maxDepth) levels deep",
                    sourceLine: String(text))
            }
        }
    }

    /// The collections a line of YAML opens: `- ` / `? ` markers at its start, and the deepest
    /// flow bracket (`flow` carries the brackets still open across lines). Quotes and comments
    /// are skipped.
    static func lineDepth(_ text: Substring, flow: inout Int) -> (markers: Int, deepest: Int) {
        var body = text
        var markers = 0
        while body.hasPrefix("- ") || body.hasPrefix("? ") || body == "-" {
            markers += 1
            body = body.dropFirst(2).drop(while: { $0 == " " })
        }
        var quote: Character? = nil
        var deepest = flow
        var previous: Character = " "
        for c in body {
            if let q = quote { if c == q { quote = nil }; previous = c; continue }
            if c == "#" && previous == " " { break }
            switch c {
            case "\"", "'": if flow > 0 || previous == " " { quote = c }
            case "[", "{": flow += 1; deepest = max(deepest, flow)
            case "]", "}": flow = max(0, flow - 1)
            default: break
            }
            previous = c
        }
        return (markers, deepest)
    }

    /// The second occurrence of a repeated key: Yams names the keys and the first one's place.
    /// In block style it is the next line at the same indentation starting with the key; in
    /// flow style (`{a: 1, a: 2}`) later on the same line. Falls back to the first.
    static func duplicatePosition(
        of keys: [String], after mark: Yams.Mark, lines: ArraySlice<Substring>,
        firstLine: Int
    ) -> (String, Position) {
        let all = Array(lines)
        let fallback = (keys.sorted().first ?? "?", Position(line: firstLine + mark.line - 1, column: mark.column))
        func startsWithKey(_ s: Substring) -> String? {
            keys.first { key in
                [key, "\"\(key)\"", "'\(key)'"].contains { form in
                    s.hasPrefix(form) && s.dropFirst(form.count).drop(while: { $0 == " " }).first == ":"
                }
            }
        }
        guard mark.line >= 1, mark.line <= all.count else { return fallback }
        let first = all[mark.line - 1]
        // Same line, after the first key (flow style).
        var rest = first.dropFirst(mark.column)
        while !rest.isEmpty {
            if rest.first == "," || rest.first == "{" {
                let after = rest.dropFirst().drop(while: { $0 == " " })
                if let key = startsWithKey(after) {
                    return (key, Position(line: firstLine + mark.line - 1, column: first.distance(from: first.startIndex, to: after.startIndex) + 1))
                }
            }
            rest = rest.dropFirst()
        }
        for i in mark.line..<all.count {
            let text = all[i]
            let indent = text.prefix(while: { $0 == " " }).count
            let body = text.dropFirst(indent)
            if body.isEmpty || body.first == "#" { continue }
            if indent + 1 < mark.column, !body.hasPrefix("- ") { break }  // the mapping has ended
            if indent + 1 == mark.column, let key = startsWithKey(body) {
                return (key, Position(line: firstLine + i, column: indent + 1))
            }
            if indent + 1 < mark.column { break }
        }
        return fallback
    }

    static func sourceLine(_ line: Int, lines: ArraySlice<Substring>, firstLine: Int) -> String? {
        let k = lines.startIndex + line - firstLine
        return lines.indices.contains(k) ? String(lines[k]) : nil
    }

    static func position(_ mark: Yams.Mark?, firstLine: Int, lines: ArraySlice<Substring>) -> Position {
        guard let mark else { return Position(line: firstLine, column: 1) }
        return Position(line: firstLine + mark.line - 1, column: mark.column)
    }

    /// Throws at an `inputs:` entry that is not a readable regular file. A FIFO or a device
    /// (`/dev/zero`) is refused before it is opened for reading: hashing it would hang or never end.
    public func validateInputs(relativeTo folder: URL, file: String) throws {
        for (k, input) in inputs.enumerated() {
            let url = input.hasPrefix("/") ? URL(fileURLWithPath: input) : folder.appendingPathComponent(input)
            guard let problem = RegularFile.problem(url.path) else { continue }
            let at = k < inputPositions.count ? inputPositions[k] : Position(line: 1, column: 1)
            throw Diagnostic(
                file: file, line: at.line, column: at.column,
                message: "declared input '\(input)' \(problem.phrase) (looked for \(url.path))")
        }
    }
}

/// Words a parameter cannot be named: each becomes `let name: Type` in the program's
/// `params` struct and `params.name` in cells. Swift's reserved words, and the member names
/// every type already has.
enum SwiftKeywords {
    static let reserved: Set<String> = [
        // Declarations
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        // Statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard",
        "if", "in", "repeat", "return", "switch", "throw", "where", "while",
        // Expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        // Patterns and members every type has
        "_", "Type", "Protocol",
    ]
}
