import Yams
import Foundation

/// Options of a cell, from `//| key: value` lines at its top (values are YAML), as in
/// Quarto's `#|`. An unknown key is an error at its line, never silently ignored.
public struct CellOptions: Equatable, Sendable {
    public enum ErrorPolicy: String, Equatable, Sendable { case stop, allow, expected }

    public var label: String?
    public var caption: String?
    public var echo = true
    public var eval = true
    public var output = true
    public var include = true
    public var error: ErrorPolicy = .stop
    public var cache = false
    public var timeout: Double?
    public var figWidth: String?
    public var figHeight: String?
    public var layout: String?
    /// HTML only: the source inside `<details>` (nil: the front matter's `code-fold`).
    public var codeFold: CodeFold?
    public var codeSummary: String?

    public init() {}

    /// Longest time limit (about 11 days): beyond it, and at `.inf`, clocks' arithmetic overflows.
    public static let maxTimeout: Double = 1_000_000

    public static let knownKeys = [
        "label", "caption", "echo", "eval", "output", "include", "error", "cache",
        "timeout", "fig-width", "fig-height", "layout", "code-fold", "code-summary",
    ]

    /// Splits the option lines off the top of `code`. `firstLine` is the Markdown line of the
    /// code's first line; `columnOffsets` the characters before each code line on its Markdown
    /// line (a list's indentation, a quote's `> `), so columns point into the Markdown.
    /// Returns the options and the remaining code with its first line.
    /// `markdownLine` gives a Markdown line's text, shown under the message.
    static func parse(
        code: String, firstLine: Int, file: String, columnOffsets: [Int] = [],
        markdownLine: (Int) -> String? = { _ in nil }
    ) throws -> (CellOptions, String, Int) {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var options = CellOptions()
        var consumed = 0
        var seen: [String: Int] = [:]  // key → line, to name the first of a repeated option
        while consumed < lines.count {
            let raw = lines[consumed]
            let trimmed = raw.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix("//|") else { break }
            let line = firstLine + consumed
            let offset = consumed < columnOffsets.count ? columnOffsets[consumed] : 0
            let indent = raw.count - trimmed.count + offset
            let shown = markdownLine(line) ?? raw
            let body = trimmed.dropFirst(3)
            guard let colon = body.firstIndex(of: ":") else {
                throw Diagnostic(
                    file: file, line: line, column: indent + 1,
                    message: "cell option must be `//| key: value`", sourceLine: shown)
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let valueText = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            let keyColumn = indent + 4 + (body.prefix(while: { $0 == " " }).count)
            func fail(_ message: String, column: Int? = nil) -> Diagnostic {
                Diagnostic(file: file, line: line, column: column ?? keyColumn, message: message, sourceLine: shown)
            }
            guard CellOptions.knownKeys.contains(key) else {
                throw fail("unknown cell option '\(key)' (known: \(CellOptions.knownKeys.joined(separator: ", ")))")
            }
            // A repeat would silently win over the first; say which one the author meant to keep.
            if let earlier = seen[key] {
                throw fail("cell option '\(key)' is already set at line \(earlier); give each option once")
            }
            seen[key] = line
            // Yams reads nested collections recursively: `[[[[…` thousands deep would overflow.
            var flow = 0
            let shape = FrontMatter.lineDepth(Substring(valueText), flow: &flow)
            guard shape.markers + shape.deepest <= FrontMatter.maxDepth else {
                throw fail("cell option '\(key)': value is nested more than \(FrontMatter.maxDepth) levels deep")
            }
            let value: Yams.Node?
            do { value = try Yams.compose(yaml: valueText) } catch {
                // The usual cause: a caption with its own ": " ("Left: …"), which YAML reads as a mapping.
                let hint =
                    valueText.contains(": ") || valueText.hasSuffix(":")
                    ? "; a value containing ': ' must be quoted, e.g. \(key): \"\(valueText.replacingOccurrences(of: "\"", with: "\\\""))\""
                    : ""
                throw fail(
                    "cell option '\(key)': value is not valid YAML\(hint)",
                    column: offset + raw.distance(from: raw.startIndex, to: raw.range(of: valueText, range: colon..<raw.endIndex)?.lowerBound ?? raw.startIndex)
                        + 1)
            }
            func string() throws -> String {
                guard let s = value?.string else { throw fail("cell option '\(key)' needs a text value") }
                return s
            }
            func bool() throws -> Bool {
                guard let b = value?.bool else { throw fail("cell option '\(key)' needs true or false") }
                return b
            }
            switch key {
            case "label": options.label = try string()
            case "caption": options.caption = try string()
            case "echo": options.echo = try bool()
            case "eval": options.eval = try bool()
            case "output": options.output = try bool()
            case "include": options.include = try bool()
            case "cache": options.cache = try bool()
            case "error":
                if let b = value?.bool {
                    options.error = b ? .allow : .stop
                } else if let p = ErrorPolicy(rawValue: try string()) {
                    options.error = p
                } else {
                    throw fail("cell option 'error' must be allow, expected or false")
                }
            case "timeout":
                guard let t = value?.float, t > 0 else { throw fail("cell option 'timeout' needs seconds > 0") }
                guard t <= CellOptions.maxTimeout else { throw fail("cell option 'timeout' is more than \(Int(CellOptions.maxTimeout)) seconds") }
                options.timeout = t
            case "fig-width": options.figWidth = try string()
            case "fig-height": options.figHeight = try string()
            case "layout": options.layout = try string()
            case "code-fold": options.codeFold = try value.flatMap(CodeFold.init).orThrow(fail("cell option 'code-fold' must be true, false or show"))
            case "code-summary": options.codeSummary = try string()
            default: break
            }
            consumed += 1
        }
        lines.removeFirst(consumed)
        return (options, lines.joined(separator: "\n"), firstLine + consumed)
    }
}
