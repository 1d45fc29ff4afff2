/// A `: Caption {#tbl-x}` paragraph right after a table (Pandoc's and Quarto's syntax),
/// attached to the table it captions.
public struct TableCaption: Equatable, Sendable {
    public var content: [Inline]
    public var label: String?
    /// The caption's own line (the table's block starts earlier).
    public var line: Int

    public init(content: [Inline], label: String?, line: Int) { (self.content, self.label, self.line) = (content, label, line) }
}
