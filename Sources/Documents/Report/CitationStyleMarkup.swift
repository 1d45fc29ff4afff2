import Notebook

/// The tags of `Inline.styled` in Pango markup (PDF) and HTML. Pango's `small-caps` variant
/// uses the font's own small capitals where it has them and synthesises them otherwise.
extension InlineStyle {
    var pangoOpen: String {
        switch self {
        case .smallCaps: "<span variant=\"small-caps\">"
        case .superscript: "<sup>"
        case .subscript: "<sub>"
        }
    }

    var pangoClose: String {
        switch self {
        case .smallCaps: "</span>"
        case .superscript: "</sup>"
        case .subscript: "</sub>"
        }
    }

    var htmlOpen: String {
        switch self {
        case .smallCaps: "<span style=\"font-variant:small-caps\">"
        case .superscript: "<sup>"
        case .subscript: "<sub>"
        }
    }

    var htmlClose: String {
        switch self {
        case .smallCaps: "</span>"
        case .superscript: "</sup>"
        case .subscript: "</sub>"
        }
    }
}
