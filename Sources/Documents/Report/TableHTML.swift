import Foundation
import Plot

/// A results table (Plot's `Table`) as HTML: text cells may hold `$…$` math (inline SVG),
/// numbers are formatted by their column and set flush right, plot cells become small inline
/// SVG sparklines drawn from the data (no images to load).
enum TableHTML {
    static func render(_ table: Table, context: InlineContext) -> String {
        let numeric = table.columns.indices.map { c in
            switch table.columns[c].alignment {
            case .right: return true
            case .left, .center: return false
            case .auto:
                return table.rows.allSatisfy { row in
                    guard c < row.count else { return true }
                    switch row[c] {
                    case .text: return false;
                    default: return true
                    }
                }
            }
        }
        func align(_ c: Int) -> String {
            switch table.columns[c].alignment {
            case .center: return " class=\"c\""
            default: return numeric[c] ? " class=\"num\"" : ""
            }
        }
        var html = "<table class=\"results\">\n<thead><tr>"
        for (c, column) in table.columns.enumerated() { html += "<th\(align(c))>\(text(column.title, context))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            // Validation rejects rows longer than the columns; never index past them anyway.
            for (c, cell) in row.prefix(table.columns.count).enumerated() {
                html += "<td\(align(c))>"
                switch cell {
                case .text(let s): html += text(s, context)
                case .number(let v): html += HTML.escape(table.columns[c].format.format(v))
                case .plot(let values): html += sparkline(values)
                case .empty: break
                }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    /// Plain text with `$…$` spans typeset.
    static func text(_ s: String, _ context: InlineContext) -> String {
        let parts = s.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return HTML.escape(s) }
        return parts.enumerated().map { k, part in
            k % 2 == 0 ? HTML.escape(String(part)) : MathSetter.inlineHTML(String(part), id: context.nextMathID())
        }.joined()
    }

    /// A 64×16 px polyline of the finite values, scaled to their range.
    static func sparkline(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), values.count > 1 else { return "" }
        let (w, h) = (64.0, 16.0)
        // Values spanning more than a double holds (±1e308) are scaled in halves.
        let span = hi > lo ? ((hi - lo).isFinite ? hi - lo : hi / 2 - lo / 2) : 1
        let half = !(hi - lo).isFinite
        var d = ""
        var pen = false
        for (i, v) in values.enumerated() {
            guard v.isFinite else { pen = false; continue }
            let x = 1 + (w - 2) * Double(i) / Double(values.count - 1)
            let y = h - 1 - (h - 2) * (half ? (v / 2 - lo / 2) : (v - lo)) / span
            d += String(format: "%@%.1f %.1f", pen ? " L" : (d.isEmpty ? "M" : " M"), x, y)
            pen = true
        }
        return "<svg class=\"spark\" width=\"64\" height=\"16\" viewBox=\"0 0 64 16\" aria-hidden=\"true\">"
            + "<path d=\"\(d)\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.2\"/></svg>"
    }
}
