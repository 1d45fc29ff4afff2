/// The document model: Markdown blocks and inlines with their source lines, and Swift cells.
public indirect enum Block: Equatable, Sendable {
    case heading(level: Int, content: [Inline], line: Int)
    case paragraph([Inline], line: Int)
    /// A fenced or indented code block that is shown, never run (```text, ```python, …).
    case code(language: String, text: String, line: Int)
    case cell(Cell)
    case displayMath(tex: String, line: Int)
    case list(ordered: Bool, start: Int, items: [[Block]], line: Int)
    case quote([Block], line: Int)
    case table(header: [[Inline]], rows: [[[Inline]]], line: Int)
    case rule(line: Int)
    case html(String, line: Int)
}

public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    case math(String)
    case link(url: String, content: [Inline])
    case softBreak
    case lineBreak
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup (for outlines, titles, alt text).
    public var plainText: String {
        map { inline -> String in
            switch inline {
            case .text(let s), .code(let s): s
            case .math(let s): s
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c): c.plainText
            case .softBreak, .lineBreak: " "
            }
        }.joined()
    }
}
