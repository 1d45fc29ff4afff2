/// An error with its place in a notebook: printed as `file.md:line:col: error: message`,
/// the format compilers use, so editors and terminals can jump to it.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The offending source line, shown under the message with a caret when known.
    public var sourceLine: String?

    public init(file: String, line: Int, column: Int = 1, message: String, sourceLine: String? = nil) {
        (self.file, self.line, self.column, self.message, self.sourceLine) = (file, line, column, message, sourceLine)
    }

    public var description: String {
        var s = "\(file):\(line):\(column): error: \(message)"
        if let sourceLine {
            s += "\n" + sourceLine + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return s
    }
}
