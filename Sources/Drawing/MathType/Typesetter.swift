import Graphics

/// Lays a math list out into boxes (TeXbook Appendix G, with OpenType MATH constants).
///
/// This is the core: styles, glyph boxes and the horizontal list with TeX's inter-atom spacing.
/// Each construct (fractions, scripts, radicals, …) is laid out in its family's file.
struct Typesetter {
    let font: MathFont
    var c: MathConstants { font.constants }

    /// Size of a style relative to the formula's size (scriptPercentScaleDown, …).
    func scale(_ s: MathStyle) -> Double {
        switch s.level {
        case .display, .text: 1
        case .script: c.scriptPercentScaleDown / 100
        case .scriptScript: c.scriptScriptPercentScaleDown / 100
        }
    }

    /// One glyph at the style's size. Its width includes the italic correction (TeX rule 17);
    /// scripts take it back out for subscripts.
    func glyphBox(_ g: UInt32, _ style: MathStyle) -> Box {
        let s = scale(style)
        let m = font.metrics(g)
        var b = Box(
            width: (m.advance + m.italic) * s, height: m.height * s, depth: m.depth * s,
            items: [.glyph(id: g, x: 0, y: 0, scale: s, color: nil)])
        b.italic = m.italic * s
        b.topAccent = m.topAccent * s
        b.isCharacter = true
        return b
    }

    /// A character in an alphabet; falls back to the plain character when the font lacks the styled one.
    func charBox(_ ch: Unicode.Scalar, _ alphabet: Alphabet?, _ style: MathStyle) -> Box {
        let mapped = Alphabets.map(ch, alphabet)
        let level = style.level == .script ? 1 : style.level == .scriptScript ? 2 : 0
        let g = font.scriptGlyph(for: mapped, level: level) ?? font.scriptGlyph(for: ch, level: level) ?? 0
        return glyphBox(g, style)
    }

    /// A horizontal list: atoms side by side with TeX's spacing between their classes.
    func list(_ nodes: [MathNode], _ style: MathStyle) -> Box {
        // Kept apart from `listWithBreaks`: this one recurses (through atoms) for every level
        // of nesting, and its frame size bounds the deepest formula (ErrorTests).
        var atoms: [(cls: AtomClass?, box: Box)] = nodes.map { atom($0, style) }
        resolveClasses(&atoms)
        var out = Box()
        var prevCls: AtomClass?
        for a in atoms {
            if let cls = a.cls {
                if let prevCls { out.append(.kern(Spacing.between(prevCls, cls, style) * scale(style))) }
                prevCls = cls
            }
            out.append(a.box)
        }
        if atoms.count == 1 { return atoms[0].box }
        return out
    }

    /// Rules 5 and 6: a binary operator with nothing to operate on becomes ordinary.
    func resolveClasses(_ atoms: inout [(cls: AtomClass?, box: Box)]) {
        var previous: Int?
        for i in atoms.indices {
            guard let cls = atoms[i].cls else { continue }
            let prevCls = previous.map { atoms[$0].cls! }
            if cls == .bin, prevCls == nil || [.bin, .op, .rel, .open, .punct].contains(prevCls!) {
                atoms[i].cls = .ord
            }
            if [.rel, .close, .punct].contains(cls), let p = previous, prevCls == .bin { atoms[p].cls = .ord }
            previous = i
        }
        if let p = previous, atoms[p].cls == .bin { atoms[p].cls = .ord }
    }

    /// The formula's top-level list, with the places after its relations and binary operators
    /// where a line of text may break (MathBreaks.swift).
    func listWithBreaks(_ nodes: [MathNode], _ style: MathStyle) -> (box: Box, breaks: [MathBreakPoint]) {
        var atoms: [(cls: AtomClass?, box: Box)] = nodes.map { atom($0, style) }
        resolveClasses(&atoms)
        var out = Box()
        var prevCls: AtomClass?
        var breaks: [MathBreakPoint] = [], pending: (after: Double, penalty: Int)?
        for a in atoms {
            if let cls = a.cls {
                if let prevCls { out.append(.kern(Spacing.between(prevCls, cls, style) * scale(style))) }
                // TeX's rule (§761): no break between two relations, nor before punctuation.
                if let p = pending, cls != .rel || p.penalty != MathBreakPoint.relationPenalty, cls != .punct {
                    breaks.append(MathBreakPoint(after: p.after, next: out.width, penalty: p.penalty))
                }
                pending = nil
                prevCls = cls
            }
            out.append(a.box)
            if a.cls == .rel { pending = (out.width, MathBreakPoint.relationPenalty) }
            if a.cls == .bin { pending = (out.width, MathBreakPoint.binaryPenalty) }
        }
        if atoms.count == 1 { return (atoms[0].box, []) }
        return (out, breaks)
    }

    /// A list laid out as one ord atom that remembers nothing of its inside.
    func group(_ nodes: [MathNode], _ style: MathStyle) -> Box {
        var b = list(nodes, style)
        if nodes.count != 1 { b.isCharacter = false }
        return b
    }

    /// The atom class and box of one node (nil class: glue, invisible to spacing).
    func atom(_ node: MathNode, _ style: MathStyle) -> (cls: AtomClass?, box: Box) {
        switch node {
        case let .symbol(ch, cls, alphabet):
            return (cls, charBox(ch, alphabet, style))
        case .group(let list):
            return (.ord, group(list, style))
        case let .scripts(base, sub, sup):
            return scripts(base: base, sub: sub, sup: sup, style)
        case let .fraction(num, den, bar, forced, left, right):
            return (.inner, fraction(num: num, den: den, bar: bar, forced: forced, left: left, right: right, style))
        case let .radical(body, index):
            return (.ord, radical(body: body, index: index, style))
        case let .accent(ch, body, stretch):
            return (.ord, accent(ch, body: body, stretch: stretch, style))
        case .overline(let body):
            return (.ord, overline(body, style))
        case .underline(let body):
            return (.ord, underline(body, style))
        case let .brace(ch, body, over):
            return (.op, brace(ch, body: body, over: over, label: nil, style))
        case let .leftRight(left, body, middles, right):
            return (.inner, leftRight(left: left, body: body, middles: middles, right: right, style))
        case let .sizedDelimiter(ch, size, cls):
            return (cls, sizedDelimiter(ch, size: size, style))
        case let .largeOp(op, _):
            return (.op, largeOp(op, style).box)
        case .space(let em):
            return (nil, .kern(em * scale(style)))
        case .text(let s):
            return (.ord, text(s, style))
        case let .styled(level, list):
            return (.ord, self.list(list, MathStyle(level: level, cramped: style.cramped)))
        case let .classed(cls, list):
            return (cls, group(list, style))
        case let .stack(body, over, under):
            return stack(body: body, over: over, under: under, style)
        case .array(let env):
            return (env.left == nil && env.right == nil ? .ord : .inner, array(env, style))
        case let .colored(color, list):
            return (.ord, self.list(list, style).colored(color))
        case .error(let e):
            return (.ord, errorBox(e.message, style))
        case let .phantom(body, width, height):
            return (.ord, phantom(body, width: width, height: height, style))
        case .smash(let body):
            return (.ord, smash(body, style))
        case .boxed(let body):
            return (.ord, boxed(body, style))
        case let .extensibleArrow(ch, over, under):
            return (.rel, extensibleArrow(ch, over: over, under: under, style))
        }
    }
}
