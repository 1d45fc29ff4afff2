import Foundation

/// A paragraph that is only an image, optionally labelled `![alt](x.png){#fig-x}`: a figure.
public enum StandaloneImage {
    public static func match(_ content: [Inline]) -> (url: String, alt: [Inline], label: String?)? {
        guard case .image(let url, let alt)? = content.first else { return nil }
        if content.count == 1 { return (url, alt, nil) }
        guard content.count == 2, case .text(let t) = content[1] else { return nil }
        let trimmed = t.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{#"), trimmed.hasSuffix("}"), !trimmed.contains(" ") else { return nil }
        return (url, alt, String(trimmed.dropFirst(2).dropLast()))
    }
}
