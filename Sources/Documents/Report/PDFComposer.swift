import Foundation
import Graphics
import Plot
import Notebook

/// Flows blocks down pages: text that breaks between lines (with its links and footnotes),
/// boxes that continue on the next page, figures that move whole to the next page when they
/// do not fit, footnotes at the page bottom, rules beside block quotes, running head and folio.
final class PDFComposer {
    let canvas: Canvas
    let style: PageStyle
    /// Set in the running head of every page after the first: the title on the left, the
    /// section on the right (LaTeX's rule: the first section begun on the page, else the one
    /// in effect at its top).
    var runningHead: String?
    private var sectionAtTop: String?
    private var firstSectionOnPage: String?
    private var lastSection: String?
    private(set) var page = 1
    private(set) var y: Double
    private var pageHasContent = false
    /// Footnotes placed on this page, drawn at its bottom when the page ends.
    private var footnotes: [(number: Int, layout: TextLayout)] = []
    /// Left rules of the block quotes that are open, with where each began on this page.
    private var quoteRules: [(x: Double, top: Double, color: Color?, width: Double)] = []
    /// Pages with a line of text that runs into the margin (a formula wider than the line).
    /// TODO(authoring): report these as warnings (with the paragraph's Markdown line).
    private(set) var overfullPages: [Int] = []

    init(canvas: Canvas, style: PageStyle) {
        self.canvas = canvas
        self.style = style
        y = style.margin.top
    }

    static let footnoteGap = 10.0
    private var footnoteHeight: Double {
        footnotes.isEmpty ? 0 : footnotes.reduce(Self.footnoteGap) { $0 + $1.layout.size.height + 2 }
    }

    var remaining: Double { style.bottom - footnoteHeight - y }

    /// Moves down by `h` after drawing something of that height at `y`.
    func advance(_ h: Double) { y += h; pageHasContent = true }

    func space(_ h: Double) { if pageHasContent { y = min(y + h, style.bottom) } }

    func newPage() {
        endPage()
        canvas.newPage()
        page += 1
        y = style.margin.top
        pageHasContent = false
        sectionAtTop = lastSection
        firstSectionOnPage = nil
        for k in quoteRules.indices { quoteRules[k].top = y }
    }

    /// Starts a new page unless `height` fits on this one.
    func ensure(_ height: Double) { if height > remaining && pageHasContent { newPage() } }

    func finish() { endPage() }

    private func endPage() {
        for rule in quoteRules { drawQuoteRule(rule, to: y) }
        drawFootnotes()
        let folio = TextLayout(canvas: canvas, markup: "\(page)", font: Fonts.description(Fonts.serif, size: 9))
        folio.draw(
            on: canvas, at: Point((style.width - folio.size.width) / 2, style.height - style.margin.bottom / 2 - 6),
            color: style.muted)
        if page > 1, let runningHead {
            let font = Fonts.description(Fonts.serif, size: 8.5)
            let section = firstSectionOnPage ?? sectionAtTop
            let half = style.textWidth / 2 - 6
            let top = style.margin.top / 2 - 4
            let leftWidth = section == nil ? style.textWidth : half
            // Heads are prose with `$…$` math (RunningHead), typeset on one line.
            let left = RunningHead.layout(
                runningHead, canvas: canvas, font: font, size: 8.5, color: style.muted, width: leftWidth,
                alignment: section == nil ? .center : .left)
            left.draw(on: canvas, at: Point(style.margin.left, top), color: style.muted)
            if let section {
                let right = RunningHead.layout(section, canvas: canvas, font: font, size: 8.5, color: style.muted, width: half, alignment: .right)
                right.draw(on: canvas, at: Point(style.margin.left + style.textWidth - half, top), color: style.muted)
            }
            canvas.move(to: Point(style.margin.left, top + left.size.height + 3))
            canvas.line(to: Point(style.margin.left + style.textWidth, top + left.size.height + 3))
            canvas.stroke(style.codeBorder, width: 0.4)
        }
    }

    /// A top-level section begins here (for the running head).
    func beginSection(_ title: String) {
        if firstSectionOnPage == nil { firstSectionOnPage = title }
        lastSection = title
    }

    // MARK: Footnotes

