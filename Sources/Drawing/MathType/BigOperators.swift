/// ∑ ∏ ∫ … and named operators (\sin, \lim, \operatorname): TeXbook rules 13 and 13a.
extension Commands {
    static let operatorCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let symbols: [(String, UInt32, Bool)] = [
            ("sum", 0x2211, false), ("prod", 0x220F, false), ("coprod", 0x2210, false),
            ("bigcup", 0x22C3, false), ("bigcap", 0x22C2, false), ("bigoplus", 0x2A01, false),
            ("bigotimes", 0x2A02, false), ("bigodot", 0x2A00, false), ("biguplus", 0x2A04, false),
            ("bigsqcup", 0x2A06, false), ("bigvee", 0x22C1, false), ("bigwedge", 0x22C0, false),
            ("int", 0x222B, true), ("intop", 0x222B, true), ("iint", 0x222C, true), ("iiint", 0x222D, true),
            ("oint", 0x222E, true), ("oiint", 0x222F, true), ("smallint", 0x222B, true),
        ]
        for (name, code, integral) in symbols {
            t[name] = { _, _ in .largeOp(.symbol(Unicode.Scalar(code)!, integral: integral), limits: nil) }
        }
        let plain = [
            "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim", "exp",
            "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh", "sgn", "Tr", "tr", "rank",
            "diag", "erf", "cov", "Var", "Cov",
        ]
        let limiting = ["det", "gcd", "inf", "lim", "liminf", "limsup", "max", "min", "Pr", "sup", "argmax", "argmin"]
        for name in plain { t[name] = { _, _ in .largeOp(.named(name, displayLimits: false), limits: nil) } }
        for name in limiting {
            let shown =
                name == "liminf"
                ? "lim\u{2009}inf"
                : name == "limsup"
                    ? "lim\u{2009}sup"
                    : name == "argmax" ? "arg\u{2009}max" : name == "argmin" ? "arg\u{2009}min" : name
            t[name] = { _, _ in .largeOp(.named(shown, displayLimits: true), limits: nil) }
        }
        t["operatorname"] = { p, tok in
            let star = p.lexer.peek().kind == .char("*")
            if star { _ = p.lexer.next() }
            let raw = try p.rawArgument(after: tok)
            let name = Commands.plainText(raw)
            guard !name.isEmpty else { throw p.fail(tok.offset, "\\operatorname needs a name") }
            return .largeOp(.named(name, displayLimits: star), limits: nil)
        }
        return t
    }()

    /// The text of a verbatim argument with TeX escapes resolved (`\,` thin space, `\_` underscore).
    static func plainText(_ raw: String) -> String {
        var out = ""
        var it = raw.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\\" {
                guard let n = it.next() else { break }
                switch n {
                case ",", ":", ";", " ": out.unicodeScalars.append("\u{2009}")
                case "{", "}", "_", "&", "%", "$", "#": out.unicodeScalars.append(n)
                default: out.unicodeScalars.append(n)
                }
            } else if c != "{" && c != "}" {
                out.unicodeScalars.append(c == "~" ? " " : c)
            }
        }
        return out
    }
}

extension Typesetter {
    /// The operator's box; symbols are centred on the axis and enlarged in display style.
    func largeOp(_ op: LargeOp, _ style: MathStyle) -> (box: Box, italic: Double) {
        switch op {
        case let .named(name, _):
            var b = text(name, style)
            b.isCharacter = false
            return (b, 0)
        case let .list(nodes):
            // A one-symbol \mathop{∗} is a large operator in its own right; anything else is set as is.
            if nodes.count == 1, case let .symbol(ch, _, nil) = nodes[0] {
                return largeOp(.symbol(ch, integral: false), style)
            }
            var b = group(nodes, style)
            b.isCharacter = false
            return (b, 0)
        case let .symbol(ch, _):
            let s = scale(style)
            guard let g = font.glyph(for: ch) else { return (charBox(ch, nil, style), 0) }
            var glyph = g
            if style.isDisplay {
                // Display operators: the first variant at least displayOperatorMinHeight tall.
                for v in font.variants(g, vertical: true) {
                    glyph = v.glyph
                    let m = font.metrics(v.glyph)
                    if m.height + m.depth >= c.displayOperatorMinHeight { break }
                }
            }
            let b = glyphBox(glyph, style)
            let shift = c.axisHeight * s - (b.height - b.depth) / 2
            // OpenType operators: the advance already covers the slanted ink, so the italic
            // correction is not added; it moves the subscript (or lower limit) left instead.
            var out = Box(width: b.width - b.italic, height: b.height + shift, depth: b.depth - shift)
            out.add(b, dx: 0, dy: shift)
            out.italic = b.italic
            out.isCharacter = false
            return (out, b.italic)
        }
    }

    /// An operator with limits above and below (display style, \limits), shifted by half the
    /// italic correction so slanted integrals carry their limits at their ends.
    func limits(_ base: Box, italic: Double, sup: Box?, sub: Box?, _ style: MathStyle) -> Box {
        let s = scale(style)
        let nucleusWidth = base.width
        // Limits are shifted by ±italic/2 from the centre; the box is wide enough for either.
        let width = max(nucleusWidth, (sup?.width ?? 0) + italic, (sub?.width ?? 0) + italic)
        var box = Box(width: width, height: base.height, depth: base.depth)
        box.add(base, dx: (width - nucleusWidth) / 2, dy: 0)
        if let sup {
            let shift = max(c.upperLimitBaselineRiseMin * s, c.upperLimitGapMin * s + sup.depth) + base.height
            box.add(sup, dx: (width - sup.width) / 2 + italic / 2, dy: shift)
            box.height = shift + sup.height
        }
        if let sub {
            let shift = max(c.lowerLimitBaselineDropMin * s, c.lowerLimitGapMin * s + sub.height) + base.depth
            box.add(sub, dx: (width - sub.width) / 2 - italic / 2, dy: -shift)
            box.depth = shift + sub.depth
        }
        return box
    }
}
