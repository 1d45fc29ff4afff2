import Graphics

/// The symbol commands and characters of TeX math: what code point each draws and its atom class.
enum Symbols {
    /// A typed character: letters are italic variables, digits upright, ASCII operators get classes.
    static func character(_ c: Unicode.Scalar, alphabet: Alphabet?) -> MathNode {
        switch c {
        case "+", "*", "\u{B1}", "\u{D7}", "\u{F7}": return .symbol(c == "*" ? "\u{2217}" : c, .bin, nil)
        case "-": return .symbol("\u{2212}", .bin, nil)
        case "=", "<", ">", ":": return .symbol(c, .rel, nil)
        case "(", "[": return .symbol(c, .open, nil)
        case ")", "]", "!", "?": return .symbol(c, .close, nil)
        case ",", ";": return .symbol(c, .punct, nil)
        // A typed period is ordinary in TeX (mathcode "013A), so 1.5 has no space; only \ldotp
        // is punctuation.
        case ".": return .symbol(c, .ord, nil)
        default:
            if let (s, cls) = unicodeClasses[c] { return .symbol(s, cls, nil) }
            return .symbol(c, .ord, alphabetFor(c, alphabet))
        }
    }

    /// Letters and Greek follow the current alphabet; everything else keeps its shape.
    static func alphabetFor(_ c: Unicode.Scalar, _ alphabet: Alphabet?) -> Alphabet? {
        let isLatin = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
        let isGreek = (c.value >= 0x391 && c.value <= 0x3F5) || c == "\u{2202}" || c == "\u{2207}"
        let isDigit = c >= "0" && c <= "9"
        if let alphabet {
            if isLatin || isGreek || isDigit { return alphabet }
            return nil
        }
        if isLatin { return .italic }
        // TeX sets lowercase Greek italic and uppercase Greek upright.
        if isGreek && c.value >= 0x3B1 { return .italic }
        return nil
    }

    /// Unicode operators typed directly (so `x ≤ y` spaces like `x \leq y`). A character whose
    /// commands disagree on its class (| is \lvert and \rvert) stays ordinary, as in TeX.
    static let unicodeClasses: [Unicode.Scalar: (Unicode.Scalar, AtomClass)] = {
        var classes: [Unicode.Scalar: Set<Int>] = [:]
        for (_, (c, cls)) in named { classes[c, default: []].insert(cls.rawValue) }
        var t: [Unicode.Scalar: (Unicode.Scalar, AtomClass)] = [:]
        for (c, set) in classes where set.count == 1 && set.first != AtomClass.ord.rawValue {
            t[c] = (c, AtomClass(rawValue: set.first!)!)
        }
        return t
    }()

