internal import Foundation
/// \begin{…}…\end{…}: matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, cases, aligned, array…
extension Commands {
    static let environmentCommands: [String: CommandHandler] = [
        "begin": { p, tok in
            let name = try p.rawArgument(after: tok).trimmingCharacters(in: .whitespaces)
            guard var env = Commands.environments[name] else {
                throw p.fail(tok.offset, "unknown environment '\(name)'")
            }
            if name == "array" || name == "darray" {
                let spec = try p.rawArgument(after: tok)
                env.align = []
                for c in spec.unicodeScalars {
                    switch c {
                    case "l": env.align.append(.left)
                    case "c": env.align.append(.center)
                    case "r": env.align.append(.right)
                    case "|": env.verticalRules.append(env.align.count)
                    case " ": break
                    default: throw p.fail(tok.offset, "array column specification: unknown column type '\(c)'")
                    }
                }
                if env.align.isEmpty { throw p.fail(tok.offset, "array needs a column specification like {cc}") }
            }
            (env.rows, env.horizontalRules, env.rowSpace) = try p.parseRows(environment: name, openedAt: tok.offset)
            return .array(env)
        }
    ]

    /// Defaults of each environment; `align` repeats its last entry for extra columns.
    static let environments: [String: ArrayEnv] = {
        func m(_ l: Unicode.Scalar?, _ r: Unicode.Scalar?) -> ArrayEnv {
            ArrayEnv(rows: [], align: [.center], columnGap: 1.0, cellStyle: .text, left: l, right: r)
        }
        // amsmath's cases: an array with \arraystretch 1.2; rows of \dfrac at least
        // \lineskip + \jot apart, as amsmath's aligned sets them (LaTeX lets them touch).
        func cases(_ cellStyle: MathStyle.Level, left: Unicode.Scalar?, right: Unicode.Scalar?) -> ArrayEnv {
            var env = ArrayEnv(rows: [], align: [.left, .left], columnGap: 1.0, cellStyle: cellStyle, left: left, right: right)
            (env.arrayStretch, env.minimumRowGap) = (1.2, 0.4)
            return env
        }
        // amsmath's aligned and gathered: rows \jot apart; `\\[len]` skips len more.
        func aligned(pairs: Bool) -> ArrayEnv {
            var env = ArrayEnv(
                rows: [], align: pairs ? [.right, .left] : [.center], alignedPairs: pairs, columnGap: 0,
                cellStyle: .display, extraRowGap: 0.3)
            env.rowSpaceIsSkip = true
            return env
        }
        return [
            "matrix": m(nil, nil), "pmatrix": m("(", ")"), "bmatrix": m("[", "]"), "Bmatrix": m("{", "}"),
            "vmatrix": m("|", "|"), "Vmatrix": m("\u{2016}", "\u{2016}"),
            "smallmatrix": ArrayEnv(
                rows: [], align: [.center], columnGap: 0.55, cellStyle: .script, extraRowGap: -0.3),
            "cases": cases(.text, left: "{", right: nil),
            "dcases": cases(.display, left: "{", right: nil),
            "rcases": cases(.text, left: nil, right: "}"),
            "aligned": aligned(pairs: true), "align": aligned(pairs: true), "align*": aligned(pairs: true),
            "split": aligned(pairs: true), "gathered": aligned(pairs: false),
            "array": ArrayEnv(rows: [], align: [.center], columnGap: 1.0, cellStyle: .text),
            "darray": ArrayEnv(rows: [], align: [.center], columnGap: 1.0, cellStyle: .display),
        ]
    }()
}

extension Parser {
    /// Cells separated by `&`, rows by `\\`, up to the matching `\end{name}`.
    /// Rows, the row boundaries with `\hline`, and the length of `\\[len]` after each row (ems).
    mutating func parseRows(
        environment name: String, openedAt offset: Int
    ) throws -> (rows: [[[MathNode]]], hlines: [Int], rowSpace: [Double]) {
        environmentDepth += 1
        defer { environmentDepth -= 1 }
        var rows: [[[MathNode]]] = []
        var row: [[MathNode]] = []
        var hlines: [Int] = []
        var rowSpace: [Double] = []
        while true {
            if row.isEmpty {
                // \hline before a row: a rule at this row boundary.
                while lexer.peek().kind == .command("hline") {
                    _ = lexer.next()
                    hlines.append(rows.count)
                }
            }
            row.append(try parseList())
            let t = lexer.next()
            switch t.kind {
            case .ampersand:
                continue
            case .command("\\"), .command("cr"):
                rows.append(row); row = []
                rowSpace.append(try rowSpaceArgument())
            case .command("end"):
                let end = try rawArgument(after: t).trimmingCharacters(in: .whitespaces)
                guard end == name else { throw fail(t.offset, "\\begin{\(name)} ended by \\end{\(end)}") }
                if !(row.count == 1 && row[0].isEmpty) || rows.isEmpty { rows.append(row) }
                return (rows, hlines.map { min($0, rows.count) }, rowSpace)
            case .end:
                throw fail(offset, "\\begin{\(name)} without \\end{\(name)}")
            default:
                throw unexpected(t)
            }
        }
    }

