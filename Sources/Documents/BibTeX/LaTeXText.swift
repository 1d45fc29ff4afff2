import CSL
import Foundation

/// BibTeX field text (LaTeX) as rich text: accents and escapes as Unicode, `--`/`---` as dashes,
/// `~` as a no-break space, `{…}` as text whose case never changes, `$…$` as math, and the
/// font commands (`\emph`, `\textbf`, `\textsc`, …) as marks.
enum LaTeXText {
    static let accents: [Character: String] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "d": "\u{0323}",
        "b": "\u{0331}", "r": "\u{030A}", "k": "\u{0328}",
    ]
    static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "textendash": "\u{2013}", "textemdash": "\u{2014}",
        "LaTeX": "LaTeX", "TeX": "TeX", "dag": "†", "S": "§", "P": "¶", "copyright": "©", "pounds": "£",
        "textquoteleft": "\u{2018}", "textquoteright": "\u{2019}", "ldots": "…", "dots": "…", "textellipsis": "…",
        "slash": "/", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|", "textregistered": "®",
        "texttrademark": "™", "guillemotleft": "«", "guillemotright": "»", "DH": "Ð", "dh": "ð", "TH": "Þ", "th": "þ",
        "NG": "Ŋ", "ng": "ŋ", "textdegree": "°", "euro": "€",
    ]
    static let marks: [String: ([RichText]) -> RichText] = [
        "emph": { .italic($0) }, "textit": { .italic($0) }, "textsl": { .italic($0) }, "textbf": { .bold($0) },
        "textsc": { .smallCaps($0) }, "textsuperscript": { .superscript($0) }, "textsubscript": { .subscript($0) },
        "underline": { .underline($0) },
    ]

    /// Rich text of a title-like field: top-level braces protect case.
    static func rich(_ raw: String) -> [RichText] {
        if isPlain(raw) { return raw.isEmpty ? [] : [.text(collapse(raw))] }
        var p = Reader(Array(raw))
        return merge(p.sequence(depth: 0, protect: true))
    }

    /// Plain characters of any other field.
    static func plain(_ raw: String) -> String {
        if isPlain(raw) { return collapse(raw) }
        var p = Reader(Array(raw))
        return merge(p.sequence(depth: 0, protect: false)).plainCharacters
    }

    /// Text with nothing for LaTeX to interpret (most fields): passed through as it is.
    static func isPlain(_ raw: String) -> Bool {
        raw.utf8.allSatisfy { c in
            c != UInt8(ascii: "\\") && c != UInt8(ascii: "{") && c != UInt8(ascii: "}") && c != UInt8(ascii: "$")
                && c != UInt8(ascii: "~") && c != UInt8(ascii: "-") && c != UInt8(ascii: "'") && c != UInt8(ascii: "`")
                && c < 0xCC
        }
    }

    /// Adjacent text leaves merged, accents composed, spaces collapsed.
    static func merge(_ nodes: [RichText]) -> [RichText] {
        var out: [RichText] = []
        for n in nodes {
            switch n {
            case .text(let t):
                if case .text(let prev)? = out.last {
                    out[out.count - 1] = .text(prev + t)
                } else {
                    out.append(.text(t))
                }
            default:
                if let c = n.children { out.append(n.replacingChildren(merge(c))) } else { out.append(n) }
            }
        }
        return out.map { n in
            if case .text(let t) = n {
                let composed = t.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } ? t.precomposedStringWithCanonicalMapping : t
                return .text(collapse(composed))
            }
            return n
        }
    }

    static func collapse(_ s: String) -> String {
        var out = ""
        var lastSpace = false
        for c in s {
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        return out
    }

    struct Reader {
        var chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }

        mutating func sequence(depth: Int, protect: Bool) -> [RichText] {
            var out: [RichText] = []
            while i < chars.count {
                let c = chars[i]
                switch c {
                case "}":
                    if depth > 0 { i += 1; return out }
                    i += 1
                case "{" where depth > 64:
                    // Deeper than any real field: braces are kept as text, not recursed into.
                    out.append(.text("{"))
                    i += 1
                case "{":
                    i += 1
                    let startsWithCommand = i < chars.count && chars[i] == "\\"
                    let inner = sequence(depth: depth + 1, protect: false)
                    out += protect && depth == 0 && !startsWithCommand ? [.noCase(inner)] : inner
                case "\\": out += command(protect: protect, depth: depth)
                case "$":
                    i += 1
                    var tex = ""
                    while i < chars.count, chars[i] != "$" {
                        if chars[i] == "\\", i + 1 < chars.count { tex.append(chars[i]); i += 1 }
                        tex.append(chars[i])
                        i += 1
                    }
                    i += 1
                    out.append(.math(tex))
                case "~": out.append(.text("\u{00A0}")); i += 1
                case "-":
                    var n = 0
                    while i < chars.count, chars[i] == "-" { n += 1; i += 1 }
                    out.append(.text(n == 1 ? "-" : n == 2 ? "\u{2013}" : "\u{2014}"))
                case "`" where next == "`": out.append(.text("\u{201C}")); i += 2
                case "'" where next == "'": out.append(.text("\u{201D}")); i += 2
                case "'": out.append(.text("\u{2019}")); i += 1
                case "`": out.append(.text("\u{2018}")); i += 1
                default: out.append(.text(String(c))); i += 1
                }
            }
            return out
        }

        var next: Character? { i + 1 < chars.count ? chars[i + 1] : nil }

        /// One argument: a braced group or a single character.
        mutating func argument() -> [RichText] {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return [] }
            if chars[i] == "{" {
                i += 1
                return sequence(depth: 1, protect: false)
            }
            if chars[i] == "\\" { return command(protect: false, depth: 1) }
            defer { i += 1 }
            return [.text(String(chars[i]))]
        }

        mutating func command(protect: Bool, depth: Int) -> [RichText] {
            i += 1
            guard i < chars.count else { return [] }
            let c = chars[i]
            if let accent = LaTeXText.accents[c], !(c.isLetterFast && next.map(\.isLetterFast) == true) {
                i += 1
                let arg = argument().plainCharacters
                guard let first = arg.first else { return [.text(accent)] }
                let base = first == "ı" ? "i" : first == "ȷ" ? "j" : String(first)
                return [.text(base + accent + arg.dropFirst())]
            }
            if !c.isLetterFast {
                i += 1
                switch c {
                case "\\": return [.text(" ")]
                case " ": return [.text(" ")]
                case "-": return []
                case ",": return [.text("\u{2009}")]
                default: return [.text(String(c))]
                }
            }
            var name = ""
            while i < chars.count, chars[i].isLetterFast { name.append(chars[i]); i += 1 }
            if let s = LaTeXText.symbols[name] {
                if i < chars.count, chars[i] == " " { i += 1 }
                if i + 1 < chars.count, chars[i] == "{", chars[i + 1] == "}" { i += 2 }
                return [.text(s)]
            }
            if let mark = LaTeXText.marks[name] { return [mark(argument())] }
            switch name {
            case "url": return [.text(argument().plainCharacters)]
            case "href":
                let url = argument().plainCharacters
                return [.link(url: url, argument())]
            case "mkbibquote", "enquote": return [.quoted(argument())]
            case "textrm", "textnormal", "textup", "mbox", "text", "textmd", "textsf", "texttt", "hbox", "ensuremath", "NoCaseChange":
                return argument()
            case "em", "it", "itshape": return []
            case "bf", "bfseries", "sc", "scshape", "relax", "protect", "noopsort": return []
            default:
                // An unknown command: its name goes, its argument (if braced) stays.
                if i < chars.count, chars[i] == " " { i += 1 }
                return []
            }
        }
    }
}

extension LaTeXText {
    /// A URL field: written verbatim, only `\_`, `\%`, `\&`, `\#` and `\~` unescaped.
    static func urlText(_ raw: String) -> String {
        var out = ""
        var escape = false
        for c in raw.trimmingSpaces {
            if escape {
                out.append(c)
                escape = false
            } else if c == "\\" {
                escape = true
            } else if c != "{" && c != "}" {
                out.append(c)
            }
        }
        return out
    }
}
