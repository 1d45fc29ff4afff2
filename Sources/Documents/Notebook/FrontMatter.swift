import Foundation
import Yams

/// The YAML block between `---` lines at the top of a notebook.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var subtitle: String?
    public var author: String?
    public var date: String?
    public var abstract: String?
    /// Parameters in the order written; `folio render -P name=value` overrides them.
    public var params: [Param] = []
    /// Front matter `sweep:` (SweepAxes.swift): the grid of parameter values to render.
    public var sweep: [SweepAxis] = []
    public var seed: UInt64 = 0
    public var paper: Paper = .a4
    public var toc = false
    /// Seconds the whole notebook may run.
    public var timeout: Double = 600
    /// Cells compile with `-O` (`execute.optimize`, default true; README, "Cells run optimised").
    /// A trap under `-O` is re-run at `-Onone` to place it, so `false` is only for a notebook of
    /// cheap cells whose renders are mostly compiling.
    public var optimize = true
    /// Whether the front matter says `execute.optimize` at all: an explicit `true` always builds
    /// at `-O`; left out, a re-render of a notebook whose cells run in a blink may build at
    /// `-Onone` (Runner's `OptimizationTier`).
    public var optimizeIsExplicit = false
    /// Where the program runs (`execute.on`, `partition`, `time`, …; ExecutionSite.swift).
    public var site = ExecutionSite()
    /// Printed output a cell may show inline (`execute.output-lines`, `execute.output-bytes`);
    /// the rest goes to a log file beside the report.
    public var outputLines = 10_000
    public var outputBytes = 1 << 20
    /// Files the cells read, relative to the notebook's folder (front matter `inputs`). Their
    /// bytes are part of every cell's cache key, so editing a data file re-runs the notebook.
    public var inputs: [String] = []
    /// Files or folders outside the project folder whose images may still be copied into the
    /// site (front matter `resources`), relative to the notebook's folder. Nothing else from
    /// outside the project is ever published.
    public var resources: [String] = []
    /// Front matter `strict: true`, as `folio render --strict`: every warning stops the render.
    public var strict = false
    /// Where the abstract's value starts, for warnings about its math.
    public var abstractPosition: Position?
    /// Theorem kinds and their numbering (front matter `theorems`).
    public var theorems = TheoremSettings()
    /// Source of cells shown folded in HTML (`code-fold: true` closed, `show` open).
    public var codeFold: CodeFold = .none
    /// Figures, tables and equations after `# Appendix {.appendix}`: document-wide numbers or A.1.
    public var appendixNumbering: AppendixNumbering = .continue
    /// Citations: `bibliography`, `csl`, `nocite`, `link-citations`, `reference-section-title`.
    public var bibliography = BibliographySettings()

    /// Where each of `inputs` is written (same order), for errors about it.
    public var inputPositions: [Position] = []

    /// A line and character column in the notebook.
    public struct Position: Equatable, Sendable {
        public var line: Int
        public var column: Int
    }

    public enum Paper: String, Equatable, Sendable { case a4, letter }

    public struct Param: Equatable, Sendable {
        public var name: String
        public var value: ParamValue
        public var line: Int
    }

    public init() {}

    static let knownKeys: Set<String> = Set([
        "title", "subtitle", "author", "date", "abstract", "params", "seed",
        "paper", "toc", "execute", "format", "lang", "keywords", "inputs",
        "resources", "strict", "theorems", "code-fold", "sweep", "appendix-numbering",
    ]).union(BibliographySettings.keys)

    /// Parses `yaml`, whose first line is line `firstLine` of `file`.
    static func parse(_ yaml: String, firstLine: Int, file: String) throws -> FrontMatter {
        try parse(yaml.split(separator: "\n", omittingEmptySubsequences: false)[...], firstLine: firstLine, file: file)
    }

    /// Parses the YAML `lines`, the first of which is line `firstLine` of `file`.
    static func parse(_ lines: ArraySlice<Substring>, firstLine: Int, file: String) throws -> FrontMatter {
        try checkShape(lines, firstLine: firstLine, file: file)
        let yaml = lines.joined(separator: "\n")
        var fm = FrontMatter()
        let node: Yams.Node?
        do { node = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw diagnostic(error, lines: lines, firstLine: firstLine, file: file)
        }
        guard let node else { return fm }
        guard let map = node.mapping else {
            throw Diagnostic(file: file, line: firstLine, message: "front matter must be a YAML mapping (key: value lines)")
        }
        var sweepNode: Yams.Node?
        for (k, v) in map {
            let line = firstLine + (k.mark.map { $0.line - 1 } ?? 0)
            let column = k.mark?.column ?? 1
            func fail(_ m: String) -> Diagnostic { Diagnostic(file: file, line: line, column: column, message: m) }
            guard let key = k.string else { throw fail("front matter keys must be names, not collections") }
            func text() throws -> String {
                guard let s = v.string else { throw fail("front matter '\(key)' needs a text value") }
                return s
            }
            switch key {
            case "title": fm.title = try text()
            case "subtitle": fm.subtitle = try text()
            case "author":
                if let seq = v.sequence { fm.author = seq.compactMap(\.string).joined(separator: ", ") } else { fm.author = try text() }
            case "date": fm.date = try text()
            case "abstract":
                fm.abstract = try text()
                fm.abstractPosition = position(v.mark, firstLine: firstLine, lines: lines)
            case "strict":
                guard let b = v.bool else { throw fail("front matter 'strict' needs true or false") }
                fm.strict = b
            case "seed":
                guard let s = v.int, s >= 0 else { throw fail("front matter 'seed' needs a non-negative integer") }
                fm.seed = UInt64(s)
            case "paper":
                guard let p = Paper(rawValue: try text().lowercased()) else { throw fail("front matter 'paper' must be a4 or letter") }
                fm.paper = p
            case "toc":
                guard let b = v.bool else { throw fail("front matter 'toc' needs true or false") }
                fm.toc = b
            case "inputs":
                let entries = v.string != nil ? [v] : (v.sequence.map(Array.init) ?? [])
                guard !entries.isEmpty || v.sequence != nil, entries.allSatisfy({ $0.string != nil }) else {
                    throw fail("front matter 'inputs' needs a file path or a list of file paths")
                }
                fm.inputs = entries.compactMap(\.string)
                fm.inputPositions = entries.map { position($0.mark, firstLine: firstLine, lines: lines) }
            case "resources":
                if let one = v.string {
                    fm.resources = [one]
                } else if let seq = v.sequence, seq.allSatisfy({ $0.string != nil }) {
                    fm.resources = seq.compactMap(\.string)
                } else {
                    throw fail("front matter 'resources' needs a path or a list of paths (files or folders)")
                }
            case "execute":
                guard let m = v.mapping else { throw fail("front matter 'execute' needs a mapping (timeout, optimize, output-lines, output-bytes)") }
                for (ek, ev) in m {
                    let eline = firstLine + (ek.mark.map { $0.line - 1 } ?? 0)
                    switch ek.string {
                    case "timeout":
                        guard let t = ev.float, t > 0 else {
                            throw Diagnostic(file: file, line: eline, column: ek.mark?.column ?? 1, message: "execute.timeout needs seconds > 0")
                        }
                        guard t <= CellOptions.maxTimeout else {
                            throw Diagnostic(
                                file: file, line: eline, column: ek.mark?.column ?? 1,
                                message: "execute.timeout is more than \(Int(CellOptions.maxTimeout)) seconds")
                        }
                        fm.timeout = t
                    case "optimize":
                        guard let b = ev.bool else {
                            throw Diagnostic(file: file, line: eline, column: ek.mark?.column ?? 1, message: "execute.optimize needs true or false")
                        }
                        (fm.optimize, fm.optimizeIsExplicit) = (b, true)
                    case "output-lines", "output-bytes":
                        guard let n = ev.int, n > 0 else {
                            throw Diagnostic(file: file, line: eline, column: ek.mark?.column ?? 1, message: "execute.\(ek.string!) needs a whole number > 0")
                        }
                        if ek.string == "output-lines" { fm.outputLines = n } else { fm.outputBytes = n }
                    case let name? where ExecutionSite.keys.contains(name):
                        try fm.site.read(name, ev, line: eline) { Diagnostic(file: file, line: eline, column: ek.mark?.column ?? 1, message: $0) }
                    default:
                        throw Diagnostic(
                            file: file, line: eline, column: ek.mark?.column ?? 1,
                            message:
                                "unknown execute option '\(ek.string ?? "?")' (known: timeout, optimize, output-lines, output-bytes, on, partition, time, cpus, mem, account, extra)"
                        )
                    }
                }
            case "theorems": fm.theorems = try TheoremSettings.parse(v, line: line, column: column, firstLine: firstLine, file: file)
            case _ where BibliographySettings.keys.contains(key):
                try fm.bibliography.read(key, v, fail: fail) { position($0, firstLine: firstLine, lines: lines) }
            case "code-fold": fm.codeFold = try CodeFold(v).orThrow(fail("front matter 'code-fold' must be true, false or show"))
            case "appendix-numbering":
                fm.appendixNumbering = try AppendixNumbering(v).orThrow(fail("front matter 'appendix-numbering' must be continue or section"))
            case "params":
                guard let m = v.mapping else { throw fail("front matter 'params' needs a mapping of name: value") }
                for (pk, pv) in m {
                    let pline = firstLine + (pk.mark.map { $0.line - 1 } ?? 0)
                    guard let name = pk.string, ParamValue.isIdentifier(name) else {
                        throw Diagnostic(
                            file: file, line: pline, column: pk.mark?.column ?? 1,
                            message: "parameter name '\(pk.string ?? "?")' is not a Swift identifier")
                    }
                    // The runner declares each as a stored property of a `params` struct.
                    guard !SwiftKeywords.reserved.contains(name) else {
                        throw Diagnostic(
                            file: file, line: pline, column: pk.mark?.column ?? 1,
                            message: "parameter name '\(name)' is a Swift keyword; choose another name")
                    }
                    guard let value = ParamValue(pv) else {
                        throw Diagnostic(
                            file: file, line: pline, column: pk.mark?.column ?? 1,
                            message: "parameter '\(name)' must be a number, boolean or text")
                    }
                    fm.params.append(Param(name: name, value: value, line: pline))
                }
            case "sweep": sweepNode = v  // after the loop: it names params, which may come later
            default:
                guard knownKeys.contains(key) else {
                    throw fail("unknown front matter key '\(key)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
                }
            }
        }
        if let sweepNode { fm.sweep = try parseSweep(sweepNode, params: fm.params, firstLine: firstLine, file: file) }
        return fm
    }

    private static func diagnostic(_ error: YamlError, lines: ArraySlice<Substring>, firstLine: Int, file: String) -> Diagnostic {
        switch error {
        case .duplicatedKeysInMapping(let keys, let context):
            let (key, at) = duplicatePosition(of: keys, after: context.mark, lines: lines, firstLine: firstLine)
            return Diagnostic(
                file: file, line: at.line, column: at.column,
                message: "front matter key '\(key)' is given twice (first at line \(firstLine + context.mark.line - 1)); give each key once",
                sourceLine: sourceLine(at.line, lines: lines, firstLine: firstLine))
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(
                file: file, line: firstLine + mark.line - 1, column: mark.column,
                message: "front matter is not valid YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: firstLine, message: "front matter is not valid YAML: \(error)")
        }
    }
}

/// A typed parameter value; the runner declares it in the notebook program with its Swift type.
public enum ParamValue: Equatable, Sendable, CustomStringConvertible {
    case int(Int), double(Double), bool(Bool), string(String)

    init?(_ node: Yams.Node) {
        guard case .scalar(let s) = node else { return nil }
        if s.style == .plain {
            if let i = node.int { self = .int(i); return }
            if let d = node.float { self = .double(d); return }
            if let b = node.bool { self = .bool(b); return }
        }
        self = .string(s.string)
    }

    /// Parses a `-P name=value` override with the type of the value it replaces.
    public func overridden(by text: String) -> ParamValue? {
        switch self {
        case .int: Int(text).map(ParamValue.int)
        case .double: Double(text).map(ParamValue.double)
        case .bool: Bool(text.lowercased()).map(ParamValue.bool)
        case .string: .string(text)
        }
    }

    public var swiftType: String {
        switch self {
        case .int: "Int";
        case .double: "Double";
        case .bool: "Bool";
        case .string: "String"
        }
    }

    /// The value as a Swift literal.
    public var swiftLiteral: String {
        switch self {
        case .int(let i): String(i)
        case .double(let d): d.isFinite ? "\(d)" : (d.isNaN ? "Double.nan" : (d > 0 ? "Double.infinity" : "-Double.infinity"))
        case .bool(let b): String(b)
        case .string(let s):
            "\""
                + s.unicodeScalars.map { c -> String in
                    switch c {
                    case "\\": "\\\\";
                    case "\"": "\\\"";
                    case "\n": "\\n";
                    case "\r": "\\r";
                    case "\t": "\\t"
                    default: c.value < 0x20 ? "\\u{\(String(c.value, radix: 16))}" : String(c)
                    }
                }.joined() + "\""
        }
    }

    public var description: String {
        switch self {
        case .int(let i): "\(i)";
        case .double(let d): "\(d)";
        case .bool(let b): "\(b)";
        case .string(let s): s
        }
    }

    /// A letter or `_` first (not a combining mark, which `CharacterSet.letters` includes),
    /// then letters, marks, digits and `_`.
    static func isIdentifier(_ s: String) -> Bool {
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
            default: false
            }
        }
        guard let f = s.unicodeScalars.first, f == "_" || isLetter(f) else { return false }
        return s.unicodeScalars.allSatisfy { c in
            switch c.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation: true
            default: isLetter(c)
            }
        }
    }
}
