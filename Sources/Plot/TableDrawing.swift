import Foundation
import Graphics

extension Table {
    public struct Style: Sendable {
        public var family = Fonts.serif
        public var size = 9.0
        public var cellPadding = 6.0
        public var rowGap = 3.0
        public var sparkline = Size(48, 10)
        public init() {}
    }

    /// Column widths (natural, from the widest cell) and the total size.
    public func measure(on canvas: Canvas, style: Style = Style()) -> Size {
        let (widths, rowHeights, headerHeight) = metrics(canvas, style)
        // Matches `draw`: header, gap, rows, gap, the bottom rule.
        return Size(widths.reduce(0, +), headerHeight + rowHeights.reduce(0, +) + 2 * style.rowGap - 1)
    }

    func metrics(_ canvas: Canvas, _ style: Style) -> ([Double], [Double], Double) {
        var widths = columns.map { label(canvas, $0.title, style, bold: true).size.width + style.cellPadding * 2 }
        let headerHeight = columns.map { label(canvas, $0.title, style, bold: true).size.height }.max() ?? 0
        var heights: [Double] = []
        for row in rows {
            // Text cells share the row's baseline, so the row holds the tallest ascent plus the
            // deepest descent; plots are centred in the row.
            var ascent = 0.0, descent = 0.0, h = 0.0
            for (c, cell) in row.prefix(columns.count).enumerated() {
                if let s = text(cell, column: c) {
                    let l = label(canvas, s, style, bold: false)
                    widths[c] = max(widths[c], l.size.width + style.cellPadding * 2)
                    ascent = max(ascent, l.baseline)
                    descent = max(descent, l.size.height - l.baseline)
                } else {
                    let size = cell == .empty ? Size(0, 0) : style.sparkline
                    widths[c] = max(widths[c], size.width + style.cellPadding * 2)
                    h = max(h, size.height)
                }
            }
            heights.append(max(h, ascent + descent) + style.rowGap)
        }
        return (widths, heights, headerHeight + style.rowGap * 2)
    }

    /// Cell and header text; `$…$` spans are typeset math.
    func label(_ canvas: Canvas, _ s: String, _ style: Style, bold: Bool) -> DrawnLabel {
        LabelRenderer.mixed(canvas, s, family: style.family, size: style.size, bold: bold)
    }

    /// Draws the table with its top-left corner at `origin`; returns the height used.
    @discardableResult
    public func draw(on canvas: Canvas, at origin: Point, style: Style = Style()) -> Double {
        let (widths, heights, headerHeight) = metrics(canvas, style)
        let total = widths.reduce(0, +)
        let ink = PlotStyle.ink
        func rule(_ y: Double, _ w: Double) {
            canvas.move(to: Point(origin.x, y)); canvas.line(to: Point(origin.x + total, y)); canvas.stroke(ink, width: w)
        }
        func alignment(_ c: Int, numeric: Bool) -> Alignment {
            columns[c].alignment == .auto ? (numeric ? .right : .left) : columns[c].alignment
        }
        func place(_ width: Double, in c: Int, x: Double, _ a: Alignment) -> Double {
            switch a {
            case .left, .auto: return x + style.cellPadding
            case .center: return x + (widths[c] - width) / 2
            case .right: return x + widths[c] - style.cellPadding - width
            }
        }
        var y = origin.y
        rule(y + 0.4, 0.8)
        y += style.rowGap + 1
        var x = origin.x
        // Headers follow their column's alignment (numbers: right), as in booktabs tables.
        for (c, col) in columns.enumerated() {
            let t = label(canvas, col.title, style, bold: true)
            let numeric: Bool = {
                guard let first = rows.first, c < first.count else { return false }
                if case .text = first[c] { return false }
                return true
            }()
            t.draw(canvas, Point(place(t.size.width, in: c, x: x, alignment(c, numeric: numeric)), y), ink)
            x += widths[c]
        }
        y = origin.y + headerHeight
        rule(y, 0.5)
        y += style.rowGap
        for (r, row) in rows.enumerated() {
            x = origin.x
            // Cells of a row share one baseline (math and text have different ascents).
            let row = row.prefix(columns.count)
            let labels = row.enumerated().map { c, cell in text(cell, column: c).map { label(canvas, $0, style, bold: false) } }
            let baseline = labels.compactMap { $0?.baseline }.max() ?? 0
            for (c, cell) in row.enumerated() {
                if let t = labels[c] {
                    let numeric: Bool = { if case .number = cell { return true }; return false }()
                    t.draw(canvas, Point(place(t.size.width, in: c, x: x, alignment(c, numeric: numeric)), y + baseline - t.baseline), ink)
                } else if case .plot(let values) = cell {
                    let box = Rect(x: place(style.sparkline.width, in: c, x: x, alignment(c, numeric: true)),
                                   y: y + (heights[r] - style.rowGap - style.sparkline.height) / 2,
                                   width: style.sparkline.width, height: style.sparkline.height)
                    Table.sparkline(values, in: box, on: canvas)
                }
                x += widths[c]
            }
            y += heights[r]
        }
        y += style.rowGap - 2
        rule(y, 0.8)
        return y + 1 - origin.y
    }

    /// A small line of the finite values with a dot on the last one.
    static func sparkline(_ values: [Double], in box: Rect, on canvas: Canvas) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), values.count >= 2 else { return }
        let span = hi > lo && (hi - lo).isFinite ? hi - lo : (hi > lo ? Double.greatestFiniteMagnitude : 1)
        func p(_ i: Int) -> Point {
            Point(box.x + box.width * Double(i) / Double(values.count - 1), box.maxY - (values[i] - lo) / span * box.height)
        }
        var pen = false
        for i in values.indices {
            guard values[i].isFinite else { pen = false; continue }
            pen ? canvas.line(to: p(i)) : canvas.move(to: p(i))
            pen = true
        }
        canvas.setLineJoin(.round)
        canvas.stroke(Palette.cycle[0], width: 0.9)
        if let last = values.indices.last(where: { values[$0].isFinite }) {
            canvas.circle(center: p(last), radius: 1.4); canvas.fill(Palette.cycle[1])
        }
    }
}
