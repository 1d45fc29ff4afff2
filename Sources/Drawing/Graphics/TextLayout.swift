internal import CCairo
internal import CPangoCairo

/// A block of text laid out by Pango for a given width: wrapped, optionally justified,
/// with lines that can be drawn one at a time (so a paragraph can break across pages).
///
/// Text is given as Pango markup (`<b>`, `<i>`, `<tt>`, `<span …>`); `TextLayout.escape`
/// makes plain text safe for it. Font descriptions follow Pango's syntax and need the comma
/// before the size (`"Latin Modern Roman, 11"`), else Pango falls back to another family.
public final class TextLayout {
    let layout: OpaquePointer
    /// The wrapping width in points (nil: no wrapping).
    public let width: Double?
    /// Inline objects that `reserve` made room for; those with a `draw` are drawn with the text.
    var reservedBoxes: [InlineBox] = []
    /// Lines with their x offsets and Pango line pointers, measured once: walking Pango's line
    /// list (and its iterators) from the start for every line drawn was quadratic in the lines.
    /// Anything that changes the layout (`reserve`, `setHangingIndent`) clears it.
    var measured: (lines: [Line], xOffsets: [Double], pango: [UnsafeMutableRawPointer])?
    /// Byte offsets (of the text before breaking) where `breakParagraph` inserted a "\n":
    /// callers keep counting offsets in the text they built, and `mapped` translates.
    var insertedBreaks: [Int] = []
    /// Horizontal shift of each line, for ragged lines that `breakParagraph` aligned itself.
    var lineShifts: [Double] = []
    /// Lines that `breakParagraph` had to let run past the width (a formula wider than the
    /// line): the caller reports them.
    public internal(set) var overfullLines: [Int] = []

    /// One laid-out line's geometry, relative to the layout's top.
    public struct Line {
        /// The line's number, from 0.
        public let index: Int
        /// Top of the line's logical box and its baseline, relative to the layout's top.
        public let top: Double
        /// The baseline's y, relative to the layout's top.
        public let baseline: Double
        /// The line's logical height in points.
        public let height: Double
    }

