import Graphics

/// \text and friends: upright text shaped by HarfBuzz with the math font's own Latin letters
/// (Latin Modern Math carries Latin Modern Roman's), so text and math share one font file.
extension Commands {
    static let textCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        for name in ["text", "textrm", "mbox", "textup", "textnormal", "hbox"] {
            t[name] = { p, tok in .text(Commands.plainText(try p.rawArgument(after: tok))) }
        }
        // Styled text through the math alphabets (the math font has no separate text italics).
        let styled: [String: Alphabet] = ["textit": .italic, "textbf": .bold, "textsf": .sansSerif, "texttt": .monospace, "emph": .italic]
        for (name, alphabet) in styled {
            t[name] = { p, tok in
                let text = Commands.plainText(try p.rawArgument(after: tok))
                return .group(text.unicodeScalars.map { c in
                    c == " " ? .space(em: 0.333) : .symbol(c, .ord, Symbols.alphabetFor(c, alphabet) ?? alphabet)
                })
            }
        }
        return t
    }()
}

extension Typesetter {
    /// A run of upright text at the style's size.
    func text(_ s: String, _ style: MathStyle) -> Box {
        let k = scale(style)
        let shaped = font.shape(s)
        var box = Box(width: shaped.width * k)
        for g in shaped.glyphs {
            let m = font.metrics(g.id)
            box.items.append(.glyph(id: g.id, x: g.x * k, y: g.y * k, scale: k, color: nil))
            box.height = max(box.height, (m.height + g.y) * k)
            box.depth = max(box.depth, (m.depth - g.y) * k)
        }
        return box
    }

    /// A visible error: the message in red inside a red frame, so a bad formula is never silent.
    func errorBox(_ message: String, _ style: MathStyle) -> Box {
        let inner = text(message, MathStyle(level: .script, cramped: false)).colored(Color(hex: 0xB00000))
        let pad = 0.15, line = 0.05
        let red = Color(hex: 0xCC0000)
        let w = inner.width + 2 * pad
        let h = inner.height + pad, d = inner.depth + pad
        var box = Box(width: w, height: h, depth: d)
        box.items.append(.rule(x: 0, y: -d, width: w, height: h + d, color: Color(hex: 0xFFE8E8)))
        box.add(inner, dx: pad, dy: 0)
        box.items.append(.rule(x: 0, y: -d, width: w, height: line, color: red))
        box.items.append(.rule(x: 0, y: h - line, width: w, height: line, color: red))
        box.items.append(.rule(x: 0, y: -d, width: line, height: h + d, color: red))
        box.items.append(.rule(x: w - line, y: -d, width: line, height: h + d, color: red))
        return box
    }
}
