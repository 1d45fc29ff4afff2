import Foundation
import Notebook
import OutputChannel

/// Numbers of sections, figures, tables and equations, and the targets of cross references,
/// computed once per render (`ResolvedNotebook`) so the PDF and the HTML number everything the
/// same way.
///
/// Rules (Quarto's): a cell is a numbered figure when it shows a figure and has a caption or a
/// `fig-` label; a table is numbered when it has a caption (a `tbl-` labelled cell with a
/// caption, or a Markdown table followed by `: Caption {#tbl-x}`); a display equation is
/// numbered when labelled `{#eq-x}`; sections are numbered 1, 1.1, … unless `{.unnumbered}`.
struct Numbering {
    struct Heading {
        var level: Int
        /// "2.1", or nil for an unnumbered heading.
        var number: String?
        var anchor: String
        var title: [Inline]
    }

    struct Target {
        /// What a reference prints: "Figure 2", "Table 1", "Equation (3)", "Section 2.1".
        var text: String
        var anchor: String
        /// The number alone ("2.3"), for `[Thm. @thm-x]` and `[-@thm-x]`.
        var number: String? = nil

        /// What `reference` prints: the target's text, or its number after the written prefix.
        func text(for reference: Inline) -> String {
            guard case .customReference(_, let prefix, _) = reference else { return text }
            let n = number ?? text
            return prefix.isEmpty ? n : prefix + "\u{00A0}" + n
        }
    }

    /// In document order (including nested blocks), by source line.
    private(set) var headings: [Heading] = []
    /// Numbers are text: "3", or "A.2" inside a lettered appendix section with
    /// `appendix-numbering: section`.
    private(set) var figureNumbers: [Int: String] = [:]  // cell index → number
    private(set) var imageFigureNumbers: [Int: String] = [:]  // line of a labelled standalone image → number
    private(set) var cellTableNumbers: [Int: String] = [:]  // cell index → number
    private(set) var tableNumbers: [Int: String] = [:]  // caption line → number
    private(set) var equationNumbers: [String: String] = [:]
    /// Numbers of theorem-like statements and callouts ("2.3"), by the line of their fence.
    private(set) var divNumbers: [Int: String] = [:]
    /// The anchor of each deferred proof, by the label of the statement it proves.
    private(set) var deferredProofs: [String: String] = [:]
    private(set) var targets: [String: Target] = [:]
    private var headingByLine: [Int: Int] = [:]
    /// Cell captions read as Markdown (math, emphasis, cross references), by cell index.
    private(set) var captions: [Int: [Inline]] = [:]
    /// Unknown references and figure labels without a figure, with their Markdown lines.
    private(set) var diagnostics: [Diagnostic] = []