    private func drawFootnotes() {
        guard !footnotes.isEmpty else { return }
        var top = style.bottom - footnoteHeight + Self.footnoteGap
        canvas.move(to: Point(style.margin.left, top - 5))
        canvas.line(to: Point(style.margin.left + style.textWidth / 3, top - 5))
        canvas.stroke(style.muted, width: 0.4)
        for note in footnotes {
            // The mark in the text links here.
            canvas.destination("fn-\(note.number)", at: Point(style.margin.left, max(0, top - 4)))
            note.layout.draw(on: canvas, at: Point(style.margin.left, top), color: style.ink)
            top += note.layout.size.height + 2
        }
        footnotes = []
    }

    /// Footnotes of something drawn outside `flow` (a table row): set at this page's bottom.
    func addFootnotes(_ notes: [(number: Int, layout: TextLayout)]) { footnotes += notes }

    // MARK: Block quotes

    /// A rule down the left of a quote (or, in `color`, a callout) that follows page breaks.
    func beginQuoteRule(x: Double, color: Color? = nil, width: Double = 1.6) { quoteRules.append((x, y, color, width)) }

    func endQuoteRule() {
        guard let rule = quoteRules.popLast() else { return }
        drawQuoteRule(rule, to: y)
    }

    private func drawQuoteRule(_ rule: (x: Double, top: Double, color: Color?, width: Double), to bottom: Double) {
        guard bottom > rule.top + 1 else { return }
        canvas.rectangle(Rect(x: rule.x, y: rule.top, width: rule.width, height: bottom - rule.top))
        canvas.fill(rule.color ?? style.quoteRule)
    }

    // MARK: Text

    func layout(
        _ markup: String, font: String, indent: Double = 0, width: Double? = nil, justify: Bool = false,
        alignment: TextLayout.Alignment = .left, wrapAnywhere: Bool = false
    ) -> TextLayout {
        let w = width ?? (style.textWidth - indent)
        let l = TextLayout(
            canvas: canvas, markup: markup, font: font, width: w, justify: justify, alignment: alignment,
            wrapAnywhere: wrapAnywhere)
        // Centred text (the title, table captions) is broken as a whole, as TeX does, so that
        // no line ends on a dash or leaves one short word alone.
        if alignment == .center { l.breakParagraph(width: w, justify: false, alignment: .center) }
        return l
    }

    /// Lays out rich text with room for its inline boxes, broken into lines by Knuth–Plass
    /// (`TextLayout.breakParagraph`), formulas breakable after relations and operators.
    func layout(
        _ text: RichText, font: String, indent: Double = 0, width: Double? = nil, justify: Bool = false,
        alignment: TextLayout.Alignment = .left
    ) -> TextLayout {
        let w = width ?? (style.textWidth - indent)
        let l = TextLayout(
            canvas: canvas, markup: text.markup, font: font, width: w, justify: justify, alignment: alignment,
            wrapAnywhere: true)
        l.reserve(text.inlineBoxes)
        l.breakParagraph(width: w, justify: justify, alignment: alignment, mathBreaks: text.mathBreaks)
        return l
    }

    /// Draws a text layout line by line, breaking across pages, keeping at least
    /// `minLinesAtBottom` lines together at a page bottom (orphans) and at a page top (widows).
    /// With `rich`, places its link areas over their glyphs, draws its inline boxes, and sets
    /// its footnotes (laid out by `footnote`) at the bottom of the page where their mark falls.
    func flow(
        _ text: TextLayout, indent: Double = 0, color: Color? = nil, minLinesAtBottom: Int = 2,
        rich: RichText? = nil, footnote: ((Int, [Block]) -> TextLayout)? = nil,
        onFirstLine: ((Double) -> Void)? = nil
    ) {
        let lines = text.lines
        // Footnote layouts by the line their mark is on.
        var notesByLine: [Int: [(number: Int, layout: TextLayout)]] = [:]
        if let rich, let footnote {
            for f in rich.footnotes {
                notesByLine[text.line(containing: f.offset), default: []].append((f.number, footnote(f.number, f.blocks)))
            }
        }
        func notesHeight(_ k: Int) -> Double {
            guard let notes = notesByLine[k] else { return 0 }
            return notes.reduce(footnotes.isEmpty ? Self.footnoteGap : 0) { $0 + $1.layout.size.height + 2 }
        }
        var i = 0
        while i < lines.count {
            var needed = 0.0
            for k in i..<min(i + minLinesAtBottom, lines.count) { needed += lines[k].height + notesHeight(k) }
            if needed > remaining && pageHasContent { newPage() }
            var j = i, height = 0.0
            while j < lines.count {
                guard height + lines[j].height + notesHeight(j) <= remaining || j == i else { break }
                height += lines[j].height
                // Footnotes of this line are now on this page (and shrink what remains of it).
                if let notes = notesByLine[j] { footnotes += notes; notesByLine[j] = nil }
                j += 1
            }
            // Widow control: if only one line would carry over, move one more line with it
            // (unless that line's footnotes were already placed here).
            if j < lines.count && lines.count - j == 1 && j - i > minLinesAtBottom && minLinesAtBottom > 1
                && !(rich?.footnotes.contains { text.line(containing: $0.offset) == j - 1 } ?? false)
            {
                j -= 1; height -= lines[j].height
            }
            let x = style.margin.left + indent
            let shift = y - lines[i].top
            if i == 0 { onFirstLine?(y + lines[0].baseline - lines[0].top) }
            text.drawLines(i..<j, on: canvas, x: x, top: y, color: color ?? style.ink)
            if text.overfullLines.contains(where: { (i..<j).contains($0) }) { overfullPages.append(page) }
            if let rich { annotate(rich, text, lines: i..<j, x: x, shift: shift) }
            y += height
            pageHasContent = true
            i = j
            if i < lines.count { newPage() }
        }
    }

