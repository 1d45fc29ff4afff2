/// Finds the fence lines of Pandoc's fenced divs before cmark-gfm parses the text, which
/// knows nothing of them.
///
/// Design: each fence line is replaced by a one-line HTML comment holding a private-use marker
/// (`<!--\u{E003}7-->` opens div 7, `<!--\u{E003}-->` closes one). CommonMark ends an HTML
/// comment block on the line holding `-->` and lets it interrupt a paragraph, so every fence
/// becomes a block of its own, and no other line moves: cmark's lines and columns of every
/// block inside a div stay those of the notebook. `MarkdownParser` then nests the blocks
/// between markers (`nestDivs`). Fences are read at the top level, inside divs, list items and
/// block quotes (as Pandoc reads them), with at most three spaces before them inside their
/// container (as code fences); inside code fences nothing is touched.
struct DivFences {
    static let marker: Character = "\u{E003}"

    struct Opening {
        var id: String?
        var classes: [String]
        var attributes: [(key: String, value: String)]
        var line: Int
        var column: Int
    }

    enum Fence: Equatable { case open(Int), close }

    private(set) var openings: [Opening] = []
    /// Fences whose attributes cannot be read, with their lines and columns.
    private(set) var unreadable: [(line: Int, column: Int, reason: String)] = []

    /// `text` with every div fence replaced by its marker comment; `firstLine` numbers its first line.
    mutating func mark(_ text: String, firstLine: Int = 1) -> String {
        guard text.contains(":::") else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var codeFence: (marker: Character, length: Int)? = nil
        var containers = Containers()
        for (k, raw) in lines.enumerated() {
            // `lead`: the block-quote markers and the indentation before the line's content; a
            // fence may stand at most three spaces inside its container (list item or quote).
            guard let (lead, relative) = containers.enter(raw), relative <= 3 else { continue }
            let trimmed = raw.dropFirst(lead)
            if let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix(while: { $0 == first }).count
                if run >= 3 {
                    if let open = codeFence {
                        if open.marker == first && run >= open.length && trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { codeFence = nil }
                    } else {
                        codeFence = (first, run)
                    }
                }
                continue
            }
            guard codeFence == nil, trimmed.hasPrefix(":::") else { continue }
            let colons = trimmed.prefix(while: { $0 == ":" }).count
            var rest = trimmed.dropFirst(colons).trimmingSpaces()
            // An opening fence may end in colons too (`::: note :::`).
            while rest.last == ":" { rest = rest.dropLast() }
            rest = rest.trimmingSpaces()
            let line = firstLine + k
            if rest.isEmpty {
                lines[k] = raw.prefix(lead) + "<!--\(Self.marker)-->"
                continue
            }
            let column = lead + colons + (trimmed.dropFirst(colons).prefix(while: { $0 == " " }).count) + 1
            var opening = Opening(id: nil, classes: [], attributes: [], line: line, column: lead + 1)
            if rest.first == "{" {
                guard rest.last == "}" else {
                    unreadable.append((line, column, "div attributes start with '{' but do not end with '}'"))
                    continue
                }
                switch DivAttributes.parse(rest.dropFirst().dropLast()) {
                case .success(let a): (opening.id, opening.classes, opening.attributes) = (a.id, a.classes, a.attributes)
                case .failure(let e):
                    unreadable.append((line, column + e.offset + 1, e.reason))
                    continue
                }
            } else if !rest.contains(" ") && !rest.contains("{") {
                opening.classes = [String(rest)]  // Pandoc's `::: warning` shorthand
            } else {
                continue  // prose that starts with colons, as Pandoc reads it
            }
            lines[k] = raw.prefix(lead) + "<!--\(Self.marker)\(openings.count)-->"
            openings.append(opening)
        }
        return lines.joined(separator: "\n")
    }

    /// The fence an HTML block stands for, if it is one of the markers.
    static func fence(_ html: String) -> Fence? {
        let t = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.hasPrefix("<!--\(marker)"), t.hasSuffix("-->") else { return nil }
        let body = t.dropFirst(5).dropLast(3)
        if body.isEmpty { return .close }
        return Int(body).map(Fence.open)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
