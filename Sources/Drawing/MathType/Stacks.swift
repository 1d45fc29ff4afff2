/// \overset, \underset, \stackrel, \overbrace, \underbrace, \substack: things stacked over a base.
extension Commands {
    static let stackCommands: [String: CommandHandler] = [
        "overset": { p, tok in
            let over = try p.parseArgument(after: tok)
            return .stack(body: try p.parseArgument(after: tok), over: over, under: nil)
        },
        "underset": { p, tok in
            let under = try p.parseArgument(after: tok)
            return .stack(body: try p.parseArgument(after: tok), over: nil, under: under)
        },
        "stackrel": { p, tok in
            let over = try p.parseArgument(after: tok)
            return .classed(.rel, [.stack(body: try p.parseArgument(after: tok), over: over, under: nil)])
        },
        "xrightarrow": { p, tok in
            let under = try p.parseOptional()
            return .extensibleArrow("\u{2192}", over: try p.parseArgument(after: tok), under: under)
        },
        "xleftarrow": { p, tok in
            let under = try p.parseOptional()
            return .extensibleArrow("\u{2190}", over: try p.parseArgument(after: tok), under: under)
        },
        "xmapsto": { p, tok in
            let under = try p.parseOptional()
            return .extensibleArrow("\u{21A6}", over: try p.parseArgument(after: tok), under: under)
        },
        "xRightarrow": { p, tok in
            let under = try p.parseOptional()
            return .extensibleArrow("\u{21D2}", over: try p.parseArgument(after: tok), under: under)
        },
        "overbrace": { p, tok in .brace("\u{23DE}", body: try p.parseArgument(after: tok), over: true) },
        "underbrace": { p, tok in .brace("\u{23DF}", body: try p.parseArgument(after: tok), over: false) },
        "substack": { p, tok in
            // Rows separated by \\, centred, for multi-line limits.
            guard p.lexer.next().kind == .open else { throw p.fail(tok.offset, "\\substack needs a braced argument") }
            p.environmentDepth += 1
            defer { p.environmentDepth -= 1 }
            var rows: [[[MathNode]]] = []
            while true {
                rows.append([try p.parseList()])
                let t = p.lexer.next()
                if t.kind == .close { break }
                if t.kind != .command("\\") {
                    if t.kind == .end { throw p.fail(tok.offset, "unbalanced braces: \\substack{ is never closed") }
                    throw p.unexpected(t)
                }
            }
            return .array(ArrayEnv(rows: rows, align: [.center], columnGap: 0, cellStyle: .script, extraRowGap: -0.5))
        },
    ]
}

extension Typesetter {
    func stack(body: [MathNode], over: [MathNode]?, under: [MathNode]?, _ style: MathStyle) -> (AtomClass?, Box) {
        let cls: AtomClass = body.count == 1 ? (atom(body[0], style).cls ?? .ord) : .ord
        var base = list(body, style)
        base.width -= base.italic
        base.isCharacter = false
        let s = scale(style)
        let overBox = over.map { list($0, style.sup) }
        let underBox = under.map { list($0, style.sub) }
        let width = max(base.width, overBox?.width ?? 0, underBox?.width ?? 0)
        var box = Box(width: width, height: base.height, depth: base.depth)
        box.add(base, dx: (width - base.width) / 2, dy: 0)
        if let o = overBox {
            let shift = base.height + max(c.upperLimitGapMin * s + o.depth, c.stretchStackGapAboveMin * s + o.depth)
            box.add(o, dx: (width - o.width) / 2, dy: shift)
            box.height = shift + o.height
        }
        if let u = underBox {
            let shift = base.depth + max(c.lowerLimitGapMin * s + u.height, c.stretchStackGapBelowMin * s + u.height)
            box.add(u, dx: (width - u.width) / 2, dy: -shift)
            box.depth = shift + u.depth
        }
        return (cls, box)
    }

    /// A horizontal brace grown to the body, with an optional script-style label beyond it.
    func brace(_ ch: Unicode.Scalar, body: [MathNode], over: Bool, label: Box?, _ style: MathStyle) -> Box {
        let s = scale(style)
        var base = list(body, style)
        base.isCharacter = false
        let brace = horizontalGlyph(ch, atLeast: base.width, style)
        let width = max(base.width, brace.width, label?.width ?? 0)
        var box = Box(width: width, height: base.height, depth: base.depth)
        box.add(base, dx: (width - base.width) / 2, dy: 0)
        let gap = c.stretchStackGapAboveMin * s
        if over {
            let y = base.height + gap + brace.depth
            box.add(brace, dx: (width - brace.width) / 2, dy: y)
            box.height = y + brace.height
            if let label {
                let ly = box.height + c.stretchStackGapAboveMin * s + label.depth
                box.add(label, dx: (width - label.width) / 2, dy: ly)
                box.height = ly + label.height
            }
        } else {
            let y = -(base.depth + gap + brace.height)
            box.add(brace, dx: (width - brace.width) / 2, dy: y)
            box.depth = -y + brace.depth
            if let label {
                let ly = -(box.depth + c.stretchStackGapBelowMin * s + label.height)
                box.add(label, dx: (width - label.width) / 2, dy: ly)
                box.depth = -ly + label.depth
            }
        }
        return box
    }
}

extension Typesetter {
    /// An arrow at least as long as its labels (plus 0.5 em each side, like amsmath), on the axis.
    func extensibleArrow(_ ch: Unicode.Scalar, over: [MathNode], under: [MathNode]?, _ style: MathStyle) -> Box {
        let s = scale(style)
        var top = list(over, style.sup), bottom = under.map { list($0, style.sub) }
        top.isCharacter = false
        bottom?.isCharacter = false
        let target = max(top.width, bottom?.width ?? 0) + 1.0 * s
        var arrow = horizontalGlyph(ch, atLeast: max(target, 1.5 * s), style)
        arrow.isCharacter = false
        let width = max(arrow.width, target)
        var box = Box(width: width, height: arrow.height, depth: arrow.depth)
        box.add(arrow, dx: (width - arrow.width) / 2, dy: 0)
        let up = arrow.height + c.stretchStackGapAboveMin * s + top.depth
        box.add(top, dx: (width - top.width) / 2, dy: up)
        box.height = up + top.height
        if let bottom {
            let down = arrow.depth + c.stretchStackGapBelowMin * s + bottom.height
            box.add(bottom, dx: (width - bottom.width) / 2, dy: -down)
            box.depth = down + bottom.depth
        }
        return box
    }
}
