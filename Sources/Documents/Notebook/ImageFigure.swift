import Foundation

/// A paragraph that is only an image, optionally labelled `![alt](x.png){#fig-x}`: a figure.
/// The parser recognises it once, so the report sets it without looking at paragraphs again.
public struct ImageFigure: Equatable, Sendable {
    public var url: String
    public var alt: [Inline]
    /// The `{#fig-x}` written after the image, if any (numbered when it starts with `fig-`).
    public var label: String?
    /// The paragraph as written, for the places that set a figure as a line of text: the first
    /// line of a list item (beside its marker), a footnote in the PDF, a one-line caption.
    public var inlines: [Inline]

    /// The figure a paragraph's inlines make, or nil when they are not a lone image.
    public init?(paragraph content: [Inline]) {
        guard case .image(let url, let alt)? = content.first else { return nil }
        if content.count == 1 { (self.url, self.alt, label, inlines) = (url, alt, nil, content); return }
        guard content.count == 2, case .text(let t) = content[1] else { return nil }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{#"), trimmed.hasSuffix("}"), !trimmed.contains(" ") else { return nil }
        (self.url, self.alt, label, inlines) = (url, alt, String(trimmed.dropFirst(2).dropLast()), content)
    }
}

extension Block {
    /// The block's text where only a line of text can stand (a list item's first line, a PDF
    /// footnote, a caption): a paragraph's inlines, an image figure as written; nil otherwise.
    public var paragraphInlines: [Inline]? {
        switch self {
        case .paragraph(let content, _): content
        case .imageFigure(let figure, _): figure.inlines
        default: nil
        }
    }
}