    static let named: [String: (Unicode.Scalar, AtomClass)] = {
        var t: [String: (Unicode.Scalar, AtomClass)] = [:]
        func add(_ cls: AtomClass, _ table: KeyValuePairs<String, UInt32>) {
            for (name, code) in table { t[name] = (Unicode.Scalar(code)!, cls) }
        }
        add(
            .ord,
            [
                "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3F5, "varepsilon": 0x3B5,
                "zeta": 0x3B6, "eta": 0x3B7, "theta": 0x3B8, "vartheta": 0x3D1, "iota": 0x3B9, "kappa": 0x3BA,
                "varkappa": 0x3F0, "lambda": 0x3BB, "mu": 0x3BC, "nu": 0x3BD, "xi": 0x3BE, "omicron": 0x3BF,
                "pi": 0x3C0, "varpi": 0x3D6, "rho": 0x3C1, "varrho": 0x3F1, "sigma": 0x3C3, "varsigma": 0x3C2,
                "tau": 0x3C4, "upsilon": 0x3C5, "phi": 0x3D5, "varphi": 0x3C6, "chi": 0x3C7, "psi": 0x3C8,
                "omega": 0x3C9,
                "Gamma": 0x393, "Delta": 0x394, "Theta": 0x398, "Lambda": 0x39B, "Xi": 0x39E, "Pi": 0x3A0,
                "Sigma": 0x3A3, "Upsilon": 0x3A5, "Phi": 0x3A6, "Psi": 0x3A8, "Omega": 0x3A9,
                "ell": 0x2113, "hbar": 0x210F, "hslash": 0x210F, "infty": 0x221E, "nabla": 0x2207, "partial": 0x2202,
                "top": 0x22A4, "intercal": 0x22BA, "bot": 0x22A5, "checkmark": 0x2713, "forall": 0x2200, "exists": 0x2203,
                "nexists": 0x2204, "emptyset": 0x2205, "varnothing": 0x2300, "neg": 0xAC, "lnot": 0xAC,
                "prime": 0x2032, "aleph": 0x2135, "beth": 0x2136, "Re": 0x211C, "Im": 0x2111, "wp": 0x2118,
                "angle": 0x2220, "triangle": 0x25B3, "vdots": 0x22EE, "Box": 0x25A1, "square": 0x25A1,
                "blacksquare": 0x25A0, "S": 0xA7, "P": 0xB6, "|": 0x2016, "#": 0x23, "$": 0x24, "%": 0x25,
                "&": 0x26, "_": 0x5F, "backslash": 0x5C, "vert": 0x7C, "Vert": 0x2016, "flat": 0x266D,
                "sharp": 0x266F, "natural": 0x266E, "clubsuit": 0x2663, "diamondsuit": 0x2662,
                "heartsuit": 0x2661, "spadesuit": 0x2660, "dag": 0x2020, "ddag": 0x2021, "imath": 0x1D6A4,
                "jmath": 0x1D6A5, "degree": 0xB0, "complement": 0x2201, "mho": 0x2127, "eth": 0xF0,
                "surd": 0x221A, "lozenge": 0x25CA,
                "backprime": 0x2035,
            ])
        add(
            .inner,
            [
                "ldots": 0x2026, "dots": 0x2026, "cdots": 0x22EF, "ddots": 0x22F1, "dotsc": 0x2026,
                "dotsb": 0x22EF, "dotsm": 0x22EF, "dotsi": 0x22EF, "dotso": 0x2026,
            ])
        add(
            .open,
            [
                "{": 0x7B, "lbrace": 0x7B, "lbrack": 0x5B, "langle": 0x27E8, "lvert": 0x7C, "lVert": 0x2016,
                "lfloor": 0x230A, "lceil": 0x2308, "lgroup": 0x27EE, "ulcorner": 0x231C, "llcorner": 0x231E,
            ])
        add(
            .close,
            [
                "}": 0x7D, "rbrace": 0x7D, "rbrack": 0x5D, "rangle": 0x27E9, "rvert": 0x7C, "rVert": 0x2016,
                "rfloor": 0x230B, "rceil": 0x2309, "rgroup": 0x27EF, "urcorner": 0x231D, "lrcorner": 0x231F,
            ])
        add(.punct, ["colon": 0x3A, "ldotp": 0x2E, "cdotp": 0x22C5])
        add(
            .bin,
            [
                "pm": 0xB1, "mp": 0x2213, "times": 0xD7, "div": 0xF7, "cdot": 0x22C5, "ast": 0x2217,
                "circ": 0x2218, "bullet": 0x2219, "oplus": 0x2295, "ominus": 0x2296, "otimes": 0x2297,
                "oslash": 0x2298, "odot": 0x2299, "cup": 0x222A, "cap": 0x2229, "sqcup": 0x2294, "sqcap": 0x2293,
                "vee": 0x2228, "wedge": 0x2227, "lor": 0x2228, "land": 0x2227, "setminus": 0x2216,
                "smallsetminus": 0x2216, "uplus": 0x228E, "wr": 0x2240, "amalg": 0x2A3F, "diamond": 0x22C4,
                "dagger": 0x2020, "ddagger": 0x2021, "bigtriangleup": 0x25B3, "bigtriangledown": 0x25BD,
                "triangleleft": 0x25C1, "triangleright": 0x25B7, "circledast": 0x229B, "boxplus": 0x229E,
                "boxtimes": 0x22A0, "boxminus": 0x229F, "dotplus": 0x2214, "bigcirc": 0x25EF, "ltimes": 0x22C9,
                "rtimes": 0x22CA, "cupdot": 0x228D, "star": 0x22C6,
            ])
        add(
            .rel,
            [
                "leq": 0x2264, "le": 0x2264, "geq": 0x2265, "ge": 0x2265, "neq": 0x2260, "ne": 0x2260,
                "equiv": 0x2261, "approx": 0x2248, "sim": 0x223C, "simeq": 0x2243, "cong": 0x2245, "propto": 0x221D,
                "ll": 0x226A, "gg": 0x226B, "subset": 0x2282, "supset": 0x2283, "subseteq": 0x2286, "supseteq": 0x2287,
                "subsetneq": 0x228A, "supsetneq": 0x228B, "in": 0x2208, "notin": 0x2209, "ni": 0x220B, "owns": 0x220B,
                "to": 0x2192, "rightarrow": 0x2192, "leftarrow": 0x2190, "gets": 0x2190, "leftrightarrow": 0x2194,
                "Rightarrow": 0x21D2, "Leftarrow": 0x21D0, "Leftrightarrow": 0x21D4, "iff": 0x27FA, "implies": 0x27F9,
                "impliedby": 0x27F8, "mapsto": 0x21A6, "longmapsto": 0x27FC, "longrightarrow": 0x27F6,
                "longleftarrow": 0x27F5, "Longrightarrow": 0x27F9, "Longleftarrow": 0x27F8,
                "longleftrightarrow": 0x27F7, "Longleftrightarrow": 0x27FA, "uparrow": 0x2191, "downarrow": 0x2193,
                "updownarrow": 0x2195, "Uparrow": 0x21D1, "Downarrow": 0x21D3, "Updownarrow": 0x21D5,
                "nearrow": 0x2197, "searrow": 0x2198, "swarrow": 0x2199, "nwarrow": 0x2196,
                "hookrightarrow": 0x21AA, "hookleftarrow": 0x21A9, "rightharpoonup": 0x21C0,
                "rightharpoondown": 0x21C1, "leftharpoonup": 0x21BC, "rightleftharpoons": 0x21CC,
                "leftrightarrows": 0x21C6, "rightrightarrows": 0x21C9, "twoheadrightarrow": 0x21A0,
                "perp": 0x27C2, "models": 0x22A8, "vdash": 0x22A2, "dashv": 0x22A3, "vDash": 0x22A8,
                "asymp": 0x224D, "doteq": 0x2250, "prec": 0x227A, "succ": 0x227B, "preceq": 0x2AAF, "succeq": 0x2AB0,
                "lesssim": 0x2272, "gtrsim": 0x2273, "leqslant": 0x2A7D, "geqslant": 0x2A7E, "triangleq": 0x225C,
                "coloneqq": 0x2254, "coloneq": 0x2254, "eqqcolon": 0x2255, "sqsubseteq": 0x2291,
                "sqsupseteq": 0x2292, "sqsubset": 0x228F, "sqsupset": 0x2290, "smile": 0x2323, "frown": 0x2322,
                "bowtie": 0x22C8, "nsim": 0x2241, "ncong": 0x2247, "nleq": 0x2270, "ngeq": 0x2271,
                "mid": 0x2223, "nmid": 0x2224, "parallel": 0x2225, "nparallel": 0x2226, "lessgtr": 0x2276,
                "approxeq": 0x224A, "thicksim": 0x223C, "thickapprox": 0x2248, "backsim": 0x223D,
                "circeq": 0x2257, "eqsim": 0x2242, "nsubseteq": 0x2288, "nsupseteq": 0x2289, "leqq": 0x2266,
                "geqq": 0x2267, "lll": 0x22D8, "ggg": 0x22D9, "Subset": 0x22D0, "Supset": 0x22D1,
                "trianglelefteq": 0x22B4, "trianglerighteq": 0x22B5, "lhd": 0x22B2, "rhd": 0x22B3,
                "unlhd": 0x22B4, "unrhd": 0x22B5, "Vdash": 0x22A9, "multimap": 0x22B8, "because": 0x2235,
                "therefore": 0x2234, "varpropto": 0x221D, "leadsto": 0x21DD,
                "curvearrowright": 0x21B7, "circlearrowright": 0x21BB, "Lleftarrow": 0x21DA, "Rrightarrow": 0x21DB,
            ])
        return t
    }()

