/// Parses one command: called after the command token is consumed, returns the atom it makes.
typealias CommandHandler = (inout Parser, Token) throws -> MathNode

/// The registry of commands with arguments (KaTeX's `defineFunction`): each construct family
/// contributes its own table, in its own file, next to the code that lays the construct out.
enum Commands {
    static let registry: [String: CommandHandler] = {
        var all: [String: CommandHandler] = [:]
        for family in [
            fractionCommands, radicalCommands, accentCommands, delimiterCommands, operatorCommands,
            environmentCommands, alphabetCommands, spacingCommands, stackCommands, textCommands,
            classCommands, boxCommands,
        ] {
            all.merge(family) { first, _ in first }
        }
        return all
    }()

    /// \mathrel, \mathbin, …, \not, \tag, \textcolor: commands that only wrap or tweak atoms.
    static let classCommands: [String: CommandHandler] = {
        var t: [String: CommandHandler] = [:]
        let classes: [String: AtomClass] = [
            "mathord": .ord, "mathbin": .bin, "mathrel": .rel,
            "mathopen": .open, "mathclose": .close, "mathpunct": .punct,
            "mathinner": .inner,
        ]
        for (name, cls) in classes {
            t[name] = { p, tok in .classed(cls, try p.parseArgument(after: tok)) }
        }
        t["mathop"] = { p, tok in .largeOp(.list(try p.parseArgument(after: tok)), limits: nil) }
        t["not"] = { p, tok in
            let arg = try p.parseArgument(after: tok)
            guard arg.count == 1, case .symbol(let c, _, _) = arg[0], let n = Symbols.negations[c] else {
                throw p.fail(tok.offset, "\\not cannot negate this symbol (use \\neq, \\notin, …)")
            }
            return .symbol(n, .rel, nil)
        }
        t["tag"] = { p, tok in
            let star = p.lexer.peek().kind == .char("*")
            if star { _ = p.lexer.next() }
            let label = try p.rawArgument(after: tok)
            p.tag = star ? label : "(\(label))"
            return .group([])
        }
        t["textcolor"] = { p, tok in
            let color = try p.colorArgument(tok)
            return .colored(color, try p.parseArgument(after: tok))
        }
        return t
    }()
}
