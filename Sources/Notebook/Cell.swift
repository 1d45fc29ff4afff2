/// A Swift code cell: a fence whose info string is `swift`, with `//|` options at its top.
public struct Cell: Equatable, Sendable {
    /// Position among the document's cells, from 0.
    public var index: Int
    /// The code without the option lines, exactly as written otherwise.
    public var code: String
    /// Markdown line of the first line of `code`.
    public var firstLine: Int
    public var options: CellOptions

    public init(index: Int, code: String, firstLine: Int, options: CellOptions) {
        (self.index, self.code, self.firstLine, self.options) = (index, code, firstLine, options)
    }
}