    /// `\not` applied to a relation: the precomposed negation where Unicode has one.
    static let negations: [Unicode.Scalar: Unicode.Scalar] = [
        "=": "\u{2260}", "<": "\u{226E}", ">": "\u{226F}", "\u{2208}": "\u{2209}", "\u{2261}": "\u{2262}",
        "\u{2282}": "\u{2284}", "\u{2283}": "\u{2285}", "\u{2286}": "\u{2288}", "\u{2287}": "\u{2289}",
        "\u{2264}": "\u{2270}", "\u{2265}": "\u{2271}", "\u{223C}": "\u{2241}", "\u{2245}": "\u{2247}",
        "\u{2248}": "\u{2249}", "\u{2223}": "\u{2224}", "\u{2225}": "\u{2226}", "\u{220B}": "\u{220C}",
        "\u{2203}": "\u{2204}", "\u{2243}": "\u{2244}", "\u{227A}": "\u{2280}", "\u{227B}": "\u{2281}",
        "\u{22A2}": "\u{22AC}", "\u{22A8}": "\u{22AD}",
    ]

    /// Named colours of \color and \textcolor (xcolor's base set) or `#rrggbb`.
    static func color(_ name: String) -> Color? {
        if name.hasPrefix("#"), name.count == 7, let v = UInt32(name.dropFirst(), radix: 16) { return Color(hex: v) }
        let table: [String: UInt32] = [
            "black": 0x000000, "white": 0xFFFFFF, "red": 0xFF0000, "green": 0x00A000, "blue": 0x0000FF,
            "cyan": 0x00FFFF, "magenta": 0xFF00FF, "yellow": 0xFFFF00, "gray": 0x808080, "grey": 0x808080,
            "orange": 0xFF8000, "purple": 0xBF0040, "brown": 0xBF8040, "teal": 0x008080, "olive": 0x808000,
            "violet": 0x800080, "darkgray": 0x404040, "lightgray": 0xBFBFBF, "lime": 0xBFFF00, "pink": 0xFFBFBF,
        ]
        return table[name.lowercased()].map { Color(hex: $0) }
    }
}
