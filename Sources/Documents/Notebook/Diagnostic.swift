/// An error or warning with its place in a notebook: printed as `file.md:line:col: error: message`,
/// the format compilers use, so editors and terminals can jump to it.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    /// Errors stop a render; warnings (an unresolved cross reference, a missing image) are
    /// reported while the report is still written, as Quarto and LaTeX do.
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity = .error
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The offending source line, shown under the message with a caret when known.
    public var sourceLine: String?

    public init(
        file: String, line: Int, column: Int = 1, message: String, sourceLine: String? = nil,
        severity: Severity = .error
    ) {
        (self.file, self.line, self.column, self.message, self.sourceLine) = (file, line, column, message, sourceLine)
        self.severity = severity
    }

    public var description: String {
        var s = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let sourceLine {
            s += "\n" + sourceLine + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return s
    }
}
