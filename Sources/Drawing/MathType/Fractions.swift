/// \frac, \tfrac, \dfrac, \binom and friends (TeXbook Appendix G rule 15).
extension Commands {
    static let fractionCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let kinds: [(String, Bool, MathStyle.Level?, Unicode.Scalar?, Unicode.Scalar?)] = [
            ("frac", true, nil, nil, nil), ("tfrac", true, .text, nil, nil), ("dfrac", true, .display, nil, nil),
            ("cfrac", true, .display, nil, nil),
            ("binom", false, nil, "(", ")"), ("tbinom", false, .text, "(", ")"), ("dbinom", false, .display, "(", ")"),
        ]
        for (name, bar, style, left, right) in kinds {
            t[name] = { p, tok in
                let num = try p.parseArgument(after: tok)
                let den = try p.parseArgument(after: tok)
                return .fraction(num: num, den: den, bar: bar, style: style, left: left, right: right)
            }
        }
        return t
    }()
}

extension Typesetter {
    func fraction(
        num: [MathNode], den: [MathNode], bar: Bool, forced: MathStyle.Level?,
        left: Unicode.Scalar?, right: Unicode.Scalar?, _ outer: MathStyle
    ) -> Box {
        let style = forced.map { MathStyle(level: $0, cramped: outer.cramped) } ?? outer
        let s = scale(style)
        let display = style.isDisplay
        var n = list(num, style.num), d = list(den, style.den)
        let width = max(n.width, d.width)
        let axis = c.axisHeight * s
        var u: Double, v: Double
        var barBox: Box?
        let thickness = c.fractionRuleThickness * s
        if bar {
            u = (display ? c.fractionNumeratorDisplayStyleShiftUp : c.fractionNumeratorShiftUp) * s
            v = (display ? c.fractionDenominatorDisplayStyleShiftDown : c.fractionDenominatorShiftDown) * s
            let numGap = (display ? c.fractionNumDisplayStyleGapMin : c.fractionNumeratorGapMin) * s
            let denGap = (display ? c.fractionDenomDisplayStyleGapMin : c.fractionDenominatorGapMin) * s
            // The bar is centred on the axis; numerator and denominator keep their minimum gaps to it.
            u = max(u, axis + thickness / 2 + numGap + n.depth)
            v = max(v, d.height + denGap - axis + thickness / 2)
            barBox = .rule(width: width, thickness: thickness)
        } else {
            u = (display ? c.stackTopDisplayStyleShiftUp : c.stackTopShiftUp) * s
            v = (display ? c.stackBottomDisplayStyleShiftDown : c.stackBottomShiftDown) * s
            let gap = (display ? c.stackDisplayStyleGapMin : c.stackGapMin) * s
            let actual = (u - n.depth) - (d.height - v)
            if actual < gap { u += (gap - actual) / 2; v += (gap - actual) / 2 }
        }
        n.isCharacter = false; d.isCharacter = false
        var box = Box(width: width, height: u + n.height, depth: v + d.depth)
        box.add(n, dx: (width - n.width) / 2, dy: u)
        box.add(d, dx: (width - d.width) / 2, dy: -v)
        if let barBox { box.add(barBox, dx: 0, dy: axis - thickness / 2) }
        box.height = max(box.height, axis + thickness / 2)

        // Null delimiters (or the parentheses of \binom) on both sides.
        let delimTotal = (display ? 2.39 : 1.01) * s
        var out = left == nil ? Box.kern(0.12 * s) : delimiter(left, total: max(delimTotal, box.height + box.depth), style)
        out.isCharacter = false
        out.append(box)
        out.append(right == nil ? Box.kern(0.12 * s) : delimiter(right, total: max(delimTotal, box.height + box.depth), style))
        return out
    }

}
