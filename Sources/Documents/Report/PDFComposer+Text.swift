import Graphics
import Notebook

/// Text on the page: layouts of markup and of rich text (with room for inline math), and
/// their flow down the page line by line — page breaks between lines, widows and orphans
/// kept together, link areas over their glyphs, footnotes at the bottom of their mark's page.
extension PDFComposer {
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

    /// Draws a text layout line by line, breaking across pages. With `minLinesAtBottom` of 2
    /// or more, that many lines stay together on either side of a break, as TeX's
    /// `\clubpenalty` and `\widowpenalty` do when set to 10000: no single line of a paragraph
    /// alone at the bottom of a page (an orphan) or at the top of the next (a widow); a
    /// paragraph too short to split so moves whole. With `rich`, places its link areas over
    /// their glyphs, draws its inline boxes, and sets its footnotes (laid out by `footnote`) at
    /// the bottom of the page where their mark falls. After `keepWithNext()`, the text is held
    /// and set with the next block.
    func flow(
        _ text: TextLayout, indent: Double = 0, color: Color? = nil, minLinesAtBottom: Int = 2,
        rich: RichText? = nil, footnote: ((Int, [Block]) -> TextLayout)? = nil,
        onFirstLine: ((Double) -> Void)? = nil
    ) {
        if keepNextFlow {
            keepNextFlow = false
            kept.append(
                KeptItem(height: text.size.height) { [self] in
                    flow(text, indent: indent, color: color, minLinesAtBottom: minLinesAtBottom, rich: rich, footnote: footnote, onFirstLine: onFirstLine)
                })
            return
        }
        recordOverfullLines(of: text)
        let lines = text.lines
        let together = max(1, minLinesAtBottom)
        // Footnote layouts by the line their mark is on.
        var notesByLine: [Int: [(number: Int, layout: TextLayout)]] = [:]
        if let rich, let footnote {
            for f in rich.footnotes {
                notesByLine[text.line(containing: f.offset), default: []].append((f.number, footnote(f.number, f.blocks)))
            }
        }
        // The room the footnotes of line `k` take, with the rule above them if they are the page's first.
        func notesHeight(_ k: Int, first: Bool) -> Double {
            guard let notes = notesByLine[k] else { return 0 }
            return notes.reduce(first ? Self.footnoteGap : 0) { $0 + $1.layout.size.height + 2 }
        }
        var i = 0
        while i < lines.count {
            var needed = 0.0
            for k in i..<min(i + together, lines.count) { needed += lines[k].height + notesHeight(k, first: footnotes.isEmpty) }
            if i == 0 {
                // What is kept for this text (a heading) goes with its first lines, or all of
                // them when it is too short to split.
                let whole = lines.count < 2 * together
                settle(lead: whole ? lines.reduce(0) { $0 + $1.height } : needed)
            }
            if needed > remaining && pageHasContent { newPage() }
            // As many lines as fit, with the footnotes their marks bring to this page.
            var j = i, height = 0.0, notes = 0.0
            while j < lines.count {
                let extra = notesHeight(j, first: footnotes.isEmpty && notes == 0)
                guard height + lines[j].height + notes + extra <= remaining || j == i else { break }
                height += lines[j].height
                notes += extra
                j += 1
            }
            if j < lines.count && together > 1 {
                // Widow: the lines that carry over are never fewer than `together`.
                if lines.count - j < together { j = max(i + 1, lines.count - together) }
                // Orphan: nor are those that stay; a paragraph too short to split starts on the next page.
                if j - i < together && pageHasContent {
                    newPage()
                    continue
                }
            }
            for k in i..<j {
                if let placed = notesByLine.removeValue(forKey: k) { footnotes += placed }
            }
            height = lines[i..<j].reduce(0) { $0 + $1.height }
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
}
