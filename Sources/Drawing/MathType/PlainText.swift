internal import Foundation

/// TeX math as plain Unicode text, for the places that cannot hold typeset math: the PDF
/// outline and running heads, a page's description, the site index. It is read by the same
/// parser and symbol tables as the typeset formula, so both agree on what a formula says.
///
/// Letters and symbols are their characters (Greek, ∑, ≤; `\mathbb{R}` ℝ, `\mathcal{N}` 𝒩),
/// operators and relations are spaced as TeX spaces them, scripts are Unicode superscripts
/// and subscripts where every character has one (`x^2` x², `y_i` yᵢ), else `^`/`_` with
/// parentheses around several characters (`n^{-1/2}` n^(−1/2)), fractions are `a/(bc)` and
/// roots `√2`. A formula the parser rejects is given as written.
public enum MathPlainText {
    /// The plain form of a formula (without its `$`).
    public static func plain(_ tex: String) -> String {
        guard case .success(let list) = Parser.parse(tex).list else { return tex.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Writer().list(list, script: false)
    }

    /// Prose with `$…$` spans, each span in its plain form (`\$` is a dollar sign, not math).
    public static func prose(_ text: String) -> String {
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

    /// Characters that have a superscript or subscript form every font shows.
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "−": "⁻", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ", "∗": "*",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "−": "₋", "(": "₍", ")": "₎", "i": "ᵢ", "j": "ⱼ", "n": "ₙ", "k": "ₖ", "m": "ₘ", "l": "ₗ", "x": "ₓ",
    ]

    struct Writer {
        /// A list's atoms side by side, spaced by TeX's table between their classes (none in
        /// scripts): thin space as U+2009, medium and thick as a space.
        func list(_ nodes: [MathNode], script: Bool) -> String {
            var atoms: [(cls: AtomClass?, text: String)] = flatten(nodes).map { atom($0, script: script) }
            // A binary operator with nothing to operate on is ordinary (TeXbook rules 5 and 6).
            var previous: Int?
            for i in atoms.indices {
                guard let cls = atoms[i].cls else { continue }
                let prevCls = previous.map { atoms[$0].cls! }
                if cls == .bin, prevCls == nil || [.bin, .op, .rel, .open, .punct].contains(prevCls!) { atoms[i].cls = .ord }
                if [.rel, .close, .punct].contains(cls), let p = previous, prevCls == .bin { atoms[p].cls = .ord }
                previous = i
            }
            if let p = previous, atoms[p].cls == .bin { atoms[p].cls = .ord }
            var out = "", prevCls: AtomClass?
            for a in atoms {
                if let cls = a.cls {
                    if let prevCls {
                        let em = Spacing.between(prevCls, cls, script ? MathStyle.text.sup : .text)
                        out += em == 0 ? "" : em < 4.0 / 18 ? "\u{2009}" : " "
                    }
                    prevCls = cls
                }
                out += a.text
            }
            return out
        }

        /// Colour and style changes are no atoms of their own: their contents join the list.
        func flatten(_ nodes: [MathNode]) -> [MathNode] {
            nodes.flatMap { node -> [MathNode] in
                switch node {
                case .colored(_, let inner), .styled(_, let inner): flatten(inner)
                default: [node]
                }
            }
        }

        /// The class and text of one node (nil class: space, invisible to spacing).
        func atom(_ node: MathNode, script: Bool) -> (cls: AtomClass?, text: String) {
            switch node {
            case let .symbol(c, cls, alphabet):
                return (cls, character(c, alphabet))
            case .group(let inner):
                return (.ord, list(inner, script: script))
            case let .scripts(base, sub, sup):
                let (cls, text) = base.map { atom($0, script: script) } ?? (.ord, "")
                var out = text
                if let sub { out += self.script(sub, table: MathPlainText.subscripts, mark: "_") }
                if let sup {
                    // Primes are characters of their own: f′, f″.
                    let primes = sup.prefix {
                        if case .symbol("\u{2032}", _, _) = $0 { return true }; return false
                    }
                    out += String(repeating: "′", count: primes.count)
                    if primes.count < sup.count { out += self.script(Array(sup.dropFirst(primes.count)), table: MathPlainText.superscripts, mark: "^") }
                }
                return (cls ?? .ord, out)
            case let .fraction(num, den, bar, _, left, right):
                let (n, d) = (list(num, script: script), list(den, script: script))
                guard bar else { return (.inner, (left.map(String.init) ?? "") + n + " " + d + (right.map(String.init) ?? "")) }
                return (.inner, wrap(n) + "/" + wrap(d))
            case let .radical(body, index):
                let b = list(body, script: script)
                let root =
                    switch index.map({ list($0, script: true) }) {
                    case "3"?: "∛";
                    case "4"?: "∜";
                    case let i?: i + "√";
                    case nil: "√"
                    }
                return (.ord, root + (b.count == 1 || (!b.isEmpty && b.allSatisfy(\.isNumber)) ? b : "(" + b + ")"))
            case .accent(_, let body, _), .overline(let body), .underline(let body), .brace(_, let body, _),
                .smash(let body), .boxed(let body):
                return (.ord, list(body, script: script))
            case let .leftRight(left, body, middles, right):
                var out = left.map(String.init) ?? ""
                for (k, part) in body.enumerated() {
                    if k > 0, k - 1 < middles.count, let m = middles[k - 1] { out.append(Character(m)) }
                    out += list(part, script: script)
                }
                return (.inner, out + (right.map(String.init) ?? ""))
            case let .sizedDelimiter(c, _, cls):
                return (cls, c.map(String.init) ?? "")
            case .largeOp(let op, _):
                switch op {
                case .symbol(let c, _): return (.op, String(c))
                case .named(let name, _): return (.op, name)
                case .list(let inner): return (.op, list(inner, script: script))
                }
            case .space(let em):
                return (nil, em <= 0 ? "" : em < 0.4 ? "\u{2009}" : em < 0.75 ? "\u{2002}" : String(repeating: "\u{2003}", count: Int(em.rounded())))
            case .text(let s):
                return (.ord, s)
            case .colored(_, let inner), .styled(_, let inner):
                return (.ord, list(inner, script: script))
            case let .classed(cls, inner):
                return (cls, list(inner, script: script))
            case .stack(let body, _, _):
                return (.ord, list(body, script: script))
            case .array(let env):
                // Rows as `a, b; c, d`; aligned pairs (`x &= 1`) read as one expression.
                let rows = env.rows.map { cells -> String in
                    if env.alignedPairs {
                        return stride(from: 0, to: cells.count, by: 2).map { k in
                            list(cells[k] + (k + 1 < cells.count ? cells[k + 1] : []), script: script)
                        }.joined(separator: ", ")
                    }
                    return cells.map { list($0, script: script) }.joined(separator: ", ")
                }
                return (.inner, (env.left.map(String.init) ?? "") + rows.joined(separator: "; ") + (env.right.map(String.init) ?? ""))
            case .error:
                return (.ord, "")
            case .phantom:
                return (.ord, "")
            case let .extensibleArrow(c, _, _):
                return (.rel, String(c))
            }
        }

        /// Letters of the alphabets with characters of their own (ℝ, 𝒩, 𝔉) take them; bold,
        /// italic and upright letters stay plain letters, which text search finds.
        func character(_ c: Unicode.Scalar, _ alphabet: Alphabet?) -> String {
            switch alphabet {
            case .doubleStruck?, .script?, .fraktur?: String(Alphabets.map(c, alphabet))
            default: String(c)
            }
        }

        /// A script in Unicode script characters where every character has one, else `^x`/`^(…)`.
        func script(_ nodes: [MathNode], table: [Character: Character], mark: String) -> String {
            let body = list(nodes, script: true).trimmingCharacters(in: .whitespaces)
            if !body.isEmpty, body.allSatisfy({ table[$0] != nil }) { return String(body.map { table[$0]! }) }
            return body.count == 1 ? mark + body : mark + "(" + body + ")"
        }

        /// A fraction's part in parentheses unless it is one character.
        func wrap(_ s: String) -> String { s.count == 1 ? s : "(" + s + ")" }
    }
}
