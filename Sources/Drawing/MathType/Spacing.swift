/// TeX's spacing: the table of space between atom classes (TeXbook p. 170) and the spacing commands.
enum Spacing {
    /// 0 none, 1 thin (3mu), 2 medium (4mu), 3 thick (5mu); negative: only in display and text styles.
    private static let table: [[Int]] = [
        //  ord op  bin rel open close punct inner
        [0, 1, -2, -3, 0, 0, 0, -1],  // ord
        [1, 1, 0, -3, 0, 0, 0, -1],  // op
        [-2, -2, 0, 0, -2, 0, 0, -2],  // bin
        [-3, -3, 0, 0, -3, 0, 0, -3],  // rel
        [0, 0, 0, 0, 0, 0, 0, 0],  // open
        [0, 1, -2, -3, 0, 0, 0, -1],  // close
        [-1, -1, 0, -1, -1, -1, -1, -1],  // punct
        [-1, 1, -2, -3, -1, 0, -1, -1],  // inner
    ]

    /// Space between adjacent atoms in ems of the style's size (1 mu = 1/18 em).
    static func between(_ left: AtomClass, _ right: AtomClass, _ style: MathStyle) -> Double {
        let code = table[left.rawValue][right.rawValue]
        if code < 0 && style.isScript { return 0 }
        switch abs(code) {
        case 1: return 3.0 / 18
        case 2: return 4.0 / 18
        case 3: return 5.0 / 18
        default: return 0
        }
    }
}

extension Commands {
    /// \, \: \; \! \quad \qquad and friends, plus \hspace / \kern / \mkern with a unit.
    static let spacingCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let fixed: [String: Double] = [
            ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
            ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
            "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18, "quad": 1, "qquad": 2, " ": 0.333,
            "enspace": 0.5, "space": 0.333, "nobreakspace": 0.333,
        ]
        for (name, em) in fixed { t[name] = { _, _ in .space(em: em) } }
        for name in ["hspace", "kern", "mkern", "hskip", "mskip"] {
            t[name] = { p, tok in
                let star = p.lexer.peek().kind == .char("*")
                if star { _ = p.lexer.next() }
                let raw = try p.rawArgument(after: tok)
                guard let em = length(raw) else { throw p.fail(tok.offset, "cannot read the length '\(raw)'") }
                guard abs(em) <= maxDimen else {
                    throw p.fail(tok.offset, "dimension too large: '\(raw)' (TeX's limit is 16383.99998pt)")
                }
                return .space(em: em)
            }
        }
        return t
    }()

    /// TeX's \maxdimen, 16383.99998 pt, in ems: no length may exceed it (a box 10⁹ pt wide
    /// would overflow Pango's and Cairo's fixed-point units).
    static let maxDimen = 1638.399998

    /// A TeX length in ems (10 pt = 1 em, as in LaTeX's 10 pt math); nil when unreadable
    /// ("nanpt" and "infpt" parse as Doubles but are no lengths).
    static func length(_ s: String) -> Double? {
        let trimmed = s.filter { !$0.isWhitespace }
        let units: [(String, Double)] = [
            ("em", 1), ("ex", 0.431), ("mu", 1.0 / 18), ("pt", 0.1), ("mm", 0.2845),
            ("cm", 2.845), ("in", 7.227), ("bp", 0.1004),
        ]
        for (u, f) in units where trimmed.hasSuffix(u) {
            guard let v = Double(trimmed.dropLast(u.count)), v.isFinite else { return nil }
            return v * f
        }
        return nil
    }
}
