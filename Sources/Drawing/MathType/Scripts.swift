/// Sub- and superscripts (TeXbook rule 18, with the MATH table's script constants), and the
/// operators whose scripts become limits.
extension Typesetter {
    func scripts(base: MathNode?, sub: [MathNode]?, sup: [MathNode]?, _ style: MathStyle) -> (AtomClass?, Box) {
        let supBox = sup.map { list($0, style.sup) }
        let subBox = sub.map { list($0, style.sub) }
        switch base {
        case let .largeOp(op, limits)?:
            let (box, italic) = largeOp(op, style)
            if limits ?? op.defaultLimits(style) {
                return (.op, self.limits(box, italic: italic, sup: supBox, sub: subBox, style))
            }
            return (.op, attach(box, sup: supBox, sub: subBox, style))
        case let .brace(ch, body, over)?:
            // \overbrace{…}^{label}, \underbrace{…}_{label}: the label goes on the brace's side.
            let label = over ? supBox : subBox
            var box = brace(ch, body: body, over: over, label: label, style)
            let other = over ? subBox : supBox
            if other != nil { box = attach(box, sup: over ? nil : other, sub: over ? other : nil, style) }
            return (.ord, box)
        default:
            let (cls, box) = base.map { atom($0, style) } ?? (.ord, Box())
            // Primes alone: Unicode math fonts draw ′ already raised and small, so it follows the
            // nucleus at full size (as MathML does) instead of shrinking into a superscript.
            if let sup, let first = sup.first, isPrime(first) {
                let count = sup.prefix(while: isPrime).count
                let primes = list(Array(sup.prefix(count)), style)
                let rest = Array(sup.dropFirst(count))
                if !rest.isEmpty {
                    // f'^2: the superscript follows the primes.
                    var primed = box
                    primed.append(primes)
                    primed.isCharacter = true  // keep the default shift, as TeX's f^{\prime 2} would
                    return (cls ?? .ord, attach(primed, sup: list(rest, style.sup), sub: subBox, style))
                }
                guard let subBox else {
                    var out = box
                    out.append(primes)
                    return (cls ?? .ord, out)
                }
                // h'_i: the subscript goes under the primes, as TeX stacks a superscript prime.
                var out = attach(box, sup: nil, sub: subBox, style)
                out.add(primes, dx: box.width, dy: 0)
                out.width = max(out.width, box.width + primes.width)
                out.height = max(out.height, primes.height)
                return (cls ?? .ord, out)
            }
            return (cls ?? .ord, attach(box, sup: supBox, sub: subBox, style))
        }
    }

    private func isPrime(_ n: MathNode) -> Bool {
        if case .symbol("\u{2032}", _, _) = n { return true }
        return false
    }

    /// Places scripts beside a nucleus. Character nuclei keep the default shifts; bigger
    /// nuclei push scripts out by their own height and depth (baseline drop constants).
    func attach(_ base: Box, sup: Box?, sub: Box?, _ style: MathStyle) -> Box {
        let s = scale(style)
        let supScale = scale(style.sup)
        var u = 0.0, v = 0.0
        if !base.isCharacter {
            u = base.height - c.superscriptBaselineDropMax * supScale
            v = base.depth + c.subscriptBaselineDropMin * supScale
        }
        let italic = base.italic
        var box = base
        box.isCharacter = false
        // Subscripts tuck under a slanted nucleus: they sit at the width without italic correction.
        let subX = base.width - italic
        let supX = base.width
        if let sup {
            let minShift = style.cramped ? c.superscriptShiftUpCramped : c.superscriptShiftUp
            u = max(u, minShift * s, sup.depth + c.superscriptBottomMin * s)
            if let sub {
                v = max(v, c.subscriptShiftDown * s)
                let gap = (u - sup.depth) - (sub.height - v)
                if gap < c.subSuperscriptGapMin * s {
                    v += c.subSuperscriptGapMin * s - gap
                    // Raise the superscript as far as superscriptBottomMaxWithSubscript allows.
                    let lift = c.superscriptBottomMaxWithSubscript * s - (u - sup.depth)
                    if lift > 0 { u += lift; v -= lift }
                    let gap2 = (u - sup.depth) - (sub.height - v)
                    if gap2 < c.subSuperscriptGapMin * s { v += c.subSuperscriptGapMin * s - gap2 }
                }
                box.add(sub, dx: subX, dy: -v)
                box.depth = max(box.depth, v + sub.depth)
            }
            box.add(sup, dx: supX, dy: u)
            box.height = max(box.height, u + sup.height)
            box.width = max(supX + sup.width, sub.map { subX + $0.width } ?? 0)
        } else if let sub {
            v = max(v, c.subscriptShiftDown * s, sub.height - c.subscriptTopMax * s)
            box.add(sub, dx: subX, dy: -v)
            box.depth = max(box.depth, v + sub.depth)
            box.width = subX + sub.width
        }
        box.width += c.spaceAfterScript * s
        box.italic = 0
        box.topAccent = nil
        return box
    }
}
