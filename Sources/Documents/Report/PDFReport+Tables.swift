import Graphics
import Notebook
import OutputChannel

/// GFM tables in the PDF, booktabs style: natural column widths (shrunk to the text width if
/// needed), numeric columns flush right, a numbered caption above, rules above, below the
/// header and at the end.
extension PDFReport.Writer {
    func table(header: [[Inline]], rows: [[[Inline]]], indent: Double, caption: TableCaption?) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let font = style.caption
        let pad = 6.0
        let available = style.textWidth - indent
        let measure = InlineContext(numbering: numbering)  // footnotes are counted when drawn
        func natural(_ cells: [[Inline]], _ c: Int, bold: Bool) -> Double {
            var t = RichText()
            if bold { t.tag("<b>") }
            if c < cells.count { InlineMarkup.pango(cells[c], measure, into: &t) }
            if bold { t.tag("</b>") }
            return composer.layout(t, font: font).size.width
        }
        // Natural column widths; shrink proportionally when the table is wider than the text.
        var widths = (0..<columns).map { c in
            max(natural(header, c, bold: true), rows.map { natural($0, c, bold: false) }.max() ?? 0) + 2 * pad
        }
        let total = widths.reduce(0, +)
        if total > available { widths = widths.map { $0 * available / total } }
        let tableWidth = widths.reduce(0, +)
        let numeric = TableColumns.numeric(rows, columns: columns)
        let left = style.margin.left + indent + (available - tableWidth) / 2
        if let caption {
            let number = numbering.tableNumbers[caption.line]
            var text = RichText()
            if let number { text.tag("<b>"); text.text("Table \(number):"); text.tag("</b> ") }
            InlineMarkup.pango(caption.content, context, into: &text)
            let layout = composer.layout(text, font: style.caption, width: min(available, 400), alignment: .center)
            composer.ensure(layout.size.height + 40)
            if let label = caption.label { composer.destination(label, offset: 6) }
            composer.flow(layout, indent: indent + (available - min(available, 400)) / 2, minLinesAtBottom: 3, rich: text)
            composer.space(5)
        }
        func row(_ cells: [[Inline]], bold: Bool) {
            let texts = (0..<columns).map { c -> RichText in
                var t = RichText()
                if bold { t.tag("<b>") }
                InlineMarkup.pango(c < cells.count ? cells[c] : [], context, into: &t)
                if bold { t.tag("</b>") }
                return t
            }
            let layouts = texts.enumerated().map {
                composer.layout($1, font: font, width: widths[$0] - 2 * pad, alignment: numeric[$0] ? .right : .left)
            }
            let h = (layouts.map(\.size.height).max() ?? 0) + 5
            let notes = texts.flatMap { $0.footnotes.map { (number: $0.number, layout: footnoteLayout($0.number, $0.blocks)) } }
            composer.ensure(h + notes.reduce(notes.isEmpty ? 0 : PDFComposer.footnoteGap) { $0 + $1.layout.size.height + 2 })
            composer.addFootnotes(notes)
            let top = composer.y
            var x = left
            for (c, l) in layouts.enumerated() {
                l.draw(on: canvas, at: Point(x + pad, top + 2.5), color: style.ink)
                for link in texts[c].links {
                    let rects = l.rects(covering: link.range).map {
                        Rect(x: x + pad + $0.rect.x, y: top + 2.5 + $0.rect.y, width: $0.rect.width, height: $0.rect.height)
                    }
                    switch link.target {
                    case .uri(let u): canvas.linkArea(rects, uri: u)
                    case .destination(let d): canvas.linkArea(rects, destination: d)
                    }
                }
                x += widths[c]
            }
            composer.advance(h)
        }
        func rule(_ w: Double) {
            canvas.move(to: Point(left, composer.y))
            canvas.line(to: Point(left + tableWidth, composer.y))
            canvas.stroke(style.ink, width: w)
        }
        composer.ensure(40)
        rule(0.8); composer.advance(1)
        if !header.isEmpty { row(header, bold: true); rule(0.5); composer.advance(1) }
        for r in rows { row(r, bold: false) }
        rule(0.8)
        composer.advance(1)
    }
}
