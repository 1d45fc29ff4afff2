/// \sqrt and \sqrt[n] (TeXbook rule 11, with the MATH table's radical constants).
extension Commands {
    static let radicalCommands: [String: CommandHandler] = [
        "sqrt": { p, tok in
            let index = try p.parseOptional()
            return .radical(body: try p.parseArgument(after: tok), index: index)
        }
    ]
}

extension Typesetter {
    func radical(body: [MathNode], index: [MathNode]?, _ style: MathStyle) -> Box {
        let s = scale(style)
        var inner = list(body, style.cramp)
        inner.isCharacter = false
        let thickness = c.radicalRuleThickness * s
        let gap = (style.isDisplay ? c.radicalDisplayStyleVerticalGap : c.radicalVerticalGap) * s
        let sign = verticalGlyph("\u{221A}", atLeast: inner.height + inner.depth + gap + thickness, style)
        // Top of the sign carries the overbar; extra space goes into the gap (rule 11).
        let signTotal = sign.height + sign.depth
        let extra = max(0, (signTotal - thickness - gap - inner.height - inner.depth) / 2)
        let barBottom = inner.height + gap + extra
        let signShift = barBottom + thickness - sign.height

        var box = Box()
        var degreeWidth = 0.0
        if let index {
            // The degree sits in scriptscript style, raised by a percentage of the sign's height.
            var deg = list(index, MathStyle(level: .scriptScript, cramped: true))
            deg.isCharacter = false
            let before = c.radicalKernBeforeDegree * s, after = c.radicalKernAfterDegree * s
            let raise = c.radicalDegreeBottomRaisePercent / 100 * signTotal + (signShift - sign.depth)
            box.add(deg, dx: before, dy: raise)
            degreeWidth = max(0, before + deg.width + after)
            box.height = max(box.height, raise + deg.height)
        }
        box.add(sign, dx: degreeWidth, dy: signShift)
        let x = degreeWidth + sign.width
        box.add(.rule(width: inner.width, thickness: thickness), dx: x, dy: barBottom)
        box.add(inner, dx: x, dy: 0)
        box.width = x + inner.width
        box.height = max(box.height, barBottom + thickness + c.radicalExtraAscender * s)
        box.depth = max(inner.depth, sign.depth - signShift)
        return box
    }
}