    init(_ notebook: ExecutedNotebook) {
        let doc = notebook.document
        var counters = [Int](repeating: 0, count: 7)
        var usedAnchors: Set<String> = []
        var figures = 0, tables = 0, equations = 0
        var references: [(String, Int)] = []
        let theorems = doc.frontMatter.theorems
        var statementCounters: [String: Int] = [:]
        var section: String? = nil
        var appendix: (level: Int, letters: Int?)? = nil
        // With `appendix-numbering: section`, figures, tables and equations inside appendix
        // section A are A.1, A.2, … (amsmath's \numberwithin in an appendix); otherwise the
        // document's numbers continue.
        let appendixSections = doc.frontMatter.appendixNumbering == .section
        var appendixLetter: String? = nil
        var appendixCounts: [String: Int] = [:]
        func next(_ counter: inout Int, _ kind: String) -> String {
            if appendixSections, let letter = appendixLetter {
                appendixCounts[kind, default: 0] += 1
                return "\(letter).\(appendixCounts[kind]!)"
            }
            counter += 1
            return "\(counter)"
        }

        // Labels are unique: Document.parse rejects a second use (Notebook/DuplicateLabels.swift).
        func define(_ label: String, _ target: Target, line: Int) { targets[label] = target }
        func collect(_ inlines: [Inline]) {
            for i in inlines {
                switch i {
                case .crossReference(let label, let line), .customReference(let label, _, let line): references.append((label, line))
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c), .image(_, let c): collect(c)
                case .footnote(let blocks): walk(blocks)
                default: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let content, let line):
                    collect(content)
                    let attrs = content.attributes
                    let startsAppendix = attrs?.classes.contains("appendix") ?? false
                    let numbered = !(attrs?.classes.contains("unnumbered") ?? false) && !startsAppendix
                    var number: String? = nil
                    if startsAppendix {
                        // `# Appendix {.appendix}`: the sections after it are lettered A, B, … (A.1).
                        appendix = (level: min(max(level, 1), 6), letters: nil)
                        for k in appendix!.level..<counters.count { counters[k] = 0 }
                    }
                    if numbered {
                        let l = min(max(level, 1), 6)
                        counters[l] += 1
                        for k in (l + 1)..<counters.count { counters[k] = 0 }
                        // A document whose sections start at level 2 numbers them 1, 2, … not 0.1.
                        let top = headings.isEmpty ? l : min(l, headings.map(\.level).min() ?? l)
                        number = counters[top...l].map(String.init).joined(separator: ".")
                        if var a = appendix, l >= a.level {
                            if a.letters == nil { a.letters = l; appendix = a }
                            if let letters = a.letters, l >= letters {
                                number = ([Self.letter(counters[letters])] + counters[(letters + 1)..<(l + 1)].map(String.init)).joined(separator: ".")
                                if l == letters { (appendixLetter, appendixCounts) = (Self.letter(counters[letters]), [:]) }
                            }
                        }
                        // "Theorem 2.3" counts within the top-level section.
                        let first = number.map { String($0.prefix { $0 != "." }) }
                        if theorems.numberWithinSections, first != section { statementCounters = [:] }
                        section = first
                    }
                    var anchor = attrs?.id ?? Self.slug(content.plainText)
                    if anchor.isEmpty { anchor = "section" }
                    let base = anchor
                    var k = 1
                    while usedAnchors.contains(anchor) { k += 1; anchor = "\(base)-\(k)" }
                    usedAnchors.insert(anchor)
                    headingByLine[line] = headings.count
                    headings.append(Heading(level: level, number: number, anchor: anchor, title: content))
                    if let id = attrs?.id {
                        // Without visible numbers a reference names the section by its title.
                        let text = notebook.numberSections ? number.map { "Section \($0)" } : nil
                        define(id, Target(text: text ?? "Section “\(content.plainText)”", anchor: anchor), line: line)
                    }
                case .paragraph(let c, _):
                    collect(c)
                case .imageFigure(let image, let line):
                    if let label = image.label, label.hasPrefix("fig-") {
                        let n = next(&figures, "figure")
                        imageFigureNumbers[line] = n
                        define(label, Target(text: "Figure \(n)", anchor: label), line: line)
                    }
                    collect(image.inlines)
                case .table(let header, let rows, let caption, _):
                    header.forEach(collect)
                    rows.forEach { $0.forEach(collect) }
                    if let caption {
                        collect(caption.content)
                        let n = next(&tables, "table")
                        tableNumbers[caption.line] = n
                        if let label = caption.label { define(label, Target(text: "Table \(n)", anchor: label), line: caption.line) }
                    }
                case .equation(_, let label, let line):
                    let n = next(&equations, "equation")
                    equationNumbers[label] = n
                    define(label, Target(text: "Equation (\(n))", anchor: label), line: line)
                case .list(_, _, let items, _): items.forEach(walk)
                case .quote(let inner, _): walk(inner)
                case .div(let d):
                    let role = DivRole(d, settings: theorems)
                    if let title = role.title { collect(title) }
                    numberDiv(d, role)
                    walk(role.body)
                case .cell(let cell):
                    if let text = cell.options.caption {
                        let content = Self.markdownInline(text, line: max(1, cell.firstLine - 1))
                        captions[cell.index] = content
                        collect(content)
                    }
                    let label = cell.options.label
                    let showsFigure = (notebook.outputs[cell.index] ?? []).contains {
                        if case .figure = $0 { return true }; return false
                    }
                    if showsFigure && (cell.options.caption != nil || label?.hasPrefix("fig-") == true) {
                        let n = next(&figures, "figure")
                        figureNumbers[cell.index] = n
                        if let label { define(label, Target(text: "Figure \(n)", anchor: label), line: cell.firstLine) }
                    } else if let label, label.hasPrefix("tbl-") {
                        let n = next(&tables, "table")
                        cellTableNumbers[cell.index] = n
                        define(label, Target(text: "Table \(n)", anchor: label), line: cell.firstLine)
                    } else if let label, label.hasPrefix("fig-") {
                        // Labelled as a figure but shows none: still a target, so a reference
                        // does not dangle, but say why it has no number.
                        diagnostics.append(
                            Diagnostic(
                                file: doc.path, line: cell.firstLine,
                                message: "cell '\(label)' is labelled as a figure but shows no figure", severity: .warning))
                    }
                default: break
                }
            }
        }
        func numberDiv(_ d: FencedDiv, _ role: DivRole) {
            switch role.kind {
            case .theorem(let kind):
                guard role.numbered(d) else {
                    if let id = d.id { define(id, Target(text: kind.name, anchor: id), line: d.line) }
                    return
                }
                statementCounters[kind.counter, default: 0] += 1
                let n = statementCounters[kind.counter]!
                let number = theorems.numberWithinSections && section != nil ? "\(section!).\(n)" : "\(n)"
                divNumbers[d.line] = number
                if let id = d.id { define(id, Target(text: "\(kind.name) \(number)", anchor: id, number: number), line: d.line) }
            case .callout(let c):
                guard let id = d.id, id.hasPrefix(c.prefix + "-") else { return }
                statementCounters["callout-" + c.prefix, default: 0] += 1
                let number = "\(statementCounters["callout-" + c.prefix]!)"
                divNumbers[d.line] = number
                define(id, Target(text: "\(c.name) \(number)", anchor: id, number: number), line: d.line)
            case .proof, .remark, .solution:
                if role.kind == .proof, let of = d.attribute("of"), d.attribute("defer") != nil, let id = d.id { deferredProofs[of] = id }
                let name = role.kind == .proof ? "Proof" : role.kind == .remark ? "Remark" : "Solution"
                if let id = d.id { define(id, Target(text: name, anchor: id), line: d.line) }
            case .plain:
                return
            }
        }
        walk(doc.blocks)
        for (label, line) in references where targets[label] == nil {
            let kind = String(label.prefix(while: { $0 != "-" }))
            let known = targets.keys.filter { $0.hasPrefix(kind + "-") }.sorted()
            let hint = known.isEmpty ? "no \(kind)- labels are defined" : "known: " + known.joined(separator: ", ")
            diagnostics.append(Diagnostic(file: doc.path, line: line, message: "unknown cross reference @\(label) (\(hint))", severity: .warning))
        }
    }

    /// A one-line Markdown text as inlines; references get `line` (where the cell's options are).
    static func markdownInline(_ text: String, line: Int) -> [Inline] {
        guard let doc = try? Document.parse(text, path: ""), let content = doc.blocks.first?.paragraphInlines,
            doc.blocks.count == 1
        else { return [.text(text)] }
        func relocate(_ inlines: [Inline]) -> [Inline] {
            inlines.map { i in
                switch i {
                case .crossReference(let label, _): .crossReference(label: label, line: line)
                case .emphasis(let c): .emphasis(relocate(c))
                case .strong(let c): .strong(relocate(c))
                case .link(let u, let c): .link(url: u, content: relocate(c))
                default: i
                }
            }
        }
        return relocate(content)
    }

    /// 1 → A, 26 → Z, 27 → AA: appendix sections.
    static func letter(_ n: Int) -> String {
        var n = max(n, 1), s = ""
        while n > 0 { n -= 1; s = String(UnicodeScalar(UInt8(65 + n % 26))) + s; n /= 26 }
        return s
    }

    func heading(atLine line: Int) -> Heading? { headingByLine[line].map { headings[$0] } }

    /// GitHub-style anchor: lower case, spaces to hyphens, other punctuation dropped.
    static func slug(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if c == " " || c == "-" { out.append("-") }
        }
        return out
    }
}
