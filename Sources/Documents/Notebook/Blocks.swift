/// The document model: Markdown blocks and inlines with their source lines, and Swift cells.
///
/// The tree is complete when parsed: image figures are their own blocks and table captions
/// belong to their tables, so the report only resolves numbers and renders.
public indirect enum Block: Equatable, Sendable {
    /// A heading's `{#sec-x .unnumbered}` attributes arrive as a trailing `Inline.attributes`.
    case heading(level: Int, content: [Inline], line: Int)
    case paragraph([Inline], line: Int)
    /// A fenced or indented code block that is shown, never run (```text, ```python, …).
    case code(language: String, text: String, line: Int)
    case cell(Cell)
    case displayMath(tex: String, line: Int)
    /// Display math labelled `$$ … $$ {#eq-x}`: numbered, and the target of `@eq-x`.
    case equation(tex: String, label: String, line: Int)
    case list(ordered: Bool, start: Int, items: [[Block]], line: Int)
    case quote([Block], line: Int)
    /// `caption` is the `: Caption {#tbl-x}` paragraph written after the table, if any.
    case table(header: [[Inline]], rows: [[[Inline]]], caption: TableCaption?, line: Int)
    /// A paragraph that is only an image (`![alt](x.png){#fig-x}`): a figure.
    case imageFigure(ImageFigure, line: Int)
    case rule(line: Int)
    case html(String, line: Int)
    /// A fenced div `::: {#id .class}` … `:::`: theorems, proofs, callouts, or any group.
    case div(FencedDiv)
}

public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    /// Small caps, superscript or subscript text (from a citation style's formatting).
    case styled(InlineStyle, [Inline])
    case code(String)
    case math(String)
    case link(url: String, content: [Inline])
    case image(url: String, alt: [Inline])
    /// `@fig-x`, `@tbl-x`, `@eq-x`, `@sec-x`, resolved to "Figure 2" etc. by the report.
    /// `line` is the Markdown line, for the error when no such label exists.
    case crossReference(label: String, line: Int)
    /// Quarto's `[Thm. @thm-x]` (the reference printed "Thm. 2" instead of "Theorem 2") and
    /// `[-@thm-x]` (the number alone, `prefix` empty).
    case customReference(label: String, prefix: String, line: Int)
    /// `[@a; @b]`, `@a`, `[-@a]`: a citation of the notebook's bibliography.
    case citation(CitationMark)
    /// A footnote's text at the place of its mark; the report numbers them in reading order.
    case footnote([Block])
    /// The box at the start of a task-list item (`- [x] done`).
    case checkbox(checked: Bool)
    /// `{#id .class}` written at the end of a heading; it belongs to the heading, not its text.
    case attributes(id: String?, classes: [String])
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
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .styled(_, let c), .link(_, let c), .image(_, let c): c.plainText
            case .crossReference(let label, _), .customReference(let label, _, _): "@" + label
            case .citation(let c): c.source
            case .footnote, .checkbox, .attributes: ""
            case .softBreak, .lineBreak: " "
            }
        }.joined()
    }

    /// The `{#id .class}` attributes of a heading, if written.
    public var attributes: (id: String?, classes: [String])? {
        for case .attributes(let id, let classes) in self { return (id, classes) }
        return nil
    }
}
