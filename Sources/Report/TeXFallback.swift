/// TeX read just far enough to write a formula as plain Unicode (Greek letters and common symbols
/// as characters, scripts as ⁿ/ₙ or ^/_), for places that cannot hold typeset math: the PDF
/// outline and running heads. Everything a reader sees in the page is typeset by `MathType`.
enum TeXFallback {
    indirect enum Piece: Equatable {
        case text(String, upright: Bool)
        case sup([Piece]), sub([Piece])
    }

    /// Prose with `$…$` spans as plain Unicode: the abstract in the site index, the HTML page's
    /// description and the PDF's subject.
    static func plainProse(_ text: String) -> String {
        var out = "", math = "", inMath = false
        var previous: Character = " "
        for c in text {
            if c == "$" && previous != "\\" {
                if inMath { out += plain(math); math = "" }
                inMath.toggle()
            } else if inMath {
                math.append(c)
            } else {
                out.append(c)
            }
            previous = c
        }
        return inMath ? out + "$" + math : out
    }

    /// Plain Unicode for places that cannot hold typeset math: PDF bookmarks, running heads.
    /// Scripts use Unicode superscript/subscript characters where every character has one,
    /// else `^` / `_` (with parentheses around several characters).
    static func plain(_ tex: String) -> String {
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
                                           "8": "⁸", "9": "⁹", "+": "⁺", "−": "⁻", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ", "*": "*"]
        let sub: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇",
                                           "8": "₈", "9": "₉", "+": "₊", "−": "₋", "(": "₍", ")": "₎", "i": "ᵢ", "j": "ⱼ", "w": "w",
                                           "b": "b", "n": "ₙ", "k": "ₖ", "m": "ₘ", "l": "ₗ", "x": "ₓ"]
        func text(_ pieces: [Piece]) -> String {
            pieces.map { p -> String in
                switch p {
                case .text(let s, _): return s.replacingOccurrences(of: "\u{205F}", with: " ").replacingOccurrences(of: "\u{2005}", with: " ")
                case .sup(let inner), .sub(let inner):
                    // Scripts are set tight (TeX drops binary-operator space there): n^{-1} → n⁻¹.
                    let body = text(inner.map { piece -> Piece in
                        guard case .text(let t, let upright) = piece else { return piece }
                        return .text(t.replacingOccurrences(of: "\u{205F}", with: ""), upright: upright)
                    }).trimmingCharacters(in: .whitespaces)
                    let isSup: Bool = { if case .sup = p { return true }; return false }()
                    let table = isSup ? sup : sub
                    if !body.isEmpty, body.allSatisfy({ table[$0] != nil }), !(table == sub && body.contains(where: { "wb".contains($0) })) {
                        return String(body.map { table[$0]! })
                    }
                    let mark = isSup ? "^" : "_"
                    return body.count == 1 ? mark + body : mark + "(" + body + ")"
                }
            }.joined()
        }
        return text(parse(tex))
    }

    static func parse(_ tex: String) -> [Piece] {
        var reader = Reader(chars: Array(tex))
        return merge(reader.sequence(until: nil))
    }

    /// Neighbouring text of the same style joins, so escaping and spans stay small.
    static func merge(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for p in pieces {
            if case .text(let b, let ub) = p, case .text(let a, let ua)? = out.last, ua == ub { out[out.count - 1] = .text(a + b, upright: ua) }
            else { out.append(p) }
        }
        return out
    }

    struct Reader {
        let chars: [Character]
        var i = 0

        mutating func sequence(until close: Character?) -> [Piece] {
            var out: [Piece] = []
            while i < chars.count {
                let c = chars[i]
                if let close, c == close { i += 1; break }
                if c == "^" || c == "_" {
                    i += 1
                    let arg = merge(atom())
                    out.append(c == "^" ? .sup(arg) : .sub(arg))
                } else {
                    out += atom()
                }
            }
            return out
        }

        /// One token or group.
        mutating func atom() -> [Piece] {
            guard i < chars.count else { return [] }
            let c = chars[i]
            if c == "{" { i += 1; return sequence(until: "}") }
            if c == "\\" { return command() }
            i += 1
            if c == " " || c == "\n" || c == "\t" || c == "&" { return [] }
            if c == "~" { return [.text("\u{00A0}", upright: true)] }
            if c.isLetter { return [.text(String(c), upright: false)] }
            if c == "-" { return [.text("\u{205F}\u{2212}\u{205F}", upright: true)] }
            if c == "+" { return [.text("\u{205F}+\u{205F}", upright: true)] }
            if "=<>".contains(c) { return [.text("\u{2005}\(c)\u{2005}", upright: true)] }
            if c == "'" { return [.text("\u{2032}", upright: true)] }
            if c == "," { return [.text(",\u{2009}", upright: true)] }
            return [.text(String(c), upright: true)]
        }

        mutating func argument() -> String {
            let pieces = atom()
            return pieces.map { if case .text(let s, _) = $0 { return s }; return "" }.joined()
        }

        mutating func command() -> [Piece] {
            i += 1   // the backslash
            var name = ""
            while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
            if name.isEmpty, i < chars.count {
                let c = chars[i]; i += 1
                switch c {
                case ",", ":", ";", " ": return [.text("\u{2009}", upright: true)]
                case "!": return []
                case "\\": return [.text(" ", upright: true)]
                default: return [.text(String(c), upright: true)]
                }
            }
            switch name {
            case "mathrm", "text", "operatorname", "textrm", "mathsf", "textup": return [.text(argument(), upright: true)]
            case "mathit", "textit": return [.text(argument(), upright: false)]
            case "mathbf", "boldsymbol", "bm", "textbf": return merge(atom())
            case "mathbb": return [.text(String(argument().map { Self.doubleStruck[$0] ?? $0 }), upright: true)]
            case "mathcal", "mathscr": return [.text(String(argument().map { Self.script[$0] ?? $0 }), upright: true)]
            case "frac", "dfrac", "tfrac":
                let num = merge(atom()), den = merge(atom())
                return wrap(num) + [.text("/", upright: true)] + wrap(den)
            case "sqrt": return [.text("√", upright: true)] + wrap(merge(atom()), keepNumbers: true)
            case "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "limits":
                return []
            case "quad": return [.text("\u{2003}", upright: true)]
            case "qquad": return [.text("\u{2003}\u{2003}", upright: true)]
            case "hat", "bar", "tilde", "vec", "dot", "overline": return merge(atom())
            default:
                if let s = Self.symbols[name] {
                    // Lower-case Greek is italic like other variables; the rest upright.
                    let italic = s.count == 1 && s.unicodeScalars.first!.value >= 0x3B1 && s.unicodeScalars.first!.value <= 0x3C9
                    let spaced = Self.relations.contains(name) ? "\u{2005}\(s)\u{2005}" : s
                    return [.text(spaced, upright: !italic)]
                }
                return [.text(name, upright: true)]
            }
        }

        /// Parenthesises a fraction's part unless it is a single symbol.
        func wrap(_ p: [Piece], keepNumbers: Bool = false) -> [Piece] {
            if p.count == 1, case .text(let s, _) = p[0], s.count == 1 || (keepNumbers && s.allSatisfy(\.isNumber)) { return p }
            if p.count == 1, case .text(let s, _) = p[0], s.hasPrefix("√"), s.dropFirst().allSatisfy(\.isNumber) { return p }
            return [.text("(", upright: true)] + p + [.text(")", upright: true)]
        }

        static let relations: Set<String> = ["le", "leq", "ge", "geq", "neq", "ne", "approx", "sim", "simeq", "equiv",
                                             "to", "rightarrow", "leftarrow", "mapsto", "in", "notin", "subset",
                                             "subseteq", "propto", "times", "cdot", "pm", "ll", "gg", "coloneqq"]
        static let symbols: [String: String] = [
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
            "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
            "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
            "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
            "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "partial": "∂",
            "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠",
            "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "to": "→", "rightarrow": "→",
            "leftarrow": "←", "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "propto": "∝",
            "times": "×", "cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…", "pm": "±", "ll": "≪", "gg": "≫",
            "langle": "⟨", "rangle": "⟩", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|",
            "mid": "|", "forall": "∀", "exists": "∃", "top": "⊤", "circ": "∘", "star": "⋆", "log": "log", "ln": "ln",
            "exp": "exp", "sin": "sin", "cos": "cos", "tanh": "tanh", "max": "max", "min": "min", "sup": "sup",
            "inf": "inf", "lim": "lim", "det": "det", "tr": "tr", "lbrace": "{", "rbrace": "}", "coloneqq": "≔",
            "emptyset": "∅", "odot": "⊙", "otimes": "⊗", "oplus": "⊕",
        ]
        static let doubleStruck: [Character: Character] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼",
                                                           "P": "ℙ", "1": "𝟙", "V": "𝕍"]
        static let script: [Character: Character] = ["N": "𝒩", "L": "ℒ", "O": "𝒪", "D": "𝒟", "F": "ℱ", "H": "ℋ",
                                                      "X": "𝒳", "Y": "𝒴", "U": "𝒰", "S": "𝒮", "G": "𝒢", "B": "ℬ"]
    }
}