    /// Link areas of `rich` that fall on `lines`, placed over their glyphs. (Inline boxes are
    /// drawn by the layout itself, wherever it is drawn: body text, footnotes, table cells.)
    private func annotate(_ rich: RichText, _ text: TextLayout, lines: Range<Int>, x: Double, shift: Double) {
        for link in rich.links {
            let rects = text.rects(covering: link.range).filter { lines.contains($0.line) }
                .map { Rect(x: x + $0.rect.x, y: shift + $0.rect.y, width: $0.rect.width, height: $0.rect.height) }
            switch link.target {
            case .uri(let u): canvas.linkArea(rects, uri: u)
            case .destination(let d): canvas.linkArea(rects, destination: d)
            }
        }
    }

    /// A text layout inside a shaded box (code, outputs), continued across pages.
    func box(
        _ text: TextLayout, indent: Double = 0, padding: Double = 6, background: Color, border: Color?,
        leftRule: Color? = nil, color: Color? = nil
    ) {
        box([text], indent: indent, padding: padding, background: background, border: border, leftRule: leftRule, color: color)
    }

    /// One box over several layouts set one after another (a long output in chunks: Pango's
    /// cost grows faster than linearly with the size of one layout, so long text is laid out
    /// in pieces of a few hundred lines).
    func box(
        _ texts: [TextLayout], indent: Double = 0, padding: Double = 6, background: Color, border: Color?,
        leftRule: Color? = nil, color: Color? = nil
    ) {
        // Every line of every layout: (layout, line within it, height).
        var lines: [(layout: Int, line: Int, height: Double)] = []
        for (k, t) in texts.enumerated() { for l in t.lines { lines.append((k, l.index, l.height)) } }
        var i = 0
        let boxX = style.margin.left + indent
        let boxWidth = style.textWidth - indent
        while i < lines.count {
            // Do not start a box with a lone line at the page bottom.
            let firstNeeds = lines[i..<min(i + 2, lines.count)].reduce(0) { $0 + $1.height } + 2 * padding
            if firstNeeds > remaining && pageHasContent { newPage() }
            var j = i, height = 0.0
            while j < lines.count && (height + lines[j].height + 2 * padding <= remaining || j == i) {
                height += lines[j].height; j += 1
            }
            let rect = Rect(x: boxX, y: y, width: boxWidth, height: height + 2 * padding)
            canvas.roundedRectangle(rect, radius: 2.5)
            canvas.fill(background, preserve: border != nil)
            if let border { canvas.stroke(border, width: 0.5) }
            if let leftRule {
                canvas.rectangle(Rect(x: rect.x, y: rect.y, width: 2, height: rect.height))
                canvas.fill(leftRule)
            }
            // The page's lines, one drawLines call per layout they come from.
            var top = y + padding, s = i
            while s < j {
                var e = s
                while e < j && lines[e].layout == lines[s].layout { e += 1 }
                texts[lines[s].layout].drawLines(
                    lines[s].line..<(lines[e - 1].line + 1), on: canvas,
                    x: boxX + padding + (leftRule == nil ? 0 : 4), top: top, color: color ?? style.ink)
                top += lines[s..<e].reduce(0) { $0 + $1.height }
                s = e
            }
            y += rect.height
            pageHasContent = true
            i = j
            if i < lines.count { newPage() }
        }
    }

