internal import Foundation
import Graphics
import PlotData

extension Table {
    /// How a table is typeset: its font, size and spacing (booktabs rules are always drawn).
    public struct Style: Sendable {
        /// The font family of every cell.
        public var family = Fonts.serif
        /// The font size in points.
        public var size = 9.0
        /// Horizontal space in points on each side of a cell's content.
        public var cellPadding = 6.0
        /// Vertical space in points between rows.
        public var rowGap = 3.0
        /// The size in points of a `.plot` cell's sparkline.
        public var sparkline = Size(48, 10)
        /// The report's table style: Latin Modern Roman at 9 pt.
        public init() {}
    }

    /// Column widths (natural, from the widest cell) and the total size.
    public func measure(on canvas: Canvas, style: Style = Style()) -> Size {
        let m = measured(on: canvas, style: style)
        return Size(m.width, m.height(rows: 0..<rows.count))
    }

    /// A table measured once, so a long table can be drawn a page of rows at a time without
    /// measuring every cell again for each page.
    public struct Metrics: Sendable {
        /// Each column's width in points, from its widest cell.
        public let widths: [Double]
        /// Each body row's height in points.
        public let rowHeights: [Double]
        /// The header row's height in points.
        public let headerHeight: Double
        let rowGap: Double
        /// The table's total width in points.
        public var width: Double { widths.reduce(0, +) }
        /// Height of the header, `rows` and the rules (matches `draw`).
        public func height(rows: Range<Int>) -> Double {
            headerHeight + rowHeights[rows].reduce(0, +) + 2 * rowGap - 1
        }
    }

    /// Measures every cell once, with the canvas's fonts.
    ///
    /// - Parameters:
    ///   - canvas: The canvas the table will be drawn on (its font setup decides the widths).
    ///   - style: The typesetting style.
    /// - Returns: Column widths and row heights, for drawing the table whole or a page of rows at a time.
    public func measured(on canvas: Canvas, style: Style = Style()) -> Metrics {
        let (widths, heights, header) = metrics(canvas, style)
        return Metrics(widths: widths, rowHeights: heights, headerHeight: header, rowGap: style.rowGap)
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
    /// `rows` draws the header and only those rows (a page of a long table), with `metrics`
    /// from `measured` so the widths are the whole table's.
    @discardableResult
    public func draw(
        on canvas: Canvas, at origin: Point, style: Style = Style(), rows range: Range<Int>? = nil,
        metrics measured: Metrics? = nil
    ) -> Double {
        let m = measured ?? self.measured(on: canvas, style: style)
        let (widths, heights, headerHeight) = (m.widths, m.rowHeights, m.headerHeight)
        let range = (range ?? 0..<rows.count).clamped(to: 0..<rows.count)
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
        for r in range {
            let row = rows[r].prefix(columns.count)
            x = origin.x
            // Cells of a row share one baseline (math and text have different ascents).
            let labels = row.enumerated().map { c, cell in text(cell, column: c).map { label(canvas, $0, style, bold: false) } }
            let baseline = labels.compactMap { $0?.baseline }.max() ?? 0
            for (c, cell) in row.enumerated() {
                if let t = labels[c] {
                    let numeric: Bool = {
                        if case .number = cell { return true }; return false
                    }()
                    t.draw(canvas, Point(place(t.size.width, in: c, x: x, alignment(c, numeric: numeric)), y + baseline - t.baseline), ink)
                } else if case .plot(let values) = cell {
                    let box = Rect(
                        x: place(style.sparkline.width, in: c, x: x, alignment(c, numeric: true)),
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
        // Values spanning more than a double holds (±1e308) are placed in halves.
        let half = !(hi - lo).isFinite
        let span = hi > lo ? (half ? hi / 2 - lo / 2 : hi - lo) : 1
        func p(_ i: Int) -> Point {
            let v = half ? values[i] / 2 - lo / 2 : values[i] - lo
            return Point(box.x + box.width * Double(i) / Double(values.count - 1), box.maxY - v / span * box.height)
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
