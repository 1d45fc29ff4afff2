/// How `Inline.styled` sets its text: the marks a citation style asks for that Markdown's
/// emphasis and strong do not cover (Pandoc's `SmallCaps`, `Superscript`, `Subscript`).
public enum InlineStyle: String, Equatable, Sendable {
    /// Lowercase letters as small capitals ("Doe" in some author-date styles).
    case smallCaps
    /// Raised and smaller (Nature's citation numbers, "2nd").
    case superscript
    /// Lowered and smaller.
    case `subscript`
}
