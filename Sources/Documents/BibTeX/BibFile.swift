import CSL

/// A BibTeX / BibLaTeX file as entries of raw (still LaTeX) field values: `@string` macros
/// expanded, `#` concatenations joined, `@comment` and `@preamble` read and set aside.
public struct BibFile: Sendable {
    public struct Entry: Sendable {
        /// Lower-cased entry type: "article", "inproceedings", …
        public var type: String
        public var key: String
        /// Lower-cased field names → raw values (braces kept: they protect case).
        public var fields: [String: String]
        public var line: Int
        public var column: Int
    }

    public var entries: [Entry] = []
    public var preambles: [String] = []
    public var diagnostics: [BibDiagnostic] = []

    static let months = [
        "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6", "jul": "7", "aug": "8", "sep": "9",
        "oct": "10", "nov": "11", "dec": "12",
    ]

    /// Parses `text`; a malformed entry is an error at its position and parsing goes on at the
    /// next `@`. `file` names the source in diagnostics.
    public init(parsing text: String, file: String) {
        var scanner = BibScanner(text: text)
        var macros = Self.months
        var keys: [String: Int] = [:]
        while scanner.skip(to: "@") {
            let (line, col) = scanner.position
            scanner.advance()
            let type = scanner.identifier().lowercased()
            do {
                if type.isEmpty { throw BibScanner.Failure(message: "expected an entry type after '@'", at: scanner.position) }
                if type == "comment" {
                    scanner.skipSpace()
                    if scanner.peek == "{" || scanner.peek == "(" { try scanner.skipBalanced() } else { scanner.skipLine() }
                    continue
                }
                scanner.skipSpace()
                guard let open = scanner.peek, open == "{" || open == "(" else {
                    throw BibScanner.Failure(message: "expected '{' after @\(type)", at: scanner.position)
                }
                let close: Character = open == "{" ? "}" : ")"
                scanner.advance()
                switch type {
                case "string":
                    scanner.skipSpace()
                    let name = scanner.identifier().lowercased()
                    if name.isEmpty { throw BibScanner.Failure(message: "expected a macro name in @string", at: scanner.position) }
                    try scanner.expect("=")
                    macros[name] = try value(&scanner, macros: macros, file: file)
                    try scanner.expect(close)
                case "preamble":
                    preambles.append(try value(&scanner, macros: macros, file: file))
                    try scanner.expect(close)
                default:
                    scanner.skipSpace()
                    let (kl, kc) = scanner.position
                    let key = scanner.key()
                    if key.isEmpty { throw BibScanner.Failure(message: "@\(type) has no citation key", at: scanner.position) }
                    var fields: [String: String] = [:]
                    while true {
                        scanner.skipSpace()
                        if scanner.peek == close { scanner.advance(); break }
                        if scanner.peek == "@" || scanner.peek == nil {
                            throw BibScanner.Failure(message: "@\(type){\(key) is not closed: '\(close)' is missing", at: (line, col))
                        }
                        try scanner.expect(",")
                        scanner.skipSpace()
                        if scanner.peek == close { scanner.advance(); break }
                        let (fl, fc) = scanner.position
                        let name = scanner.identifier().lowercased()
                        if name.isEmpty {
                            throw BibScanner.Failure(message: "expected a field name in @\(type){\(key)", at: scanner.position)
                        }
                        try scanner.expect("=")
                        let v = try value(&scanner, macros: macros, file: file)
                        if fields[name] != nil {
                            diagnostics.append(
                                BibDiagnostic(
                                    file: file, line: fl, column: fc, severity: .warning, message: "field \(name) repeated in \(key); the first value is kept"))
                        } else {
                            fields[name] = v
                        }
                    }
                    if let first = keys[key.lowercased()] {
                        diagnostics.append(
                            BibDiagnostic(
                                file: file, line: kl, column: kc, severity: .warning,
                                message: "duplicate key \(key) (first defined at line \(first)); this entry is ignored"))
                        continue
                    }
                    keys[key.lowercased()] = line
                    entries.append(Entry(type: type, key: key, fields: fields, line: line, column: col))
                }
            } catch let f as BibScanner.Failure {
                diagnostics.append(BibDiagnostic(file: file, line: f.at.0, column: f.at.1, severity: .error, message: f.message))
                scanner.recover()
            } catch {}
        }
    }

    /// A field value: pieces joined by `#`, each braced, quoted, a number or a macro.
    private mutating func value(_ s: inout BibScanner, macros: [String: String], file: String) throws -> String {
        var out = ""
        while true {
            s.skipSpace()
            guard let c = s.peek else { throw BibScanner.Failure(message: "the file ends inside a field value", at: s.position) }
            if c == "{" {
                out += try s.braced()
            } else if c == "\"" {
                out += try s.quoted()
            } else if c.isDigitFast {
                out += s.identifier()
            } else {
                let (l, col) = s.position
                let name = s.identifier()
                if name.isEmpty { throw BibScanner.Failure(message: "expected a field value, found '\(c)'", at: s.position) }
                if let m = macros[name.lowercased()] {
                    out += m
                } else {
                    diagnostics.append(BibDiagnostic(file: file, line: l, column: col, severity: .warning, message: "undefined @string macro \(name)"))
                }
            }
            s.skipSpace()
            if s.peek == "#" { s.advance() } else { return out }
        }
    }
}
