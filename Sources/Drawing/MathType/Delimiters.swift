/// \left…\middle…\right, \big-family delimiters, and delimiters grown around content.
extension Commands {
    static let delimiterCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        t["left"] = { p, tok in
            let left = try p.parseDelimiter(after: tok)
            p.leftDepth += 1
            defer { p.leftDepth -= 1 }
            var pieces: [[MathNode]] = [try p.parseList()]
            var middles: [Unicode.Scalar?] = []
            while true {
                let end = p.lexer.next()
                switch end.kind {
                case .command("middle"):
                    middles.append(try p.parseDelimiter(after: end))
                    pieces.append(try p.parseList())
                case .command("right"):
                    let right = try p.parseDelimiter(after: end)
                    return .leftRight(left: left, body: pieces, middles: middles, right: right)
                case .end:
                    throw p.fail(tok.offset, "\\left without a matching \\right")
                default:
                    throw p.unexpected(end)
                }
            }
        }
        // TeX's \big sizes (KaTeX): 1.2, 1.8, 2.4, 3 em; l/r/m variants set the class.
        let sizes: [(String, Double)] = [("big", 1.2), ("Big", 1.8), ("bigg", 2.4), ("Bigg", 3.0)]
        let classes: [(String, AtomClass?)] = [("", nil), ("l", .open), ("r", .close), ("m", .rel)]
        for (name, size) in sizes {
            for (suffix, cls) in classes {
                t[name + suffix] = { p, tok in
                    // Plain \big is ordinary; \bigl, \bigr, \bigm open, close and relate.
                    .sizedDelimiter(try p.parseDelimiter(after: tok), size: size, cls ?? .ord)
                }
            }
        }
        return t
    }()
}

extension Parser {
    /// The delimiter after \left, \right, \big…: a character, a named delimiter, or `.` (none).
    mutating func parseDelimiter(after t: Token) throws -> Unicode.Scalar? {
        let d = lexer.next()
        switch d.kind {
        case .char("."): return nil
        case .char("<"): return "\u{27E8}"
        case .char(">"): return "\u{27E9}"
        case .char(let c) where "()[]|/".unicodeScalars.contains(c): return c
        case .command(let n):
            if let (c, _) = Symbols.named[n], Parser.delimiterNames.contains(n) { return c }
        default: break
        }
        throw fail(d.offset, "\(Parser.describe(d)) is not a delimiter (after \(Parser.describe(t)))")
    }

    static let delimiterNames: Set<String> = [
        "{", "}", "lbrace", "rbrace", "lbrack", "rbrack", "langle", "rangle", "lvert", "rvert", "lVert", "rVert",
        "vert", "Vert", "|", "lfloor", "rfloor", "lceil", "rceil", "lgroup", "rgroup", "backslash", "uparrow",
        "downarrow", "updownarrow", "Uparrow", "Downarrow", "Updownarrow", "ulcorner", "urcorner", "llcorner",
        "lrcorner",
    ]
}

extension Typesetter {
    /// A delimiter at least `total` ems tall, centred on the math axis.
    func delimiter(_ ch: Unicode.Scalar?, total: Double, _ style: MathStyle) -> Box {
        guard let ch else { return .kern(0.12 * scale(style)) }  // \nulldelimiterspace
        var b = verticalGlyph(ch, atLeast: total, style)
        let shift = c.axisHeight * scale(style) - (b.height - b.depth) / 2
        var out = Box(width: b.width, height: b.height + shift, depth: b.depth - shift)
        out.add(b, dx: 0, dy: shift)
        b = out
        return b
    }

    /// The size TeX asks of delimiters around content reaching `height` and `depth` (rule 19):
    /// cover 90.1 % of the distance from the axis, or all of it but 0.5 em.
    func delimiterSize(height: Double, depth: Double, _ style: MathStyle) -> Double {
        let axis = c.axisHeight * scale(style)
        let extent = max(height - axis, depth + axis)
        return max(2 * extent * 0.901, 2 * extent - 0.5 * scale(style))
    }

    func leftRight(
        left: Unicode.Scalar?, body: [[MathNode]], middles: [Unicode.Scalar?], right: Unicode.Scalar?,
        _ style: MathStyle
    ) -> Box {
        let pieces = body.map { list($0, style) }
        let height = pieces.map(\.height).max() ?? 0, depth = pieces.map(\.depth).max() ?? 0
        let total = delimiterSize(height: height, depth: depth, style)
        var out = delimiter(left, total: total, style)
        out.isCharacter = false
        for (i, piece) in pieces.enumerated() {
            if i > 0 {
                let m = delimiter(middles[i - 1], total: total, style)
                out.append(.kern(Spacing.between(.ord, .rel, style) * scale(style)))
                out.append(m)
                out.append(.kern(Spacing.between(.rel, .ord, style) * scale(style)))
            }
            out.append(piece)
        }
        out.append(delimiter(right, total: total, style))
        return out
    }

    func sizedDelimiter(_ ch: Unicode.Scalar?, size: Double, _ style: MathStyle) -> Box {
        delimiter(ch, total: size * scale(style), style)
    }
}
