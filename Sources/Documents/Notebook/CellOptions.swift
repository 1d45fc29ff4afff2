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
    /// Where the cell's figures and captioned table may go on the PDF page (`fig-pos`).
    public var figurePosition: FigurePosition = .default
    /// `//| on: slurm`: a heavy cell. The notebook's whole program runs as a Slurm task whenever
    /// it runs (it always passes through this cell: cells share one scope, so the state before
    /// the cell is rebuilt there rather than shipped); results come back through the cache.
    public var on: ExecutionSite.Place?

    public init() {}

    /// Longest time limit (about 11 days): beyond it, and at `.inf`, clocks' arithmetic overflows.
    public static let maxTimeout: Double = 1_000_000

    public static let knownKeys = [
        "label", "caption", "echo", "eval", "output", "include", "error", "cache",
        "timeout", "fig-width", "fig-height", "layout", "code-fold", "code-summary", "fig-pos",
        "on",
    ]

    /// Options whose value is prose (Markdown and `$…$` math), read by `TextOptionValue`'s rules:
    /// unquoted, the rest of the line as written. Quarto's names are listed ahead of their
    /// options: a new text option only needs its key in `knownKeys`.
    public static let textKeys: Set<String> = ["caption", "code-summary", "fig-cap", "fig-alt", "title"]

    /// Where the caption's value is written (its line, and the column where it starts), and
    /// whether its text is that line's characters one for one: warnings about its math point there.
    public var captionPlace: TextPlace?
    /// How many `//|` lines the options take (the fence is that many lines above the code).
    public var lineCount = 0

    /// A text value's place in the Markdown.
    public struct TextPlace: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var verbatim: Bool
    }

    /// Splits the option lines off the top of `code`. `firstLine` is the Markdown line of the
    /// code's first line; `columnOffsets` the characters before each code line on its Markdown
    /// line (a list's indentation, a quote's `> `), so columns point into the Markdown.
    /// Returns the options and the remaining code with its first line.
    /// `markdownLine` gives a Markdown line's text, shown under the message.
    ///
    /// An option's value may go on over the `//|` lines below it that are indented further than
    /// its key (YAML's block forms, `caption: |`, as Quarto reads them).
    static func parse(
        code: String, firstLine: Int, file: String, columnOffsets: [Int] = [],
        markdownLine: (Int) -> String? = { _ in nil }
    ) throws -> (CellOptions, String, Int) {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var options = CellOptions()
        var consumed = 0
        var seen: [String: Int] = [:]  // key → line, to name the first of a repeated option
        func optionBody(_ k: Int) -> Substring? {
            guard k < lines.count else { return nil }
            let trimmed = lines[k].drop(while: { $0 == " " || $0 == "\t" })
            return trimmed.hasPrefix("//|") ? trimmed.dropFirst(3) : nil
        }
        func indentation(_ body: Substring) -> Int { body.prefix(while: { $0 == " " }).count }
        while let body = optionBody(consumed) {
            let raw = lines[consumed]
            let line = firstLine + consumed
            let offset = consumed < columnOffsets.count ? columnOffsets[consumed] : 0
            let indent = raw.count - body.count - 3 + offset
            let shown = markdownLine(line) ?? raw
            // Lines below that are blank or indented further than this key continue its value.
            // A known key stays an option of its own (a repeat is an error), except inside a block.
            let block =
                body.firstIndex(of: ":").map { TextOptionValue.isBlockHeader(body[body.index(after: $0)...].trimmingCharacters(in: .whitespaces)) } ?? false
            func isKey(_ line: Substring) -> Bool {
                guard let colon = line.firstIndex(of: ":") else { return false }
                return CellOptions.knownKeys.contains(line[..<colon].trimmingCharacters(in: .whitespaces))
            }
            var continuation: [String] = []
            while let next = optionBody(consumed + 1 + continuation.count),
                next.allSatisfy({ $0 == " " || $0 == "\t" }) || (indentation(next) > indentation(body) && (block || !isKey(next)))
            {
                continuation.append(String(next))
            }
            while continuation.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { continuation.removeLast() }
            guard let colon = body.firstIndex(of: ":") else {
                throw Diagnostic(
                    file: file, line: line, column: indent + 1,
                    message: "cell option must be `//| key: value`", sourceLine: shown)
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let valueText = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            let keyColumn = indent + 4 + (body.prefix(while: { $0 == " " }).count)
            let valueColumn =
                offset + raw.distance(from: raw.startIndex, to: raw.range(of: valueText, range: colon..<raw.endIndex)?.lowerBound ?? raw.startIndex) + 1
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
            let yamlText = ([valueText] + continuation).joined(separator: "\n")
            // Yams reads nested collections recursively: `[[[[…` thousands deep would overflow.
            var flow = 0
            let shape = FrontMatter.lineDepth(Substring(yamlText), flow: &flow)
            guard shape.markers + shape.deepest <= FrontMatter.maxDepth else {
                throw fail("cell option '\(key)': value is nested more than \(FrontMatter.maxDepth) levels deep")
            }
            func yaml() throws -> Yams.Node? {
                do { return try Yams.compose(yaml: yamlText) } catch {
                    // The usual cause: a value with its own ": " ("Left: …"), which YAML reads as a mapping.
                    let hint =
                        valueText.contains(": ") || valueText.hasSuffix(":")
                        ? "; a value containing ': ' must be quoted, e.g. \(key): \"\(valueText.replacingOccurrences(of: "\"", with: "\\\""))\""
                        : ""
                    throw fail("cell option '\(key)': value is not valid YAML\(hint)", column: valueColumn)
                }
            }
            let value = CellOptions.textKeys.contains(key) ? nil : try yaml()
            func string() throws -> String {
                guard CellOptions.textKeys.contains(key) else {
                    guard let s = value?.string else { throw fail("cell option '\(key)' needs a text value") }
                    return s
                }
                switch TextOptionValue.read(valueText, continuation: continuation) {
                case .success(let read):
                    if key == "caption" { options.captionPlace = TextPlace(line: line, column: valueColumn, verbatim: read.verbatim) }
                    return read.text
                case .failure(.empty): throw fail("cell option '\(key)' needs a text value")
                case .failure(.invalid):
                    throw fail(
                        "cell option '\(key)': the quoted value is not valid YAML; write `//| \(TextOptionValue.suggestion(key: key, value: valueText))` "
                            + "(a value without quotes is taken as written)",
                        column: valueColumn)
                }
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
            case "fig-pos":
                options.figurePosition = try FigurePosition(try string()).orThrow(
                    fail("cell option 'fig-pos' must be H, or some of h, t and p (here, top of a page, a page of floats)", column: valueColumn))
            case "on":
                guard value?.string == "slurm" else { throw fail("cell option 'on' must be slurm (README, \"Running on a cluster\")") }
                options.on = .slurm
            default: break
            }
            consumed += 1 + continuation.count
        }
        options.lineCount = consumed
        lines.removeFirst(consumed)
        return (options, lines.joined(separator: "\n"), firstLine + consumed)
    }
}
