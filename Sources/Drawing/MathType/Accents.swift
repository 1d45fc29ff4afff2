/// \hat, \widehat, \vec, \dot, …, \overline and \underline (TeXbook rules 12, 9, 10).
extension Commands {
    static let accentCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let accents: [(String, UInt32, Bool)] = [
            ("hat", 0x302, false), ("widehat", 0x302, true), ("check", 0x30C, false), ("widecheck", 0x30C, true),
            ("tilde", 0x303, false), ("widetilde", 0x303, true), ("bar", 0x304, false), ("dot", 0x307, false),
            ("ddot", 0x308, false), ("dddot", 0x20DB, false), ("vec", 0x20D7, false), ("acute", 0x301, false),
            ("grave", 0x300, false), ("breve", 0x306, false), ("mathring", 0x30A, false),
            ("overrightarrow", 0x20D7, true), ("overleftarrow", 0x20D6, true),
        ]
        for (name, code, stretch) in accents {
            t[name] = { p, tok in
                .accent(Unicode.Scalar(code)!, body: try p.parseArgument(after: tok), stretch: stretch)
            }
        }
        t["overline"] = { p, tok in .overline(try p.parseArgument(after: tok)) }
        t["underline"] = { p, tok in .underline(try p.parseArgument(after: tok)) }
        return t
    }()
}

extension Typesetter {
    func accent(_ ch: Unicode.Scalar, body: [MathNode], stretch: Bool, _ style: MathStyle) -> Box {
        let s = scale(style)
        var base = list(body, style.cramp)
        let isChar = base.isCharacter
        // A wide accent grows to the base; a plain one is the font's own glyph.
        var acc = stretch ? horizontalGlyph(ch, atLeast: base.width - base.italic, style) : charBox(ch, nil, style)
        if !stretch { acc.width -= acc.italic }
        // Attach where the base and the accent say (MATH table top-accent attachment), else centre.
        let baseAttach = isChar ? (base.topAccent ?? (base.width - base.italic) / 2) : (base.width - base.italic) / 2
        let accAttach = stretch || acc.topAccent == nil ? acc.width / 2 : acc.topAccent!
        // Accent glyphs are drawn for x-height bases: lift them by the base's extra height.
        let lift = max(0, base.height - c.accentBaseHeight * s)
        var box = Box(width: base.width, height: max(base.height, acc.height + lift), depth: base.depth)
        box.add(base, dx: 0, dy: 0)
        let dx = baseAttach - accAttach
        // As in TeX, the accent never widens its base: it may overhang into the neighbours.
        box.add(acc, dx: dx, dy: lift)
        box.italic = base.italic
        base.isCharacter = false
        return box
    }

    func overline(_ body: [MathNode], _ style: MathStyle) -> Box {
        let s = scale(style)
        let base = list(body, style.cramp)
        let t = c.overbarRuleThickness * s
        let y = base.height + c.overbarVerticalGap * s
        var box = Box(width: base.width, height: y + t + c.overbarExtraAscender * s, depth: base.depth)
        box.add(base, dx: 0, dy: 0)
        box.add(.rule(width: base.width, thickness: t), dx: 0, dy: y)
        return box
    }

    func underline(_ body: [MathNode], _ style: MathStyle) -> Box {
        let s = scale(style)
        let base = list(body, style)
        let t = c.underbarRuleThickness * s
        let y = -(base.depth + c.underbarVerticalGap * s + t)
        var box = Box(width: base.width, height: base.height, depth: -y + c.underbarExtraDescender * s)
        box.add(base, dx: 0, dy: 0)
        box.add(.rule(width: base.width, thickness: t), dx: 0, dy: y)
        return box
    }
}
