/// \mathbf, \mathbb, \mathcal, …: letters, digits and Greek map to Unicode Mathematical
/// Alphanumeric Symbols (U+1D400…), which OpenType math fonts draw in the matching style.
enum Alphabets {
    /// Code points the Mathematical Alphanumeric block leaves out because they existed earlier.
    private static let holes: [Alphabet: [Unicode.Scalar: UInt32]] = [
        .italic: ["h": 0x210E],
        .script: [
            "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
            "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
        ],
        .fraktur: ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128],
        .doubleStruck: ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124],
    ]
    /// First code point of A, a and 0 in each alphabet (nil: the alphabet has none).
    private static let starts: [Alphabet: (upper: UInt32, lower: UInt32, digit: UInt32?)] = [
        .bold: (0x1D400, 0x1D41A, 0x1D7CE), .italic: (0x1D434, 0x1D44E, nil), .boldItalic: (0x1D468, 0x1D482, 0x1D7CE),
        .script: (0x1D49C, 0x1D4B6, nil), .fraktur: (0x1D504, 0x1D51E, nil), .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8),
        .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2), .monospace: (0x1D670, 0x1D68A, 0x1D7F6),
    ]
    /// First code point of Α and α in the Greek alphabets.
    private static let greekStarts: [Alphabet: (upper: UInt32, lower: UInt32)] = [
        .bold: (0x1D6A8, 0x1D6C2), .italic: (0x1D6E2, 0x1D6FC), .boldItalic: (0x1D71C, 0x1D736),
    ]
    /// Greek symbols that follow ω in each Greek alphabet: ∂ ϵ ϑ ϰ ϕ ϱ ϖ (and ∇ after Ω).
    private static let greekTail: [UInt32] = [0x2202, 0x3F5, 0x3D1, 0x3F0, 0x3D5, 0x3F1, 0x3D6]

    static func map(_ c: Unicode.Scalar, _ alphabet: Alphabet?) -> Unicode.Scalar {
        guard let alphabet, alphabet != .roman else { return c }
        if let hole = holes[alphabet]?[c] { return Unicode.Scalar(hole)! }
        let v = c.value
        if let s = starts[alphabet] {
            if c >= "A" && c <= "Z" { return Unicode.Scalar(s.upper + v - 0x41) ?? c }
            if c >= "a" && c <= "z" { return Unicode.Scalar(s.lower + v - 0x61) ?? c }
            if c >= "0" && c <= "9" { return s.digit.flatMap { Unicode.Scalar($0 + v - 0x30) } ?? c }
        }
        if let s = greekStarts[alphabet] {
            if v >= 0x391 && v <= 0x3A9 { return Unicode.Scalar(s.upper + v - 0x391) ?? c }
            if c == "\u{2207}" { return Unicode.Scalar(s.upper + 25) ?? c }
            if v >= 0x3B1 && v <= 0x3C9 { return Unicode.Scalar(s.lower + v - 0x3B1) ?? c }
            if let i = greekTail.firstIndex(of: v) { return Unicode.Scalar(s.lower + 25 + UInt32(i)) ?? c }
        }
        return c
    }
}

extension Commands {
    static let alphabetCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let table: [String: Alphabet] = [
            "mathbf": .bold, "mathbb": .doubleStruck, "mathcal": .script, "mathscr": .script,
            "mathfrak": .fraktur, "mathsf": .sansSerif, "mathtt": .monospace, "mathit": .italic, "mathrm": .roman,
            "boldsymbol": .boldItalic, "bm": .boldItalic, "mathnormal": .italic, "Bbb": .doubleStruck,
            "bold": .bold, "frak": .fraktur, "mathup": .roman,
        ]
        for (name, alphabet) in table {
            t[name] = { p, tok in
                let saved = p.alphabet
                p.alphabet = alphabet
                defer { p.alphabet = saved }
                // \boldsymbol keeps uppercase Greek upright (bold), like TeX's bold math.
                return .group(
                    try p.parseArgument(after: tok).map { node in
                        if alphabet == .boldItalic, case .symbol(let c, let cls, _) = node, c.value >= 0x391, c.value <= 0x3A9 {
                            return .symbol(c, cls, .bold)
                        }
                        if alphabet == .roman || alphabet == .bold, case .symbol(let c, let cls, _) = node,
                            c.value >= 0x3B1, c.value <= 0x3F5, alphabet == .roman
                        {
                            return .symbol(c, cls, nil)
                        }
                        return node
                    })
            }
        }
        return t
    }()
}
