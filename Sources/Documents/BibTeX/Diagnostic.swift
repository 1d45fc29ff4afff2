/// A problem in a bibliography file, at `file:line:col`.
public struct BibDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `refs.bib:12:3: error: …`, as compilers print it.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}
