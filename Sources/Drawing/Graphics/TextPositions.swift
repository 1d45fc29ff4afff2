internal import CCairo
internal import CPangoCairo
internal import Foundation

/// Where text sits inside a layout, so callers can put link areas over exactly the glyphs of
/// a phrase, find which line a character fell on, and reserve room for things drawn inline
/// (typeset math) in the middle of a line. Offsets are UTF-8 byte offsets into the layout's
/// text (the markup with its tags removed), as Pango counts them.
extension TextLayout {
    /// The layout's text without markup.
    public var text: String { String(cString: pango_layout_get_text(layout)) }

    /// The byte length of the text Pango holds, with the line breaks the paragraph breaker inserted.
    var rawLength: Int { Int(strlen(pango_layout_get_text(layout))) }

    /// The line holding byte `offset`.
    public func line(containing offset: Int) -> Int { rawLine(mapped(offset)) }

    func rawLine(_ offset: Int) -> Int {
        var line: Int32 = 0, x: Int32 = 0
        pango_layout_index_to_line_x(layout, Int32(min(max(offset, 0), rawLength)), 0, &line, &x)
        return Int(line)
    }

    /// Rectangles covering bytes `range`, one per line the range spans, in layout coordinates
    /// (origin at the layout's top left), with the index of each line.
    public func rects(covering range: Range<Int>) -> [(line: Int, rect: Rect)] {
        guard !range.isEmpty else { return [] }
        let all = lines
        var result: [(Int, Rect)] = []
        // Callers count offsets in the text before line breaking; an end past the text (a
        // range meant as "all of it") must not reach Pango past the layout's end.
        let range = min(mapped(range.lowerBound), rawLength)..<min(mapped(range.upperBound), rawLength)
        for i in rawLine(range.lowerBound)...rawLine(max(range.lowerBound, range.upperBound - 1)) {
            guard i < all.count, let l = pango_layout_get_line_readonly(layout, Int32(i)) else { continue }
            var ranges: UnsafeMutablePointer<Int32>? = nil
            var n: Int32 = 0
            pango_layout_line_get_x_ranges(l, Int32(range.lowerBound), Int32(range.upperBound), &ranges, &n)
            guard let ranges else { continue }
            defer { g_free(ranges) }
            var lo = Double.infinity, hi = -Double.infinity
            for k in 0..<Int(n) {
                lo = min(lo, Double(ranges[2 * k]) / Double(PANGO_SCALE))
                hi = max(hi, Double(ranges[2 * k + 1]) / Double(PANGO_SCALE))
            }
            if hi > lo { result.append((i, Rect(x: lo + shift(line: i), y: all[i].top, width: hi - lo, height: all[i].height))) }
        }
        return result
    }

    /// The box of the character at byte `offset`, in layout coordinates.
    public func characterRect(at offset: Int) -> Rect {
        var pos = PangoRectangle()
        let offset = min(mapped(offset), rawLength)
        pango_layout_index_to_pos(layout, Int32(offset), &pos)
        let s = Double(PANGO_SCALE)
        return Rect(x: Double(pos.x) / s + shift(line: rawLine(offset)), y: Double(pos.y) / s, width: Double(pos.width) / s, height: Double(pos.height) / s)
    }

    /// An inline object of a given size that the line must make room for.
    public struct InlineBox {
        /// The byte range of the text the box stands for.
        public var offset: Int, length: Int
        /// The box's width, and its extent above and below the baseline, in points.
        public var width: Double, ascent: Double, descent: Double
        /// Draws the object with its baseline's left end at the point; the layout calls it
        /// whenever it draws the line the box is on (nil: the caller draws it).
        public var draw: ((Canvas, Point) -> Void)?
        /// A box of the given size in place of `length` bytes at `offset`.
        public init(
            offset: Int, length: Int, width: Double, ascent: Double, descent: Double,
            draw: ((Canvas, Point) -> Void)? = nil
        ) {
            (self.offset, self.length, self.width, self.ascent, self.descent) = (offset, length, width, ascent, descent)
            self.draw = draw
        }
    }

    /// Makes the characters of each box (usually one U+FFFC) take exactly the box's size in
    /// the line, so lines break and space around it; the caller draws the object there.
    public func reserve(_ boxes: [InlineBox]) {
        guard !boxes.isEmpty else { return }
        measured = nil
        reservedBoxes += boxes
        let list = pango_layout_get_attributes(layout).map { pango_attr_list_copy($0) } ?? pango_attr_list_new()
        let s = Double(PANGO_SCALE)
        for b in boxes {
            // Pango units are Int32 (1/1024 pt): a box wider than ~2 million pt (many \\hspace at
            // TeX's limit) would trap in the conversion; clamp to a million points.
            func units(_ v: Double) -> Int32 { Int32((min(max(v.isFinite ? v : 0, -1e6), 1e6) * s).rounded()) }
            var rect = PangoRectangle(x: 0, y: units(-b.ascent), width: units(b.width), height: units(b.ascent + b.descent))
            guard let attr = pango_attr_shape_new(&rect, &rect) else { continue }
            attr.pointee.start_index = UInt32(mapped(b.offset))
            attr.pointee.end_index = UInt32(mapped(b.offset) + b.length)
            pango_attr_list_insert(list, attr)
        }
        pango_layout_set_attributes(layout, list)
        pango_attr_list_unref(list)
    }
}

/// Link areas, named destinations and metadata of a PDF. Each is a no-op on SVG and PNG.
extension Canvas {
    /// A clickable area (one or more rectangles, in user space) opening `uri`.
    public func linkArea(_ rects: [Rect], uri: String) {
        tagLink(rects, "uri='\(Self.quoted(uri))'")
    }

    /// A clickable area jumping to the destination `name` (see `destination(_:at:)`).
    public func linkArea(_ rects: [Rect], destination name: String) {
        tagLink(rects, "dest='\(Self.quoted(name))'")
    }

    /// Names the point `p` of the current page, the target of `linkArea(_:destination:)`.
    public func destination(_ name: String, at p: Point) {
        guard kind == .pdf else { return }
        let attrs = "name='\(Self.quoted(name))' x=\(Self.number(p.x)) y=\(Self.number(p.y))"
        cairo_tag_begin(context, CAIRO_TAG_DEST, attrs)
        cairo_tag_end(context, CAIRO_TAG_DEST)
    }

    /// Subject and keywords of the PDF's document information.
    public func setMetadata(subject: String?, keywords: String?) {
        guard kind == .pdf else { return }
        if let subject { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if let keywords { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords) }
    }

    private func tagLink(_ rects: [Rect], _ target: String) {
        guard kind == .pdf, !rects.isEmpty else { return }
        let r = rects.map { "\(Self.number($0.x)) \(Self.number($0.y)) \(Self.number($0.width)) \(Self.number($0.height))" }
        cairo_tag_begin(context, CAIRO_TAG_LINK, "rect=[\(r.joined(separator: " "))] \(target)")
        cairo_tag_end(context, CAIRO_TAG_LINK)
    }

    /// Cairo's attribute strings quote with `'` and escape it and `\` with a backslash.
    private static func quoted(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// Fixed decimals, so attribute strings (and so the PDF) do not depend on float printing.
    private static func number(_ v: Double) -> String { String(format: "%.2f", v) }
}
