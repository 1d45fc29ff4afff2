/// TeX's atom classes: they decide the space between neighbours (TeXbook ch. 18, Appendix G).
public enum AtomClass: Int, CaseIterable, Sendable {
    case ord, op, bin, rel, open, close, punct, inner
}

/// TeX's four styles; cramped styles keep superscripts low (under bars, in denominators).
public struct MathStyle: Equatable, Sendable {
    public enum Level: Int, Sendable { case display, text, script, scriptScript }
    public var level: Level
    public var cramped: Bool

    public static let display = MathStyle(level: .display, cramped: false)
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
