/// \phantom, \hphantom, \vphantom, \smash and \boxed: boxes that change what is seen or measured.
extension Commands {
    static let boxCommands: [String: CommandHandler] = [
        "phantom": { p, tok in .phantom(try p.parseArgument(after: tok), width: true, height: true) },
        "hphantom": { p, tok in .phantom(try p.parseArgument(after: tok), width: true, height: false) },
        "vphantom": { p, tok in .phantom(try p.parseArgument(after: tok), width: false, height: true) },
        "smash": { p, tok in .smash(try p.parseArgument(after: tok)) },
        "boxed": { p, tok in .boxed(try p.parseArgument(after: tok)) },
        "fbox": { p, tok in .boxed([.text(Commands.plainText(try p.rawArgument(after: tok)))]) },
        // \bmod is a binary "mod"; \pmod{n} and \pod{n} are parenthesised after a quad.
        "bmod": { _, _ in .classed(.bin, [.largeOp(.named("mod", displayLimits: false), limits: false)]) },
        "pmod": { p, tok in
            let arg = try p.parseArgument(after: tok)
            return .group(
                [
                    .space(em: 1), .symbol("(", .open, nil), .largeOp(.named("mod", displayLimits: false), limits: false),
                    .space(em: 1.0 / 3),
                ] + arg + [.symbol(")", .close, nil)])
        },
        "pod": { p, tok in
            .group([.space(em: 1), .symbol("(", .open, nil)] + (try p.parseArgument(after: tok)) + [.symbol(")", .close, nil)])
        },
        "notag": { _, _ in .group([]) },
        "nonumber": { _, _ in .group([]) },
    ]
}

extension Typesetter {
    func phantom(_ body: [MathNode], width: Bool, height: Bool, _ style: MathStyle) -> Box {
        let b = list(body, style)
        return Box(width: width ? b.width : 0, height: height ? b.height : 0, depth: height ? b.depth : 0)
    }

    func smash(_ body: [MathNode], _ style: MathStyle) -> Box {
        var b = list(body, style)
        b.height = 0
        b.depth = 0
        return b
    }

    /// A frame 3 pt from the content with a 0.4 pt rule (LaTeX's \fboxsep and \fboxrule at 10 pt).
    func boxed(_ body: [MathNode], _ style: MathStyle) -> Box {
        let s = scale(style)
        let inner = list(body, MathStyle(level: style.level == .display ? .display : .text, cramped: style.cramped))
        let pad = 0.3 * s, t = 0.04 * s
        let w = inner.width + 2 * (pad + t)
        let h = inner.height + pad + t, d = inner.depth + pad + t
        var box = Box(width: w, height: h, depth: d)
        box.add(inner, dx: pad + t, dy: 0)
        box.items.append(.rule(x: 0, y: -d, width: w, height: t, color: nil))
        box.items.append(.rule(x: 0, y: h - t, width: w, height: t, color: nil))
        box.items.append(.rule(x: 0, y: -d, width: t, height: h + d, color: nil))
        box.items.append(.rule(x: w - t, y: -d, width: t, height: h + d, color: nil))
        return box
    }
}