    /// Lays out `markup` on `canvas`'s font setup.
    ///
    /// - Parameters:
    ///   - canvas: The canvas whose font options (hinting, resolution) the layout uses.
    ///   - markup: Pango markup; escape plain text with `TextLayout.escape`.
    ///   - font: A Pango font description with a comma before the size (`"Latin Modern Roman, 11"`).
    ///   - width: The wrapping width in points (nil: one line per paragraph).
    ///   - justify: Stretch the lines to the width.
    ///   - alignment: Left, centred or right.
    ///   - lineSpacing: A factor on the font's line height.
    ///   - wrapAnywhere: Break inside words when a word is wider than the width.
    public init(
        canvas: Canvas, markup: String, font: String, width: Double? = nil,
        justify: Bool = false, alignment: Alignment = .left, lineSpacing: Double = 1.0,
        wrapAnywhere: Bool = false
    ) {
        layout = pango_cairo_create_layout(canvas.context)
        self.width = width
        Self.configure(context: pango_layout_get_context(layout), canvas: canvas)
        pango_layout_context_changed(layout)
        let desc = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        if let width {
            pango_layout_set_width(layout, Int32((min(max(width.isFinite ? width : 1, 1), 1e6) * Double(PANGO_SCALE)).rounded()))
            pango_layout_set_wrap(layout, wrapAnywhere ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD)
        }
        pango_layout_set_justify(layout, justify ? 1 : 0)
        pango_layout_set_alignment(layout, alignment.pango)
        if lineSpacing != 1.0 { pango_layout_set_line_spacing(layout, Float(lineSpacing)) }
        pango_layout_set_markup(layout, markup, -1)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// The horizontal alignment of the lines.
    public enum Alignment {
        /// Flush left, centred, or flush right.
        case left, center, right
        var pango: PangoAlignment {
            switch self {
            case .left: PANGO_ALIGN_LEFT;
            case .center: PANGO_ALIGN_CENTER;
            case .right: PANGO_ALIGN_RIGHT
            }
        }
    }

    /// Layout metrics must not depend on the output device: metric hinting off everywhere,
    /// so PDF, SVG and PNG break lines at the same places.
    static func configure(context: OpaquePointer?, canvas: Canvas) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        if case .png = canvas.kind { cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY) }
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        // Pango assumes 96 dpi; our user space is points (1/72 in), so a 10 pt font must be 10 units.
        pango_cairo_context_set_resolution(context, 72)
    }

    /// Logical size of the whole layout in points.
    public var size: Size {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Size(Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// Baseline of the first line, from the top.
    public var firstBaseline: Double { Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE) }

    /// Every line of the layout, in order.
    public var lines: [Line] { measure().lines }

    func measure() -> (lines: [Line], xOffsets: [Double], pango: [UnsafeMutableRawPointer]) {
        if let measured { return measured }
        var result: [Line] = [], xs: [Double] = [], pointers: [UnsafeMutableRawPointer] = []
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        var index = 0
        repeat {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / Double(PANGO_SCALE)
            result.append(
                Line(
                    index: index, top: Double(logical.y) / Double(PANGO_SCALE),
                    baseline: baseline, height: Double(logical.height) / Double(PANGO_SCALE)))
            // `pango_cairo_show_layout_line` puts the line's origin at the pen: the offset is the
            // line's place in the layout less its own extent left of its origin (non-zero when
            // it opens with a negative-width box, as a hanging indent does).
            var own = PangoRectangle(), ownInk = PangoRectangle()
            if let line = pango_layout_iter_get_line_readonly(iter) { pango_layout_line_get_extents(line, &ownInk, &own) }
            xs.append(Double(logical.x - own.x) / Double(PANGO_SCALE) + shift(line: index))
            if let line = pango_layout_iter_get_line_readonly(iter) { pointers.append(UnsafeMutableRawPointer(line)) }
            index += 1
        } while pango_layout_iter_next_line(iter) != 0
        let m = (result, xs, pointers)
        measured = m
        return m
    }

    /// The horizontal shift of line `index` set by `breakParagraph` (0 otherwise).
    func shift(line index: Int) -> Double { index < lineShifts.count ? lineShifts[index] : 0 }

    /// A byte offset of the text as built, in the layout's text (after inserted breaks).
    func mapped(_ offset: Int) -> Int {
        guard !insertedBreaks.isEmpty else { return offset }
        var lo = 0, hi = insertedBreaks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if insertedBreaks[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return offset + lo
    }

    /// Indents every wrapped continuation line of a paragraph by `points` (the first line is not
    /// indented), so a long code line that wraps reads as one statement.
    public func setHangingIndent(_ points: Double) {
        measured = nil
        pango_layout_set_indent(layout, Int32((-min(max(points, 0), 10_000) * Double(PANGO_SCALE)).rounded()))
    }

    /// Draws the whole layout with its top-left corner at `origin`.
    public func draw(on canvas: Canvas, at origin: Point, color: Color = .black) {
        canvas.setColor(color)
        cairo_move_to(canvas.context, origin.x, origin.y)
        pango_cairo_show_layout(canvas.context, layout)
        drawBoxes(lines: 0..<Int.max, on: canvas, x: origin.x, shift: origin.y)
    }

    /// Draws lines `range` so that the first of them has its top at `top`.
    public func drawLines(_ range: Range<Int>, on canvas: Canvas, x: Double, top: Double, color: Color = .black) {
        let m = measure(), all = m.lines
        guard let first = range.first, first < all.count, all.count == m.pango.count else { return }
        let shift = top - all[first].top
        canvas.setColor(color)
        for i in first..<min(range.upperBound, all.count) {
            // Horizontal offset of the line within the layout (alignment, indentation).
            cairo_move_to(canvas.context, x + m.xOffsets[i], all[i].baseline + shift)
            pango_cairo_show_layout_line(canvas.context, m.pango[i].assumingMemoryBound(to: PangoLayoutLine.self))
        }
        drawBoxes(lines: range, on: canvas, x: x, shift: shift)
    }

    /// Draws the inline boxes on `lines`, each with its baseline origin at its place in the line.
    private func drawBoxes(lines range: Range<Int>, on canvas: Canvas, x: Double, shift: Double) {
        guard reservedBoxes.contains(where: { $0.draw != nil }) else { return }
        let all = lines
        for box in reservedBoxes {
            guard let draw = box.draw else { continue }
            let k = line(containing: box.offset)
            guard range.contains(k), k < all.count else { continue }
            canvas.save()
            draw(canvas, Point(x + characterRect(at: box.offset).x, all[k].baseline + shift))
            canvas.restore()
        }
    }

    /// Escapes `&`, `<`, `>`, quotes for Pango markup.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            // NUL would end the C string Pango reads (the rest silently lost): shown as U+FFFD.
            case "\0": out += "\u{FFFD}"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
