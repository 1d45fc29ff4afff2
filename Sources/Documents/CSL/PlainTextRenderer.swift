/// Rich text as plain Unicode text: marks dropped, quotation marks written, superscripts and
/// subscripts as Unicode where every character has one, simple TeX math as Unicode.
public struct PlainTextRenderer: Sendable {
    public var openQuote = "\u{201C}", closeQuote = "\u{201D}"
    public var openInnerQuote = "\u{2018}", closeInnerQuote = "\u{2019}"

    public init() {}

    public func render(_ nodes: [RichText]) -> String {
        var out = ""
        append(nodes, depth: 0, to: &out)
        return out
    }

    private func append(_ nodes: [RichText], depth: Int, to out: inout String) {
        for n in nodes {
            switch n {
            case .text(let t): out += t
            case .math(let tex): out += TeXToUnicode.convert(tex)
            case .quoted(let c):
                out += depth % 2 == 0 ? openQuote : openInnerQuote
                append(c, depth: depth + 1, to: &out)
                out += depth % 2 == 0 ? closeQuote : closeInnerQuote
            case .superscript(let c): out += Self.shifted(render(c), UnicodeScripts.superscripts, "^")
            case .subscript(let c): out += Self.shifted(render(c), UnicodeScripts.subscripts, "_")
            case .display(let d, let c):
                append(c, depth: depth, to: &out)
                if d == "left-margin" { out += " " }
            default: append(n.children ?? [], depth: depth, to: &out)
            }
        }
    }

    static func shifted(_ s: String, _ table: [Character: Character], _ mark: String) -> String {
        let mapped = s.compactMap { table[$0] }
        return mapped.count == s.count ? String(mapped) : "\(mark)(\(s))"
    }
}

enum UnicodeScripts {
    static let superscripts: [Character: Character] = Dictionary(
        uniqueKeysWithValues: zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ"))
    static let subscripts: [Character: Character] = Dictionary(
        uniqueKeysWithValues: zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"))
}

/// Simple TeX math (letters, Greek, `^`/`_` with digits) as Unicode, for plain-text output.
enum TeXToUnicode {
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "times": "×", "cdot": "⋅",
        "leq": "≤", "geq": "≥", "to": "→", "in": "∈", "log": "log", "ln": "ln",
    ]

    static func convert(_ tex: String) -> String {
        var out = ""
        var chars = Array(tex)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                var name = ""
                while let n = chars.first, n.isLetter { name.append(n); chars.removeFirst() }
                out += symbols[name] ?? name
            case "^", "_":
                var arg = ""
                if chars.first == "{" {
                    chars.removeFirst()
                    while let n = chars.popFirst(), n != "}" { arg.append(n) }
                } else if let n = chars.popFirst() {
                    arg = String(n)
                }
                let table = c == "^" ? UnicodeScripts.superscripts : UnicodeScripts.subscripts
                out += PlainTextRenderer.shifted(convert(arg), table, String(c))
            case "{", "}": continue
            default: out.append(c)
            }
        }
        return out
    }
}
