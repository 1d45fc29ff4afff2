internal import CCairo
internal import Foundation

/// A drawing surface over Cairo: a multi-page PDF, an SVG, or a raster image for PNG.
///
/// Everything Folio shows is drawn through a Canvas, so the same drawing code yields vector
/// PDF/SVG and raster PNG. Output is collected in memory and handed back by `finish()`;
/// callers write files atomically. Units are points; PNG canvases scale points to pixels by dpi.
public final class Canvas {
    /// What a canvas produces: a multi-page PDF, an SVG, or a PNG at `dpi` pixels per inch.
    public enum Kind: Equatable {
        /// A vector PDF, one or more pages.
        case pdf
        /// A vector SVG of one page.
        case svg
        /// A raster page at `dpi` pixels per inch.
        case png(dpi: Double)
    }

    /// The kind actually drawn: a PNG's dpi is lowered when its pixels would exceed the raster limits.
    public let kind: Kind
    /// The page size in points.
    public let size: Size
    let surface: OpaquePointer
    /// The `cairo_t` drawn on, for the drawing code of Folio's own modules (MathType, Plot).
    public let context: OpaquePointer
    private let sink: ByteSink
    private var finished = false
    /// Images drawn on a PDF canvas, written into Cairo's output by `finish()`.
    var pdfImages = PDFImagePlaceholders()

    /// The finest resolution (pixels per inch of the page) images are stored at in a PDF: an
    /// image with more pixels than that across its rectangle is resampled to it, nearest-neighbour,
    /// as a viewer at this resolution would show it. 100 is matplotlib's default (its figure dpi);
    /// a 1024² heatmap drawn 5 inches wide then costs a quarter of its full-resolution bytes.
    /// Images with fewer pixels (coarse heatmaps, colorbars) keep every cell exactly.
    public var vectorImageDPI: Double = 100

    /// Creation date written into PDF metadata: fixed, so re-renders are byte-identical.
    public static let fixedDate = "2000-01-01T00:00:00Z"

    /// A canvas `width` × `height` points. PNG canvases have `ceil(points · dpi / 72)` pixels.
    public init(_ kind: Kind, width: Double, height: Double, title: String? = nil, author: String? = nil) {
        // Sizes from decoded figures may be anything: a page of at least 1 pt, at most maxCoordinate.
        let width = width.isFinite ? min(max(width, 1), Canvas.maxCoordinate) : 1
        let height = height.isFinite ? min(max(height, 1), Canvas.maxCoordinate) : 1
        var kind = kind
        if case .png(let dpi) = kind { kind = .png(dpi: Canvas.rasterDPI(dpi, width: width, height: height)) }
        self.kind = kind
        self.size = Size(width, height)
        let sink = ByteSink()
        self.sink = sink
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        switch kind {
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(byteSinkWrite, closure, width, height)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, Canvas.fixedDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, Canvas.fixedDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Folio")
            if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            if let author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        case .svg:
            surface = cairo_svg_surface_create_for_stream(byteSinkWrite, closure, width, height)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        case .png(let dpi):
            let w = Int32(max(1, (width * dpi / 72).rounded(.up))), h = Int32(max(1, (height * dpi / 72).rounded(.up)))
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
        }
        context = cairo_create(surface)
        if case .png(let dpi) = kind {
            cairo_scale(context, dpi / 72, dpi / 72)
            // Raster pages start white; vector pages are transparent paper.
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
        }
    }

    /// Cairo image surfaces hold at most 32767 pixels a side; the area is capped too, so a
    /// figure at an absurd dpi costs at most ~256 MB instead of failing to allocate.
    public static let maxRasterSide = 32_767.0
    /// The largest PNG area in pixels (64 M, about 256 MB of RGBA); the dpi is lowered to fit.
    public static let maxRasterPixels = 64_000_000.0