    /// The optional length after `\\` (`\\[2ex]`, `\\[-1pt]`) in ems, 0 without one; an
    /// unreadable length is an error at its bracket, as LaTeX's "Missing number".
    mutating func rowSpaceArgument() throws -> Double {
        guard let (raw, at) = lexer.rawBracket() else { return 0 }
        guard let em = Commands.length(raw) else {
            throw fail(at, "cannot read the row space '\\\\[\(raw)]': a length like 2ex, 4pt or 0.5em")
        }
        guard abs(em) <= Commands.maxDimen else { throw fail(at, "dimension too large: '\(raw)' (TeX's limit is 16383.99998pt)") }
        return em
    }
}

extension Typesetter {
    /// Rows on a grid: columns as wide as their widest cell, rows at least a strut apart
    /// (LaTeX's array: 0.7/0.3 of a 1.2 em baselineskip), the whole centred on the axis.
    func array(_ env: ArrayEnv, _ style: MathStyle) -> Box {
        let s = scale(style)
        let cellStyle = MathStyle(level: max(env.cellStyle, style.level), cramped: false)
        // In aligned, the right-hand cell of a pair starts with an empty atom so `=` keeps its space.
        let cells = env.rows.map { row in
            row.enumerated().map { j, cell in
                list(env.alignedPairs && j % 2 == 1 ? [.group([])] + cell : cell, cellStyle)
            }
        }
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return Box() }
        func align(_ j: Int) -> ArrayEnv.Align {
            if env.alignedPairs { return j % 2 == 0 ? .right : .left }
            return j < env.align.count ? env.align[j] : env.align.last!
        }
        var widths = [Double](repeating: 0, count: columns)
        for row in cells { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.width) } }
        func gapBefore(_ j: Int) -> Double {
            guard j > 0 else { return 0 }
            if env.alignedPairs { return j % 2 == 0 ? 2 * s : 0 }
            return env.columnGap * s
        }
        let content: [(h: Double, d: Double)] = cells.map { row in (row.map(\.height).max() ?? 0, row.map(\.depth).max() ?? 0) }
        let rowSpace = cells.indices.map { $0 < env.rowSpace.count ? env.rowSpace[$0] * s : 0 }
        var rowMetrics = content
        var minimumGap = 0.0
        if env.cellStyle != .script {
            let strutHeight = 0.84 * env.arrayStretch * s, strutDepth = 0.36 * env.arrayStretch * s
            rowMetrics = content.indices.map { i in
                var d = max(strutDepth, content[i].d)
                // LaTeX's array: `\\[len]` ends the row with a strut `len` deeper than its own.
                if !env.rowSpaceIsSkip && rowSpace[i] > 0 { d = max(d, strutDepth + rowSpace[i]) }
                return (max(strutHeight, content[i].h), d)
            }
            minimumGap = env.minimumRowGap * s
        }
        let rowGap = env.extraRowGap * s + (env.cellStyle == .script ? 0.65 * s : 0)
        // Baselines from the first row's, down: struts apart, but never closer than the least
        // gap between the marks of two rows (TeX's \baselineskip and \lineskip).
        var baselines = [0.0]
        for i in rowMetrics.indices.dropFirst() {
            var distance = max(rowMetrics[i - 1].d + rowMetrics[i].h, content[i - 1].d + content[i].h + minimumGap) + rowGap
            if env.rowSpaceIsSkip || rowSpace[i - 1] < 0 { distance += rowSpace[i - 1] }
            baselines.append(baselines[i - 1] - distance)
        }
        var box = Box()
        var x0s: [Double] = []
        var x = 0.0
        for j in 0..<columns { x += gapBefore(j); x0s.append(x); x += widths[j] }
        box.width = x
        for (i, row) in cells.enumerated() {
            let y = baselines[i]
            for (j, cell) in row.enumerated() {
                let dx: Double
                switch align(j) {
                case .left: dx = 0
                case .center: dx = (widths[j] - cell.width) / 2
                case .right: dx = widths[j] - cell.width
                }
                box.add(cell, dx: x0s[j] + dx, dy: y)
            }
        }
        box.width = (x0s.last ?? 0) + (widths.last ?? 0)
        let top = rowMetrics.first!.h
        let bottom = -baselines.last! + rowMetrics.last!.d
        // Rules sit halfway between rows and columns (at the outer edges for the first and last).
        let rule = 0.04 * s
        for r in env.horizontalRules {
            let yRule =
                r == 0
                ? top
                : r >= rowMetrics.count
                    ? -bottom
                    : ((baselines[r - 1] - rowMetrics[r - 1].d) + (baselines[r] + rowMetrics[r].h)) / 2
            box.items.append(.rule(x: 0, y: yRule - rule / 2, width: box.width, height: rule, color: nil))
        }
        for cIndex in env.verticalRules {
            let xRule = cIndex == 0 ? 0 : cIndex >= columns ? box.width : x0s[cIndex] - env.columnGap * s / 2
            box.items.append(.rule(x: xRule - rule / 2, y: -bottom, width: rule, height: top + bottom, color: nil))
        }
        // Centre the grid on the math axis.
        let shift = c.axisHeight * s + (bottom - top) / 2
        var grid = Box(width: box.width, height: top + shift, depth: bottom - shift)
        grid.add(box, dx: 0, dy: shift)
        guard env.left != nil || env.right != nil else { return grid }
        let total = delimiterSize(height: grid.height, depth: grid.depth, style)
        var out = env.left.map { delimiter($0, total: total, style) } ?? Box()
        out.isCharacter = false
        out.append(.kern((env.left == nil ? 0 : 0.2) * s))
        out.append(grid)
        out.append(.kern((env.right == nil ? 0 : 0.2) * s))
        if let r = env.right { out.append(delimiter(r, total: total, style)) }
        return out
    }
}
