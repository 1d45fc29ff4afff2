import Notebook

/// A notebook not published under `--strict` (or front matter `strict: true`) because it has
/// warnings: each is an error then, and the output folder is left as it was.
public struct StrictFailure: Error, CustomStringConvertible, Sendable {
    /// The parser's warnings and the report's, in line order.
    public var diagnostics: [Diagnostic]

    public var description: String {
        "\(diagnostics.count) warning\(diagnostics.count == 1 ? "" : "s") under --strict"
    }
}
