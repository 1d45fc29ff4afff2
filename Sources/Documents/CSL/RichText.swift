/// Formatted text as a small tree: what a citation or a bibliography entry is before a writer
/// lays it out. Report draws it in PDF (math through MathType); `PlainTextRenderer` and
/// `HTMLRenderer` write it as text.
public indirect enum RichText: Hashable, Sendable {
    case text(String)
    case italic([RichText])
    case bold([RichText])
    case smallCaps([RichText])
    case underline([RichText])
    case superscript([RichText])
    case `subscript`([RichText])
    /// Text that case changes (`text-case`, sentence case) leave alone: `{BERT}` in BibTeX.
    case noCase([RichText])
    /// TeX math (`$x^2$` in a title), kept as its source for a math typesetter.
    case math(String)
    case link(url: String, [RichText])
    /// Quoted with the locale's quotation marks (outer or inner, by depth).
    case quoted([RichText])
    /// A CSL `display` block: "block", "left-margin", "right-inline" or "indent".
    case display(String, [RichText])
}

extension Array where Element == RichText {
    /// The characters only, no marks: for sorting, comparing and disambiguating.
    public var plainCharacters: String {
        var s = ""
        for node in self { node.appendCharacters(to: &s) }
        return s
    }

    var isBlank: Bool { plainCharacters.allSatisfy(\.isWhitespace) }
}

extension RichText {
    func appendCharacters(to s: inout String) {
        switch self {
        case .text(let t): s += t
        case .math(let tex): s += tex
        case .italic(let c), .bold(let c), .smallCaps(let c), .underline(let c), .superscript(let c),
            .subscript(let c), .noCase(let c), .link(_, let c), .quoted(let c), .display(_, let c):
            for n in c { n.appendCharacters(to: &s) }
        }
    }

    /// The children of a container node; nil for leaves.
    public var children: [RichText]? {
        switch self {
        case .text, .math: return nil
        case .italic(let c), .bold(let c), .smallCaps(let c), .underline(let c), .superscript(let c),
            .subscript(let c), .noCase(let c), .link(_, let c), .quoted(let c), .display(_, let c):
            return c
        }
    }

    /// The same container with other children.
    public func replacingChildren(_ c: [RichText]) -> RichText {
        switch self {
        case .text, .math: return self
        case .italic: return .italic(c)
        case .bold: return .bold(c)
        case .smallCaps: return .smallCaps(c)
        case .underline: return .underline(c)
        case .superscript: return .superscript(c)
        case .subscript: return .subscript(c)
        case .noCase: return .noCase(c)
        case .link(let url, _): return .link(url: url, c)
        case .quoted: return .quoted(c)
        case .display(let d, _): return .display(d, c)
        }
    }
}

/// Editing the first and last characters of rich text, as punctuation rules need.
enum RichTextEdges {
    /// The same nodes with every link replaced by its content.
    static func unlinked(_ nodes: [RichText]) -> [RichText] {
        nodes.flatMap { n -> [RichText] in
            if case .link(_, let c) = n { return unlinked(c) }
            guard let c = n.children else { return [n] }
            return [n.replacingChildren(unlinked(c))]
        }
    }

    static func lastCharacter(_ nodes: [RichText]) -> Character? {
        for n in nodes.reversed() {
            switch n {
            case .text(let t): if let c = t.last { return c }
            case .math(let t): if let c = t.last { return c }
            case .quoted: return "\u{201D}"
            default: if let c = lastCharacter(n.children ?? []) { return c }
            }
        }
        return nil
    }

    static func firstCharacter(_ nodes: [RichText]) -> Character? {
        for n in nodes {
            switch n {
            case .text(let t): if let c = t.first { return c }
            case .math(let t): if let c = t.first { return c }
            case .quoted: return "\u{201C}"
            default: if let c = firstCharacter(n.children ?? []) { return c }
            }
        }
        return nil
    }

    /// Removes the first character of the first non-empty text.
    static func dropFirstCharacter(_ nodes: inout [RichText]) -> Bool {
        for i in nodes.indices {
            switch nodes[i] {
            case .text(let t):
                if t.isEmpty { continue }
                nodes[i] = .text(String(t.dropFirst()))
                return true
            case .math, .quoted: return false
            default:
                var c = nodes[i].children ?? []
                if c.isBlank && c.plainCharacters.isEmpty { continue }
                let done = dropFirstCharacter(&c)
                nodes[i] = nodes[i].replacingChildren(c)
                return done
            }
        }
        return false
    }

    /// Removes the last character of the last non-empty text.
    static func dropLastCharacter(_ nodes: inout [RichText]) -> Bool {
        for i in nodes.indices.reversed() {
            switch nodes[i] {
            case .text(let t):
                if t.isEmpty { continue }
                nodes[i] = .text(String(t.dropLast()))
                return true
            case .math, .quoted: return false
            default:
                var c = nodes[i].children ?? []
                if c.plainCharacters.isEmpty { continue }
                let done = dropLastCharacter(&c)
                nodes[i] = nodes[i].replacingChildren(c)
                return done
            }
        }
        return false
    }

    /// Applies `transform` to every text leaf outside `noCase` and math.
    static func mapText(_ nodes: [RichText], _ transform: (String) -> String) -> [RichText] {
        nodes.map { n in
            switch n {
            case .text(let t): return .text(transform(t))
            case .math, .noCase: return n
            default: return n.replacingChildren(mapText(n.children ?? [], transform))
            }
        }
    }
}

extension Character {
    /// `isWhitespace` and `isLetter` look up Unicode properties, slow in loops over every
    /// character of a bibliography; ASCII answers first.
    @inlinable public var isSpaceFast: Bool {
        if let a = asciiValue { return a == 32 || (9...13).contains(a) }
        return isWhitespace
    }

    @inlinable public var isLetterFast: Bool {
        if let a = asciiValue { return (65...90).contains(a) || (97...122).contains(a) }
        return isLetter
    }

    @inlinable public var isDigitFast: Bool {
        if let a = asciiValue { return (48...57).contains(a) }
        return isNumber
    }
}
