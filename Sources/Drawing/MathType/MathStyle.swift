/// TeX's atom classes: they decide the space between neighbours (TeXbook ch. 18, Appendix G).
public enum AtomClass: Int, CaseIterable, Sendable {
    /// Ordinary: letters, digits and most symbols (x, 1, ∞).
    case ord
    /// A large operator (∑, ∫, lim): thin space against ordinaries, limits in display.
    case op
    /// A binary operator (+, −, ×): a medium space on each side, unless it has no left operand.
    case bin
    /// A relation (=, <, →): a thick space on each side; a line may break after it.
    case rel
    /// An opening delimiter, such as `(`, `[` or `\{`: no space after it.
    case open
    /// A closing delimiter, such as `)`, `]` or `\}`: no space before it.
    case close
    /// Punctuation (the comma): a thin space after it, none before.
    case punct
    /// A delimited sub-formula (`\left( … \right)`) or a fraction: spaced like a small formula.
    case inner
}

/// TeX's four styles; cramped styles keep superscripts low (under bars, in denominators).
public struct MathStyle: Equatable, Sendable {
    /// TeX's style sizes, largest first; `rawValue` orders them.
    public enum Level: Int, Sendable {
        /// Display math (`$$…$$`, equations): big operators large with limits above and below, fractions' parts in text style.
        case display
        /// Inline math (`$…$`): big operators small with limits at the side, fractions' parts in script style.
        case text
        /// First-level sub- and superscripts, limits and inline fractions' parts (about 70 % of the size).
        case script
        /// Scripts of scripts and deeper (about 50 % of the size).
        case scriptScript
    }
    /// The style's size level: display, text, script or scriptscript.
    public var level: Level
    /// Whether the style is cramped (TeX's D′, T′, S′, S′′): superscripts sit lower, as under a
    /// radical or a bar and in denominators and subscripts.
    public var cramped: Bool

    /// Display style, uncramped: the style of a displayed equation.
    public static let display = MathStyle(level: .display, cramped: false)
    /// Text style, uncramped: the style of inline math.
    public static let text = MathStyle(level: .text, cramped: false)

    var isDisplay: Bool { level == .display }
    var isScript: Bool { level.rawValue >= 2 }
    var cramp: MathStyle { MathStyle(level: level, cramped: true) }
    /// Style of superscripts (TeX's sup(S)); subscripts use `sub`, which is also cramped.
    var sup: MathStyle { MathStyle(level: level.rawValue <= 1 ? .script : .scriptScript, cramped: cramped) }
    var sub: MathStyle { sup.cramp }
    /// Numerator and denominator styles of a fraction in this style.
    var num: MathStyle {
        MathStyle(level: level == .display ? .text : level == .text ? .script : .scriptScript, cramped: cramped)
    }
    var den: MathStyle { num.cramp }
}

extension MathStyle.Level: Comparable {
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