    /// `dpi`, lowered as far as needed for a `width` × `height` pt page to fit the raster limits
    /// (a non-finite or non-positive dpi is 72).
    public static func rasterDPI(_ dpi: Double, width: Double, height: Double) -> Double {
        var d = dpi.isFinite && dpi > 0 ? dpi : 72
        let side = max(width, height) / 72
        if (side * d).rounded(.up) > maxRasterSide { d = (maxRasterSide - 1) / side }
        let area = width / 72 * height / 72
        if area * d * d > maxRasterPixels { d = (maxRasterPixels / area).squareRoot() * 0.999 }
        return d
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts another of the same size (PDF).
    public func newPage() { cairo_show_page(context) }

    /// Finishes the surface and returns the encoded file: PDF, SVG or PNG bytes.
    public func finish() -> [UInt8] {
        precondition(!finished, "Canvas.finish() called twice")
        finished = true
        switch kind {
        case .pdf, .svg:
            cairo_surface_finish(surface)
            if !pdfImages.isEmpty { pdfImages.apply(to: &sink.bytes) }
        case .png(let dpi):
            // The page is painted white first and everything after is drawn over it, so every
            // pixel is opaque: premultiplied equals straight colour and RGB is enough.
            cairo_surface_flush(surface)
            sink.bytes = PNGEncoder.encodeCairoRows(
                cairo_image_surface_get_data(surface)!,
                width: Int(cairo_image_surface_get_width(surface)),
                height: Int(cairo_image_surface_get_height(surface)),
                stride: Int(cairo_image_surface_get_stride(surface)), dpi: dpi)
        }
        if kind == .svg { sink.bytes = SVGIds.normalize(sink.bytes) }
        if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS {
            fatalError("Canvas: cairo surface error: \(String(cString: cairo_status_to_string(cairo_surface_status(surface))))")
        }
        return sink.bytes
    }

    /// The pixels of a PNG canvas as RGBA bytes, row by row (for tests and thumbnails).
    public func pixels() -> (width: Int, height: Int, rgba: [UInt8]) {
        let px = pixels(channels: 4)
        return (px.width, px.height, px.bytes)
    }

    /// Straight-alpha RGBA (4) or RGB (3) rows from Cairo's premultiplied native-endian ARGB32.
    func pixels(channels: Int) -> (width: Int, height: Int, bytes: [UInt8]) {
        guard case .png = kind else { fatalError("Canvas.pixels(): only PNG canvases have pixels") }
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var out = [UInt8](repeating: 0, count: w * h * channels)
        out.withUnsafeMutableBufferPointer { o in
            for y in 0..<h {
                let row = data + y * stride
                var k = y * w * channels
                for x in 0..<w {
                    // B, G, R, A in memory on little-endian.
                    let p = row + x * 4
                    let a = p[3]
                    if a == 255 {
                        o[k] = p[2]; o[k + 1] = p[1]; o[k + 2] = p[0]
                    } else if a != 0 {
                        let ai = Int(a)
                        o[k] = UInt8(min(255, (Int(p[2]) * 255 + ai / 2) / ai))
                        o[k + 1] = UInt8(min(255, (Int(p[1]) * 255 + ai / 2) / ai))
                        o[k + 2] = UInt8(min(255, (Int(p[0]) * 255 + ai / 2) / ai))
                    }
                    if channels == 4 { o[k + 3] = a }
                    k += channels
                }
            }
        }
        return (w, h, out)
    }

    // MARK: Paths and paint

    /// Pushes the graphics state (transform, clip, colour, line style); pair with ``restore()``.
    public func save() { cairo_save(context) }
    /// Pops the state ``save()`` pushed.
    public func restore() { cairo_restore(context) }
    /// Moves the origin by (x, y) points.
    public func translate(_ x: Double, _ y: Double) { cairo_translate(context, x, y) }
    /// Scales the user space by x horizontally and y vertically.
    public func scale(_ x: Double, _ y: Double) { cairo_scale(context, x, y) }
    /// Rotates the user space by `radians`, clockwise on the page (y points down).
    public func rotate(_ radians: Double) { cairo_rotate(context, radians) }

    /// Coordinates handed to Cairo: NaN becomes 0 and magnitudes are capped far outside any page
    /// (Cairo's fixed-point paths overflow past ~8 million device units, and a data point far
    /// outside its axes must not wrap around into it).
    @inline(__always) static func coordinate(_ v: Double) -> Double {
        v.isNaN ? 0 : min(max(v, -Canvas.maxCoordinate), Canvas.maxCoordinate)
    }
    /// The largest coordinate magnitude passed to Cairo, in points; larger ones (and NaN, as 0) are
    /// clamped so that a far-away data point cannot wrap around into the page.
    public static let maxCoordinate = 1e6

    /// Starts a new sub-path at `p`.
    public func move(to p: Point) { cairo_move_to(context, Canvas.coordinate(p.x), Canvas.coordinate(p.y)) }
    /// Adds a straight segment from the current point to `p`.
    public func line(to p: Point) { cairo_line_to(context, Canvas.coordinate(p.x), Canvas.coordinate(p.y)) }
    /// Adds a cubic Bézier segment to `p` with control points `c1` and `c2`.
    public func curve(_ c1: Point, _ c2: Point, _ p: Point) {
        cairo_curve_to(
            context, Canvas.coordinate(c1.x), Canvas.coordinate(c1.y), Canvas.coordinate(c2.x),
            Canvas.coordinate(c2.y), Canvas.coordinate(p.x), Canvas.coordinate(p.y))
    }
    /// Closes the current sub-path with a segment back to its start.
    public func closePath() { cairo_close_path(context) }
    /// Adds `r` as a closed sub-path.
    public func rectangle(_ r: Rect) {
        let x = Canvas.coordinate(r.x), y = Canvas.coordinate(r.y)
        cairo_rectangle(context, x, y, Canvas.coordinate(r.x + r.width) - x, Canvas.coordinate(r.y + r.height) - y)
    }

    /// A rectangle with rounded corners of radius `r`.
    public func roundedRectangle(_ rect: Rect, radius r: Double) {
        let r = min(r, rect.width / 2, rect.height / 2)
        guard r.isFinite, r > 0 else { return rectangle(rect) }
        cairo_new_sub_path(context)
        cairo_arc(context, rect.maxX - r, rect.y + r, r, -.pi / 2, 0)
        cairo_arc(context, rect.maxX - r, rect.maxY - r, r, 0, .pi / 2)
        cairo_arc(context, rect.x + r, rect.maxY - r, r, .pi / 2, .pi)
        cairo_arc(context, rect.x + r, rect.y + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(context)
    }

    /// Widest stroke and largest marker radius drawn, in points (a page is ~600 pt).
    public static let maxLineWidth = 1_000.0

    /// Sets the colour the next fill or stroke paints with.
    public func setColor(_ c: Color) { cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha) }

    /// Fills the current path with `c` (nonzero winding unless ``setFillRule(evenOdd:)`` says
    /// otherwise); `preserve` keeps the path for a following stroke.
    public func fill(_ c: Color, preserve: Bool = false) {
        setColor(c)
        preserve ? cairo_fill_preserve(context) : cairo_fill(context)
    }

    /// Strokes the current path with `c`, `width` points wide (clamped to 0…``maxLineWidth``),
    /// dashed by the on/off lengths `dash` (`[4, 2]`; empty or unusable: solid); `preserve`
    /// keeps the path for a following fill.
    public func stroke(_ c: Color, width: Double, dash: [Double] = [], preserve: Bool = false) {
        setColor(c)
        // A width or dash Cairo refuses would put the context in an error state and silently
        // drop everything drawn after it: widths are clamped, an unusable dash is solid.
        cairo_set_line_width(context, width.isFinite ? min(max(width, 0), Canvas.maxLineWidth) : 1)
        let usable =
            dash.count <= 64 && dash.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= Canvas.maxCoordinate }
            && dash.contains { $0 > 0 }
        let d = usable ? dash : []
        cairo_set_dash(context, d, Int32(d.count), 0)
        preserve ? cairo_stroke_preserve(context) : cairo_stroke(context)
    }

