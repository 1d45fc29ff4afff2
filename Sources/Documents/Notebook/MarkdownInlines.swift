internal import CCmarkGFM

extension MarkdownParser {
    /// Inlines of a block that starts at Markdown line `line`.
    mutating func inlines(_ nodes: [OpaquePointer], line: Int) throws -> [Inline] {
        var l = line
        return try inlines(nodes, line: &l)
    }

    /// `line` follows the soft and hard breaks, so cross-reference errors name the right line.
    mutating func inlines(_ nodes: [OpaquePointer], line: inout Int) throws -> [Inline] {
        let firstLine = line
        var result: [Inline] = []
        func inner(_ n: OpaquePointer, _ line: inout Int) throws -> [Inline] {
            let children = children(of: n)
            return try nested { try $0.inlines(children, line: &line) }
        }
        for n in nodes {
            switch type(n) {
            case "text":
                let text = literal(n)
                typesetMath.formUnion(MathProtection.indices(in: text))
                result += CrossReferences.split(math.restore(text), line: line, extra: referencePrefixes)
                line += text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            case "softbreak": result.append(.softBreak); line += 1
            case "linebreak": result.append(.lineBreak); line += 1
            case "code": result.append(.code(literal(n)))
            case "emph": result.append(.emphasis(try inner(n, &line)))
            case "strong": result.append(.strong(try inner(n, &line)))
            case "strikethrough": result.append(.strikethrough(try inner(n, &line)))
            case "link":
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                result.append(.link(url: url, content: try inner(n, &line)))
            case "image":
                let url = cmark_node_get_url(n).map { String(cString: $0) } ?? ""
                result.append(.image(url: url, alt: try inner(n, &line)))
            case "footnote_reference":
                result.append(try footnote(n, line: line))
            case "html_inline":
                result.append(.text(literal(n)))
            default:
                result += try inlines(children(of: n), line: &line)
            }
        }
        // Adjacent text runs merge, so consumers see whole words. A run is gathered before it
        // is stored: appending to the stored string each time copies it, quadratic in a
        // paragraph of many runs (cmark-gfm splits text at every `[`, `!`, `<`, …).
        var merged: [Inline] = []
        var run: String? = nil
        for i in result {
            if case .text(let b) = i { if run == nil { run = b } else { run!.append(b) }; continue }
            if let r = run { merged.append(.text(r)); run = nil }
            merged.append(i)
        }
        if let r = run { merged.append(.text(r)) }
        let lines = sourceLines
        guard citations else { return MathProtection.joinContinuedLines(CustomReferenceText.apply(merged)) }
        // Joined after citations are read: they count the soft breaks to find their lines.
        return MathProtection.joinContinuedLines(
            CitationSyntax.apply(CustomReferenceText.apply(merged), line: firstLine) { n in
                n >= 1 && n <= lines.count ? lines[n - 1] : nil
            })
    }

    /// The note of a `[^x]` mark, its definition's text placed at the mark.
    ///
    /// Each definition is converted once and reused at every mark (converting it at each
    /// mark made notes citing notes twice exponential). Inside a note, a mark of a note being
    /// converted (a cycle: `[^a]` citing itself or through others) or of a note already placed
    /// in another note becomes its plain `[^x]` text, with a warning: nested notes otherwise
    /// multiply, since Report lays out a note's text wherever it is placed.
    mutating func footnote(_ reference: OpaquePointer, line: Int) throws -> Inline {
        let ordinal = literal(reference)
        guard let def = footnotes[ordinal] else {
            throw Diagnostic(file: file, line: line, message: "footnote mark [^…] has no definition")
        }
        let label = ordinal
        let name = definitionName(def) ?? ordinal
        let mark = "[^\(name)]"
        func warn(_ message: String) {
            let text = sourceLine(line)
            // cmark-gfm knows where the mark is when it is on the paragraph's line; else the first such mark.
            let column =
                Int(cmark_node_get_start_line(reference)) == line && cmark_node_get_start_column(reference) > 0
                ? SourceText.characterColumn(text, utf8Column: Int(cmark_node_get_start_column(reference)))
                : text.map { Self.column(of: mark, in: $0) } ?? 1
            warnings.append(
                Diagnostic(
                    file: file, line: line, column: column, message: message,
                    sourceLine: text.map(String.init), severity: .warning))
        }
        if open.contains(label) {
            let through = open.drop { $0 != label }.dropFirst().map { "[^\(footnotes[$0].flatMap(definitionName) ?? $0)]" }
            warn("footnote \(mark) cites itself\(through.isEmpty ? "" : " through " + through.joined(separator: ", ")); this mark is shown as text")
            return .text(mark)
        }
        if !open.isEmpty {
            if placedInNote.contains(label) {
                warn("footnote \(mark) is already placed inside another footnote; this mark is shown as text")
                return .text(mark)
            }
            placedInNote.insert(label)
        }
        let note: (blocks: [Block], height: Int)
        if let done = converted[label] {
            note = done
        } else {
            // Notes within notes within notes… recurse here, whatever their own depth.
            if open.count >= NestingLimit.maxDepth {
                throw Diagnostic(
                    file: file, line: line, column: sourceLine(line).map { Self.column(of: mark, in: $0) } ?? 1,
                    message: NestingLimit.message("this footnote's text"), sourceLine: sourceLine(line).map(String.init))
            }
            // Converted from depth 0, so the result serves every mark; its height is checked
            // against the depth of each mark below.
            let (savedDepth, savedDeepest) = (depth, deepest)
            (depth, deepest) = (0, 0)
            open.append(label)
            defer { open.removeLast(); (depth, deepest) = (savedDepth, savedDeepest) }
            let blocks = try nested { try $0.blocks($0.children(of: def)) }
            note = (blocks, deepest)
            converted[label] = note
        }
        if depth + note.height > NestingLimit.maxDepth {
            throw Diagnostic(
                file: file, line: line, column: sourceLine(line).map { Self.column(of: mark, in: $0) } ?? 1,
                message: NestingLimit.message("this footnote's text"), sourceLine: sourceLine(line).map(String.init))
        }
        deepest = max(deepest, depth + note.height)
        return .footnote(note.blocks)
    }

    /// A definition's name as written (`x` of `[^x]:`); cmark-gfm keeps only its ordinal.
    func definitionName(_ def: OpaquePointer) -> String? {
        guard let text = sourceLine(line(def)) else { return nil }
        let body = text.drop(while: { $0 == " " || $0 == ">" })
        guard body.hasPrefix("[^"), let close = body.firstIndex(of: "]") else { return nil }
        return String(body[body.index(body.startIndex, offsetBy: 2)..<close])
    }

    /// The column of a mark on its line, passing over a definition's own `[^x]:` label.
    static func column(of mark: String, in line: Substring) -> Int {
        var from = line.startIndex
        while let r = line.range(of: mark, range: from..<line.endIndex) {
            let before = line[..<r.lowerBound]
            let isLabel = before.allSatisfy({ $0 == " " || $0 == ">" }) && line[r.upperBound...].first == ":"
            if !isLabel { return line.distance(from: line.startIndex, to: r.lowerBound) + 1 }
            from = r.upperBound
        }
        return 1
    }
}
