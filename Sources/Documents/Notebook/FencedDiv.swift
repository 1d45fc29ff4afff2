/// A Pandoc fenced div, `::: {#id .class key="value"}` … `:::`: a group of blocks with
/// attributes. What a div means (a theorem, a proof, a callout) is the report's business;
/// here it is only its attributes and its blocks, with the line and column of its fence.
public struct FencedDiv: Equatable, Sendable {
    public var id: String?
    public var classes: [String]
    /// `key="value"` pairs in the order written (a key written twice keeps its last value).
    public var attributes: [(key: String, value: String)]
    public var blocks: [Block]
    /// Where the opening fence is, for warnings about the div.
    public var line: Int
    public var column: Int

    public init(
        id: String? = nil, classes: [String] = [], attributes: [(key: String, value: String)] = [], blocks: [Block] = [],
        line: Int, column: Int = 1
    ) {
        (self.id, self.classes, self.attributes, self.blocks, self.line, self.column) = (id, classes, attributes, blocks, line, column)
    }

    public func attribute(_ key: String) -> String? { attributes.last { $0.key == key }?.value }

    public static func == (a: FencedDiv, b: FencedDiv) -> Bool {
        a.id == b.id && a.classes == b.classes && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value) && a.blocks == b.blocks && a.line == b.line
            && a.column == b.column
    }
}