    /// Intersects the clip region with the current path (and clears the path); undo with ``restore()``.
    public func clip() { cairo_clip(context) }

    /// Even-odd filling makes nested loops holes; the default (nonzero winding) fills by orientation.
    public func setFillRule(evenOdd: Bool) {
        cairo_set_fill_rule(context, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
    }

    /// A full circle as a closed sub-path.
    public func circle(center: Point, radius: Double) {
        guard radius.isFinite, radius > 0 else { return }
        cairo_new_sub_path(context)
        cairo_arc(context, Canvas.coordinate(center.x), Canvas.coordinate(center.y), min(radius, Canvas.maxLineWidth), 0, 2 * .pi)
        cairo_close_path(context)
    }

    /// Discards the current path.
    public func newPath() { cairo_new_path(context) }

    /// How open line ends are drawn: flat at the end (`butt`), with a half-disc, or with a half-square.
    public enum LineCap {
        /// Flat, ending exactly at the end point.
        case butt
        /// A half-disc beyond the end point.
        case round
        /// A half-square beyond the end point.
        case square
    }
    /// How segments of a stroke meet: a sharp corner (`miter`), a rounded one, or a cut one.
    public enum LineJoin {
        /// A sharp corner.
        case miter
        /// A rounded corner.
        case round
        /// A cut corner.
        case bevel
    }

    /// Sets the cap of following strokes.
    public func setLineCap(_ cap: LineCap) {
        cairo_set_line_cap(context, cap == .butt ? CAIRO_LINE_CAP_BUTT : cap == .round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_SQUARE)
    }

    /// Sets the join of following strokes.
    public func setLineJoin(_ join: LineJoin) {
        cairo_set_line_join(context, join == .miter ? CAIRO_LINE_JOIN_MITER : join == .round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_BEVEL)
    }

    /// Turns shape anti-aliasing off or on (off for abutting facets, so no hairline seams show).
    public func setAntialias(_ on: Bool) {
        cairo_set_antialias(context, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE)
    }

    /// Fills the current path with a linear gradient.
    public func fill(_ gradient: LinearGradient, preserve: Bool = false) {
        let pattern = cairo_pattern_create_linear(gradient.from.x, gradient.from.y, gradient.to.x, gradient.to.y)
        defer { cairo_pattern_destroy(pattern) }
        for s in gradient.stops {
            cairo_pattern_add_color_stop_rgba(pattern, s.offset, s.color.red, s.color.green, s.color.blue, s.color.alpha)
        }
        cairo_set_source(context, pattern)
        preserve ? cairo_fill_preserve(context) : cairo_fill(context)
    }

    /// Draws `image` scaled to fill `rect`, resampled by `interpolation` (vector outputs embed
    /// the pixels once and mark them non-interpolated for `nearest`).
    public func draw(_ image: RasterImage, in rect: Rect, interpolation: RasterImage.Interpolation = .nearest) {
        guard rect.width > 0, rect.height > 0 else { return }
        if kind == .pdf && image.isOpaque { return drawPDFImage(image, in: rect, interpolation: interpolation) }
        let (sw, sh) = storedImageSize(width: image.width, height: image.height, in: rect)
        if sw != image.width || sh != image.height { return draw(image.resampled(width: sw, height: sh), in: rect, interpolation: interpolation) }
        let surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height))!
        defer { cairo_surface_destroy(surf) }
        cairo_surface_flush(surf)
        let stride = Int(cairo_image_surface_get_stride(surf))
        guard let data = cairo_image_surface_get_data(surf) else { return }
        image.rgba.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = data + y * stride
                for x in 0..<image.width {
                    let s = (y * image.width + x) * 4
                    let a = Int(src[s + 3])
                    let p = row + x * 4
                    // Premultiplied BGRA in memory (little-endian ARGB32).
                    if a == 255 {
                        p[0] = src[s + 2]; p[1] = src[s + 1]; p[2] = src[s]; p[3] = 255
                    } else {
                        p[0] = UInt8((Int(src[s + 2]) * a + 127) / 255)
                        p[1] = UInt8((Int(src[s + 1]) * a + 127) / 255)
                        p[2] = UInt8((Int(src[s]) * a + 127) / 255)
                        p[3] = UInt8(a)
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surf)
        paint(surf, in: rect, interpolation: interpolation)
    }

