internal import Foundation
import Graphics
import PlotData

extension Figure {
    /// Draws the figure with its top-left corner at `origin`, at its physical size.
    ///
    /// Constrained layout: each panel measures the margins its guides need; every column takes
    /// the widest left/right margins of its panels and every row the tallest top/bottom, so
    /// plot rectangles line up across the grid and no label is clipped.
    public func draw(on canvas: Canvas, at origin: Point = Point(0, 0)) {
        // A figure `validate()` rejects draws nothing rather than index past its panels.
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 1, columns >= 1, !overflow, cells == panels.count, cells <= PlotLimits.maxPanels,
            width.isFinite, height.isFinite, width > 0, height > 0
        else { return }
        let pad = 3.0
        var panels = resolvedPanels()
        // A shared colorbar takes its width from the right of the grid (measured for the full height).
        var shared: (Colorbar, AxisGuide)?
        if let text = sharedColorbar, let scale = sharedColorScale(panels) {
            let bar = Colorbar(scale: scale, label: text, canvas: canvas)
            shared = (bar, bar.guide(length: height * 0.8, canvas: canvas))
            panels = sharingColors(panels, range: scale.range)
        }
        let width = self.width - (shared.map { $0.0.width(guide: $0.1) + 4 } ?? 0)
        let titleLabel = title.map { LabelRenderer.render(canvas, $0, PlotStyle.titleSize + 1, true) }
        let top = origin.y + pad + (titleLabel.map { $0.size.height + 4 } ?? 0)
        let letterHeight = panelLetters ? 11.0 : 0
        let cellW = (width - 2 * pad) / Double(columns), cellH = (origin.y + height - pad - top) / Double(rows)
        func cell(_ r: Int, _ c: Int) -> Rect {
            Rect(x: origin.x + pad + Double(c) * cellW, y: top + Double(r) * cellH, width: cellW, height: cellH)
        }
        var colM: [Margins] = [], rowM: [Margins] = []
        var outside = Array(repeating: false, count: panels.count)
        var plotW = 1.0, plotH = 1.0
        func plotRect(_ r: Int, _ c: Int) -> Rect {
            let x = origin.x + pad + colM[..<c].reduce(0) { $0 + $1.left + $1.right } + Double(c) * plotW + colM[c].left
            let y = top + rowM[..<r].reduce(0) { $0 + $1.top + $1.bottom } + Double(r) * plotH + rowM[r].top
            return Rect(x: x, y: y, width: plotW, height: plotH)
        }
        // Two rounds at most: a legend judged to fit inside may find no empty spot in the final,
        // narrower plot; that panel then measures again with its legend outside.
        for _ in 0..<2 {
            colM = Array(repeating: Margins(), count: columns); rowM = Array(repeating: Margins(), count: rows)
            for r in 0..<rows {
                for c in 0..<columns {
                    let i = r * columns + c
                    var (m, out) = panels[i].margins(cell: cell(r, c), canvas: canvas, forceOutside: outside[i])
                    outside[i] = out
                    // The letter sits on the title's line, left of the plot; without a title it needs its own line.
                    if panels[i].title == nil { m.top += letterHeight }
                    colM[c] = colM[c].union(Margins(left: m.left, right: m.right))
                    rowM[r] = rowM[r].union(Margins(top: m.top, bottom: m.bottom))
                }
            }
            // Equal plot sizes: the space left after all margins, shared evenly.
            plotW = max(1, (width - 2 * pad - colM.reduce(0) { $0 + $1.left + $1.right }) / Double(columns))
            plotH = max(1, (origin.y + height - pad - top - rowM.reduce(0) { $0 + $1.top + $1.bottom }) / Double(rows))
            var changed = false
            for r in 0..<rows {
                for c in 0..<columns where !outside[r * columns + c] && panels[r * columns + c].view3D == nil {
                    let p = panels[r * columns + c]
                    let g = p.guides(plot: p.aspectAdjusted(plotRect(r, c)), canvas: canvas)
                    if g.legend != nil && g.legendOrigin == nil { outside[r * columns + c] = true; changed = true }
                }
            }
            if !changed { break }
        }
        var y = top
        var firstPlot: Rect?, lastPlot: Rect?
        for r in 0..<rows {
            var x = origin.x + pad
            for c in 0..<columns {
                let plot = Rect(x: x + colM[c].left, y: y + rowM[r].top, width: plotW, height: plotH)
                panels[r * columns + c].draw(on: canvas, plot: plot, legendOutside: outside[r * columns + c])
                if r == 0 && c == 0 { firstPlot = plot }
                lastPlot = plot
                if panelLetters {
                    let letter = LabelRenderer.render(
                        canvas, "(\(Character(UnicodeScalar(97 + (r * columns + c) % 26)!)))",
                        PlotStyle.labelSize + 0.5, true)
                    // At the top of the row: level with the titles (the tallest, when a ×10^k label lifts one).
                    letter.draw(canvas, Point(x, y + 2), PlotStyle.ink)
                }
                x += colM[c].left + plotW + colM[c].right
            }
            y += rowM[r].top + plotH + rowM[r].bottom
        }
        if let (bar, _) = shared, let a = firstPlot, let b = lastPlot {
            // As tall as the grid's plots, beside the right end of the grid.
            let beside = Rect(x: a.x, y: a.y, width: origin.x + width - pad - 4 - a.x, height: b.maxY - a.y)
            bar.draw(on: canvas, beside: beside, guide: bar.guide(length: beside.height, canvas: canvas))
        }
        if let t = titleLabel { t.draw(canvas, Point(origin.x + (width - t.size.width) / 2, origin.y + pad), PlotStyle.ink) }
    }
}
