import Graphics

/// Alphabets of `\mathbf`, `\mathbb`, …: letters map to Unicode Mathematical Alphanumeric Symbols.
enum Alphabet: Equatable {
    case italic, roman, bold, boldItalic, script, fraktur, doubleStruck, sansSerif, monospace
}

/// One element of a parsed math list, before layout.
indirect enum MathNode {
    /// A character of the math font with its class; `alphabet` maps letters and Greek.
    case symbol(Unicode.Scalar, AtomClass, Alphabet?)
    /// A braced group: lays out as one ord atom.
    case group([MathNode])
    case scripts(base: MathNode?, sub: [MathNode]?, sup: [MathNode]?)
    case fraction(num: [MathNode], den: [MathNode], bar: Bool, style: MathStyle.Level?, left: Unicode.Scalar?, right: Unicode.Scalar?)
    case radical(body: [MathNode], index: [MathNode]?)
    /// An accent over the body; `stretch` grows it to the body's width (\widehat).
    case accent(Unicode.Scalar, body: [MathNode], stretch: Bool)
    case overline([MathNode]), underline([MathNode])
    /// A horizontal brace (\overbrace, \underbrace) grown to the body; scripts on it go above/below.
    case brace(Unicode.Scalar, body: [MathNode], over: Bool)
    /// \left … \middle … \right: delimiters (nil for `.`) grown to the inner list.
    case leftRight(left: Unicode.Scalar?, body: [[MathNode]], middles: [Unicode.Scalar?], right: Unicode.Scalar?)
    /// \big, \Bigl, …: a delimiter of a fixed size (in ems) and class.
    case sizedDelimiter(Unicode.Scalar?, size: Double, AtomClass)
    /// A large operator (∑, ∫) or a named one (`sin`, `lim`); `limits` nil means TeX's default.
    case largeOp(LargeOp, limits: Bool?)
    case space(em: Double)
    /// Upright text from the text font (\text); italic for \textit.
    case text(String)
    case styled(MathStyle.Level, [MathNode])
    /// A list set as one atom of the given class (\mathrel, \mathbin, \stackrel's result…).
    case classed(AtomClass, [MathNode])
    /// \overset / \underset / \stackrel: `body` with a script-style label above or below.
    case stack(body: [MathNode], over: [MathNode]?, under: [MathNode]?)
    case array(ArrayEnv)
    case colored(Color, [MathNode])
    case error(MathError)
    /// A box of the body's size that draws nothing (\phantom) or keeps only some dimensions.
    case phantom([MathNode], width: Bool, height: Bool)
    /// The body with its height and depth ignored (\smash).
    case smash([MathNode])
    /// The body in a frame (\boxed).
    case boxed([MathNode])
    /// An arrow stretched under or over labels (\xrightarrow[below]{above}).
    case extensibleArrow(Unicode.Scalar, over: [MathNode], under: [MathNode]?)
}

enum LargeOp {
    case symbol(Unicode.Scalar, integral: Bool)
    /// An upright name; `displayLimits` for \lim-like names (\max, \sup), not \sin-like ones.
    case named(String, displayLimits: Bool)
    /// Any list made an operator with \mathop{…}: limits in display style, like TeX's \displaylimits.
    case list([MathNode])
    /// Default: limits in display style (∑, lim), never for integrals and \sin-like names.
    func defaultLimits(_ style: MathStyle) -> Bool {
        switch self {
        case .symbol(_, let integral): return style.isDisplay && !integral
        case .named(_, let limits): return style.isDisplay && limits
        case .list: return style.isDisplay
        }
    }
}

/// A parsed matrix-like environment: rows of cells, column alignment, spacing and fences.
struct ArrayEnv {
    enum Align { case left, center, right }
    var rows: [[[MathNode]]]
    var align: [Align]
    /// Alternating right/left columns with no gap inside a pair (aligned).
    var alignedPairs = false
    var columnGap = 1.0
    var cellStyle: MathStyle.Level = .text
    var extraRowGap = 0.0
    var left: Unicode.Scalar?
    var right: Unicode.Scalar?
    /// Column boundaries (0 = left edge) with a vertical rule, from `|` in an array's spec.
    var verticalRules: [Int] = []
    /// Row boundaries (0 = top) with a horizontal rule, from `\hline`.
    var horizontalRules: [Int] = []
    /// The length of `\\[len]` after each row, in ems (0 where the row ended with a plain `\\`).
    var rowSpace: [Double] = []
    /// How `\\[len]` adds its room: LaTeX's array (cases, matrices) deepens the row's strut
    /// to `len` below its depth; amsmath's aligned and gathered skip `len` more.
    var rowSpaceIsSkip = false
    /// LaTeX's \arraystretch: the struts grow by it (amsmath's cases sets 1.2).
    var arrayStretch = 1.0
    /// The least room between one row's lowest mark and the next row's highest, in ems: TeX's
    /// \lineskip, so a tall row (a \dfrac) never touches the next.
    var minimumRowGap = 0.1
}
