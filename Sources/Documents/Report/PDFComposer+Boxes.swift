import Graphics

/// Shaded boxes of monospaced text — code, outputs, errors — that continue across pages: the
/// box is drawn once per page it reaches, around that page's lines.
extension PDFComposer {
    /// A text layout inside a shaded box (code, outputs), continued across pages.
    func box(
        _ text: TextLayout, indent: Double = 0, padding: Double = 6, background: Color, border: Color?,
        leftRule: Color? = nil, color: Color? = nil, keepWith: Double = 0
    ) {
        box([text], indent: indent, padding: padding, background: background, border: border, leftRule: leftRule, color: color, keepWith: keepWith)
    }

    /// One box over several layouts set one after another (a long output in chunks: Pango's
    /// cost grows faster than linearly with the size of one layout, so long text is laid out
    /// in pieces of a few hundred lines). Two lines at least go on each page the box reaches;
    /// the last of them keep with the `keepWith` points of what follows (a cell's code with
    /// the first lines of its output).
    func box(
        _ texts: [TextLayout], indent: Double = 0, padding: Double = 6, background: Color, border: Color?,
        leftRule: Color? = nil, color: Color? = nil, keepWith: Double = 0
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
            if i == 0 { settle(lead: firstNeeds) }
            if firstNeeds > remaining && pageHasContent { newPage() }
            var j = i, height = 0.0
            while j < lines.count && (height + lines[j].height + 2 * padding <= remaining || j == i) {
                height += lines[j].height; j += 1
            }
            let rest = lines[i...].reduce(0) { $0 + $1.height } + 2 * padding
            if j == lines.count && keepWith > 0 && rest + keepWith > remaining && pageHasContent {
                // The end of the box keeps with what follows: a short box goes over whole
                // (when it fits with it on a page), a longer one sends its last two lines.
                if j - i < 4 {
                    if rest + keepWith <= textHeight {
                        newPage()
                        continue
                    }
                } else {
                    j -= 2
                }
            } else if j < lines.count && lines.count - j == 1 && j - i >= 3 {
                // No single line of the box alone at the top of the next page.
                j -= 1
            }
            height = lines[i..<j].reduce(0) { $0 + $1.height }
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
}
