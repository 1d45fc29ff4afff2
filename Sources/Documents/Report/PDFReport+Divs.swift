import Graphics
import MathType
import Notebook

/// Fenced divs on the page, typeset as amsthm does: a run-in head ("**Theorem 2.3** (Name).")
/// before the statement, italic statements in the plain style, "*Proof.*" and ∎ flush right
/// on a proof's last line; callouts with a coloured rule and a title line.
extension PDFReport.Writer {
    func div(_ d: FencedDiv, indent: Double) {
        let role = DivRole(d, settings: notebook.document.frontMatter.theorems)
        switch role.kind {
        case .theorem(let kind):
            let number = numbering.divNumbers[d.line]
            var head = RichText()
            head.tag("<span style=\"normal\"><b>")
            head.text(kind.name + (number.map { " " + $0 } ?? ""))
            head.tag("</b>")
            if let title = role.title { head.text(" ("); InlineMarkup.pango(title, context, into: &head); head.text(")") }
            head.tag("<b>"); head.text("."); head.tag("</b></span>"); head.text(" ")
            let italic = kind.style == .plain
            statement(
                head, role.body, font: italic ? Fonts.description(Fonts.serif, size: style.bodySize, italic: true) : nil, anchor: d.id, indent: indent,
                qed: false)
            if let id = d.id, let proof = numbering.deferredProofs[id] { deferredNote(proof, indent: indent) }
        case .proof, .remark, .solution:
            var head = RichText()
            head.tag("<i>")
            head.text(role.kind == .proof ? "Proof" : role.kind == .remark ? "Remark" : "Solution")
            if role.kind == .proof, let of = d.attribute("of") {
                head.text(" of ")
                if let t = numbering.targets[of] { head.link(.destination(t.anchor)) { $0.text(t.text) } } else { head.text("@" + of + "??") }
            }
            if let title = role.title { head.text(" ("); InlineMarkup.pango(title, context, into: &head); head.text(")") }
            head.text("."); head.tag("</i>"); head.text(" ")
            statement(head, role.body, font: nil, anchor: d.id, indent: indent, qed: role.kind == .proof)
            if let id = d.id { recordedPages[id] = recordedPages[id] ?? composer.page }
        case .callout(let c):
            callout(c, d, role, indent: indent)
        case .plain:
            if d.classes.contains("references") { return referenceList(d, indent: indent) }
            if let id = d.id { composer.destination(id, offset: 12) }
            blocks(d.blocks, indent: indent)
        }
    }

    /// "Proof on p. N." under a statement whose proof is deferred, linked to the proof.
    private func deferredNote(_ proof: String, indent: Double) {
        let page = headingPages?[proof].map(String.init) ?? "?"
        var note = RichText()
        note.tag("<i><span foreground=\"#1a4f8b\">")
        note.link(.destination(proof)) { $0.text("Proof on p. \(page).") }
        note.tag("</span></i>")
        composer.space(-3)
        composer.flow(composer.layout(note, font: style.small, indent: indent), indent: indent, rich: note)
        composer.space(6)
    }

    /// A statement: `head` runs into its first paragraph (or stands as one when the body does
    /// not start with text); with `qed`, ∎ ends the last line.
    private func statement(_ head: RichText, _ body: [Block], font: String?, anchor: String?, indent: Double, qed: Bool) {
        composer.space(4)
        let saved = bodyFont
        bodyFont = font
        defer { bodyFont = saved }
        var rest = body[...]
        var first: [Inline] = []
        if case .paragraph(let content, _)? = rest.first {
            first = content
            rest = rest.dropFirst()
        }
        let last = rest.isEmpty
        runIn(head, first, indent: indent, qed: qed && last) { [self] baseline in
            if let anchor { canvas.destination(anchor, at: Point(style.margin.left, max(0, baseline - 18))) }
        }
        composer.space(6)
        for (k, block) in rest.enumerated() {
            let isLast = k == rest.count - 1
            guard qed && isLast else { blocks([block], indent: indent); continue }
            switch block {
            case .paragraph(let content, _):
                runIn(RichText(), content, indent: indent, qed: true)
                composer.space(6)
            case .displayMath(let tex, _): displayMath(tex, label: nil, indent: indent, qed: true)
            case .equation(let tex, let label, _): displayMath(tex, label: label, indent: indent, qed: true)
            default:
                blocks([block], indent: indent)
                // ∎ on a line of its own, flush right.
                let mark = PDFReport.Writer.qedMark
                composer.ensure(style.bodySize * 1.3)
                mark.draw(on: canvas, at: Point(style.margin.left + style.textWidth - mark.width, composer.y + mark.ascent))
                composer.advance(style.bodySize * 1.3)
                composer.space(6)
            }
        }
    }

    /// A paragraph opened by `head`, in the statement's font; `qed` reserves room for ∎ after
    /// the last word and draws it at the right margin of that line, or of a line of its own
    /// when it does not fit (as amsthm's `\qed`).
    private func runIn(_ head: RichText, _ content: [Inline], indent: Double, qed: Bool, onFirstLine: ((Double) -> Void)? = nil) {
        var rich = head
        context.hyphenator = Hyphenator.english
        InlineMarkup.pango(content, context, into: &rich)
        context.hyphenator = nil
        if qed {
            let mark = PDFReport.Writer.qedMark
            let right = style.margin.left + style.textWidth
            rich.text(" ")
            rich.box(
                MathBox(width: mark.width + style.bodySize, ascent: mark.ascent, descent: 0) { c, origin in
                    mark.draw(on: c, at: Point(right - mark.width, origin.y))
                })
        }
        let layout = composer.layout(rich, font: bodyFont ?? style.body, indent: indent, justify: true)
        composer.flow(layout, indent: indent, rich: rich, footnote: footnoteLayout, onFirstLine: onFirstLine)
    }

    /// A callout: a rule in its colour down its left side (on every page it spans), a bold
    /// title line, then its blocks.
    private func callout(_ c: Callout, _ d: FencedDiv, _ role: DivRole, indent: Double) {
        let color = Color(hex: c.hex)
        composer.space(4)
        let x = style.margin.left + indent + 1
        composer.beginQuoteRule(x: x - 0.4, color: color, width: 2.4)
        var title = RichText()
        title.tag("<b>")
        title.text(c.name + (numbering.divNumbers[d.line].map { " " + $0 } ?? ""))
        if let t = role.title {
            title.text(numbering.divNumbers[d.line] == nil ? ": " : ": ")
            InlineMarkup.pango(t, context, into: &title)
        }
        title.tag("</b>")
        let inner = indent + 12
        let layout = composer.layout(title, font: style.body, indent: inner)
        composer.flow(
            layout, indent: inner, color: color, minLinesAtBottom: 1, rich: title,
            onFirstLine: { [self] baseline in
                if let id = d.id { canvas.destination(id, at: Point(style.margin.left, max(0, baseline - 18))) }
            })
        composer.space(3)
        blocks(role.body, indent: inner)
        composer.endQuoteRule()
        composer.space(6)
    }
}

extension PDFReport.Writer {
    /// ∎, typeset by the math engine from Latin Modern Math (the roman fonts have no ∎). Not
    /// through Pango: a family Pango has not loaded yet (LM Math, or the fallback it picks for
    /// ∎) loaded in one render thread disturbed the layouts of notebooks rendered beside it
    /// with `-j 2` (other PDFs' line breaks changed, once a crash).
    static let qedMark = MathRenderer.shared.layout("∎", style: .text, size: MathSetter.bodySize, color: PageStyle.inkColor)
}
