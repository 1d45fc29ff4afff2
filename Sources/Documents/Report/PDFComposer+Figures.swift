import Graphics
import Plot

/// Figures and results tables on the page: at their physical size, centred, moved whole to
/// the next page when they do not fit; a table taller than a page continues with its header.
extension PDFComposer {
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
        settle(lead: placedHeight(of: table, indent: indent))
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

    /// The scale at which `place` sets something of `size`: 1, unless it is wider than the
    /// page allows or taller than the text block (less `keepWith`).
    func placementScale(_ size: Size, indent: Double = 0, keepWith: Double = 0) -> Double {
        let widest = max(style.textWidth - indent, style.width - 72)
        return min(1, widest / size.width, (textHeight - keepWith) / size.height)
    }

    /// Places something of `size` points the way `figure` does and draws it into its rectangle.
    func place(_ size: Size, indent: Double = 0, keepWith: Double = 0, draw: (Rect, Double) -> Void) -> Rect {
        let text = style.textWidth - indent
        let scale = placementScale(size, indent: indent, keepWith: keepWith)
        ensure(size.height * scale + keepWith)
        let w = size.width * scale
        let x = w <= text ? style.margin.left + indent + (text - w) / 2 : (style.width - w) / 2
        let rect = Rect(x: x, y: y, width: w, height: size.height * scale)
        draw(rect, scale)
        y += rect.height
        pageHasContent = true
        return rect
    }
}