    /// A figure at its physical size, centred; moves whole to the next page when it (with the
    /// `keepWith` height of its caption) does not fit. A figure wider than the text block
    /// reaches into the margins (centred on the page, half an inch from its edges) rather
    /// than shrink; only one wider than that, or taller than the page, is scaled down.
    /// Returns the figure's rectangle on its page.
    @discardableResult
    func figure(_ figure: Figure, indent: Double = 0, keepWith: Double = 0) -> Rect {
        place(Size(figure.width, figure.height), indent: indent, keepWith: keepWith) { [canvas] rect, scale in
            canvas.save()
            canvas.translate(rect.x, rect.y)
            canvas.scale(scale, scale)
            figure.draw(on: canvas)
            canvas.restore()
        }
    }

    /// A results table (Plot's `Table`), centred like a figure, booktabs rules, at its natural size.
    /// A table taller than a page continues on the next pages, its header repeated on each
    /// (as LaTeX's longtable), instead of being scaled down to one unreadable page.
    @discardableResult
    func table(_ table: Table, indent: Double = 0) -> Rect {
        let m = table.measured(on: canvas)
        let size = Size(m.width, m.height(rows: 0..<table.rows.count))
        let widest = max(style.textWidth - indent, style.width - 72)
        let scale = min(1, widest / size.width)
        let page = style.bottom - style.margin.top
        func draw(_ rows: Range<Int>) -> (Rect, Double) -> Void {
            { [canvas] rect, scale in
                canvas.save()
                canvas.translate(rect.x, rect.y)
                canvas.scale(scale, scale)
                _ = table.draw(on: canvas, at: Point(0, 0), rows: rows, metrics: m)
                canvas.restore()
            }
        }
        guard size.height * scale > page, table.rows.count > 1 else {
            return place(size, indent: indent, draw: draw(0..<table.rows.count))
        }
        var first: Rect?, start = 0
        while start < table.rows.count {
            // As many rows as fit in what remains of this page (at least one per page).
            let room = remaining / scale - m.height(rows: 0..<0)
            var end = start, used = 0.0
            while end < table.rows.count && (used + m.rowHeights[end] <= room || end == start) { used += m.rowHeights[end]; end += 1 }
            if used > room && pageHasContent { newPage(); continue }
            let rect = place(Size(m.width, m.height(rows: 0..<0) + used), indent: indent, draw: draw(start..<end))
            first = first ?? rect
            start = end
            if start < table.rows.count { newPage() }
        }
        return first!
    }

    /// The height a results table takes when placed (scaled down like a figure if too wide); for
    /// a table that breaks across pages, its header and first rows (what a caption keeps with).
    func placedHeight(of table: Table, indent: Double = 0) -> Double {
        let m = table.measured(on: canvas)
        let size = Size(m.width, m.height(rows: 0..<table.rows.count))
        let widest = max(style.textWidth - indent, style.width - 72)
        let scale = min(1, widest / size.width)
        let page = style.bottom - style.margin.top
        guard size.height * scale > page else { return size.height * scale }
        return m.height(rows: 0..<min(3, table.rows.count)) * scale
    }

    /// Places something of `size` points the way `figure` does and draws it into its rectangle.
    func place(_ size: Size, indent: Double = 0, keepWith: Double = 0, draw: (Rect, Double) -> Void) -> Rect {
        let text = style.textWidth - indent
        let widest = max(text, style.width - 72)
        let maxHeight = style.bottom - style.margin.top - keepWith
        let scale = min(1, widest / size.width, maxHeight / size.height)
        ensure(size.height * scale + keepWith)
        let w = size.width * scale
        let x = w <= text ? style.margin.left + indent + (text - w) / 2 : (style.width - w) / 2
        let rect = Rect(x: x, y: y, width: w, height: size.height * scale)
        draw(rect, scale)
        y += rect.height
        pageHasContent = true
        return rect
    }

    /// Names the current position for links to `name`.
    func destination(_ name: String, offset: Double = 0) {
        canvas.destination(name, at: Point(style.margin.left, max(0, y - offset)))
    }

    /// A horizontal rule across the text block.
    func rule(color: Color, width: Double = 0.5, indent: Double = 0) {
        canvas.move(to: Point(style.margin.left + indent, y))
        canvas.line(to: Point(style.margin.left + style.textWidth, y))
        canvas.stroke(color, width: width)
        pageHasContent = true
    }
}
