import Graphics

/// \text and friends: upright text shaped by HarfBuzz with the math font's own Latin letters
/// (Latin Modern Math carries Latin Modern Roman's), so text and math share one font file.
extension Commands {
    static let textCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        for name in ["text", "textrm", "mbox", "textup", "textnormal", "hbox"] {
            t[name] = { p, tok in
                guard let (raw, start) = p.lexer.rawGroup() else {
                    throw p.fail(tok.offset, "\(Parser.describe(tok)) needs a braced argument")
                }
                return try p.textWithMath(raw, offset: start + 1)
            }
        }
        // Styled text through the math alphabets (the math font has no separate text italics).
        let styled: [String: Alphabet] = ["textit": .italic, "textbf": .bold, "textsf": .sansSerif, "texttt": .monospace, "emph": .italic]
        for (name, alphabet) in styled {
            t[name] = { p, tok in
                let text = Commands.plainText(try p.rawArgument(after: tok))
                return .group(
                    text.unicodeScalars.map { c in
                        c == " " ? .space(em: 0.333) : .symbol(c, .ord, Symbols.alphabetFor(c, alphabet) ?? alphabet)
                    })
            }
        }
        return t
    }()
}

extension Parser {
    /// Text with `$…$` math inside (`\text{if $x > 0$}`): text runs and math lists in turn.
    /// `offset` is where `raw` starts in the source, so errors inside keep their true location.
    mutating func textWithMath(_ raw: String, offset: Int) throws -> MathNode {
        var pieces: [MathNode] = []
        var segment = "", segmentStart = 0, inMath = false, escaped = false
        for (i, c) in raw.unicodeScalars.enumerated() {
            if c == "$" && !escaped {
                if inMath {
                    var inner = Parser(segment)
                    inner.depth = depth + 1
                    do {
                        let list = try inner.parseList()
                        let end = inner.lexer.next()
                        if end.kind != .end { throw inner.unexpected(end) }
                        pieces.append(.group(list))
                    } catch let e as MathError {
                        throw fail(offset + segmentStart + e.offset, e.message)
                    }
                } else if !segment.isEmpty {
                    pieces.append(.text(Commands.plainText(segment)))
                }
                inMath.toggle()
                segment = ""
                segmentStart = i + 1
                continue
            }
            escaped = c == "\\" && !escaped
            segment.unicodeScalars.append(c)
        }
        if inMath { throw fail(offset + segmentStart - 1, "'$' in \\text is never closed") }
        if !segment.isEmpty { pieces.append(.text(Commands.plainText(segment))) }
        return pieces.count == 1 ? pieces[0] : .group(pieces)
    }
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