    /// Paints image surface `surf` scaled to fill `rect`.
    func paint(_ surf: OpaquePointer, in rect: Rect, interpolation: RasterImage.Interpolation) {
        let w = Double(cairo_image_surface_get_width(surf)), h = Double(cairo_image_surface_get_height(surf))
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / w, rect.height / h)
        cairo_set_source_surface(context, surf, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, interpolation == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint(context)
        cairo_restore(context)
    }

    // MARK: Document structure (PDF)

    /// Adds a PDF bookmark pointing at the current page; returns its id for nesting.
    @discardableResult
    public func addOutline(parent: Int32 = 0, title: String, page: Int, y: Double) -> Int32 {
        guard kind == .pdf else { return 0 }
        let dest = "page=\(page) pos=[0 \(Int(Canvas.coordinate(y)))]"
        return cairo_pdf_surface_add_outline(surface, parent, title, dest, CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    /// Draws `body` inside a link annotation to an external URI (PDF); plain drawing elsewhere.
    public func link(uri: String, _ body: () -> Void) {
        guard kind == .pdf else { return body() }
        let escaped = uri.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        cairo_tag_begin(context, CAIRO_TAG_LINK, "uri='\(escaped)'")
        body()
        cairo_tag_end(context, CAIRO_TAG_LINK)
    }
}

/// Collects what Cairo writes, so a surface never touches the file system itself.
final class ByteSink {
    var bytes: [UInt8] = []
}

private let byteSinkWrite: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
