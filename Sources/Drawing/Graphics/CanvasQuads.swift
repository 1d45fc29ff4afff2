internal import CCairo

/// Many filled quadrilaterals at once (3-D surface facets).
extension Canvas {
    /// A quadrilateral by its corners in order.
    public typealias Quad = (Point, Point, Point, Point)

    /// Fills `quads` in order (later over earlier), each with its opaque colour. On a PDF canvas
    /// a run of many is written as one form XObject of Folio's own (PDFFormXObject: Cairo's fill
    /// path costs about 10 µs a quad); otherwise, and for a few quads, through Cairo one by one.
    public func fillQuads(_ quads: [Quad], colors: [Color]) {
        precondition(quads.count == colors.count, "Canvas.fillQuads: \(quads.count) quads, \(colors.count) colours")
        guard kind == .pdf, quads.count >= 32 else {
            for (q, c) in zip(quads, colors) {
                move(to: q.0); line(to: q.1); line(to: q.2); line(to: q.3)
                fill(c)
            }
            return
        }
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for q in quads {
            for p in [q.0, q.1, q.2, q.3] { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
        }
        // Whole points around the quads: a placeholder of any size works, round numbers read better.
        let rect = Rect(
            x: x0.rounded(.down) - 1, y: y0.rounded(.down) - 1,
            width: x1.rounded(.up) - x0.rounded(.down) + 2, height: y1.rounded(.up) - y0.rounded(.down) + 2)
        placePDFImage(PDFFormXObject(quads: quads, colors: colors, rect: rect), in: rect, interpolation: .nearest)
    }
}
