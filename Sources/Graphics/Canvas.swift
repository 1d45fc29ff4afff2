internal import CCairo
import Foundation

/// A drawing surface over Cairo: a multi-page PDF, an SVG, or a raster image for PNG.
///
/// Everything Folio shows is drawn through a Canvas, so the same drawing code yields vector
/// PDF/SVG and raster PNG. Output is collected in memory and handed back by `finish()`;
/// callers write files atomically. Units are points; PNG canvases scale points to pixels by dpi.
public final class Canvas {
    public enum Kind: Equatable { case pdf, svg, png(dpi: Double) }

    public let kind: Kind
    public let size: Size
    let surface: OpaquePointer
    public let context: OpaquePointer
    private let sink: ByteSink
    private var finished = false

    /// Creation date written into PDF metadata: fixed, so re-renders are byte-identical.
    public static let fixedDate = "2000-01-01T00:00:00Z"

    /// A canvas `width` × `height` points. PNG canvases have `ceil(points · dpi / 72)` pixels.
    public init(_ kind: Kind, width: Double, height: Double, title: String? = nil, author: String? = nil) {
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
            let w = Int32((width * dpi / 72).rounded(.up)), h = Int32((height * dpi / 72).rounded(.up))
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
        case .png:
            cairo_surface_flush(surface)
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            cairo_surface_write_to_png_stream(surface, byteSinkWrite, closure)
        }
        if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS {
            fatalError("Canvas: cairo surface error: \(String(cString: cairo_status_to_string(cairo_surface_status(surface))))")
        }
        return sink.bytes
    }

    /// The pixels of a PNG canvas as RGBA bytes, row by row (for tests and thumbnails).
    public func pixels() -> (width: Int, height: Int, rgba: [UInt8]) {
        guard case .png = kind else { fatalError("Canvas.pixels(): only PNG canvases have pixels") }
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                // Cairo stores premultiplied native-endian ARGB32: B, G, R, A in memory on little-endian.
                let p = data + y * stride + x * 4
                let a = p[3]
                func un(_ c: UInt8) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a))) }
                let o = (y * w + x) * 4
                rgba[o] = un(p[2]); rgba[o + 1] = un(p[1]); rgba[o + 2] = un(p[0]); rgba[o + 3] = a
            }
        }
        return (w, h, rgba)
    }

    // MARK: Paths and paint

    public func save() { cairo_save(context) }
    public func restore() { cairo_restore(context) }
    public func translate(_ x: Double, _ y: Double) { cairo_translate(context, x, y) }
    public func scale(_ x: Double, _ y: Double) { cairo_scale(context, x, y) }
    public func rotate(_ radians: Double) { cairo_rotate(context, radians) }

    public func move(to p: Point) { cairo_move_to(context, p.x, p.y) }
    public func line(to p: Point) { cairo_line_to(context, p.x, p.y) }
    public func curve(_ c1: Point, _ c2: Point, _ p: Point) { cairo_curve_to(context, c1.x, c1.y, c2.x, c2.y, p.x, p.y) }
    public func closePath() { cairo_close_path(context) }
    public func rectangle(_ r: Rect) { cairo_rectangle(context, r.x, r.y, r.width, r.height) }

    /// A rectangle with rounded corners of radius `r`.
    public func roundedRectangle(_ rect: Rect, radius r: Double) {
        let r = min(r, rect.width / 2, rect.height / 2)
        cairo_new_sub_path(context)
        cairo_arc(context, rect.maxX - r, rect.y + r, r, -.pi / 2, 0)
        cairo_arc(context, rect.maxX - r, rect.maxY - r, r, 0, .pi / 2)
        cairo_arc(context, rect.x + r, rect.maxY - r, r, .pi / 2, .pi)
        cairo_arc(context, rect.x + r, rect.y + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(context)
    }

    public func setColor(_ c: Color) { cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha) }

    public func fill(_ c: Color, preserve: Bool = false) {
        setColor(c)
        preserve ? cairo_fill_preserve(context) : cairo_fill(context)
    }

    public func stroke(_ c: Color, width: Double, dash: [Double] = [], preserve: Bool = false) {
        setColor(c)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, dash, Int32(dash.count), 0)
        preserve ? cairo_stroke_preserve(context) : cairo_stroke(context)
    }

    public func clip() { cairo_clip(context) }

    // MARK: Document structure (PDF)

    /// Adds a PDF bookmark pointing at the current page; returns its id for nesting.
    @discardableResult
    public func addOutline(parent: Int32 = 0, title: String, page: Int, y: Double) -> Int32 {
        guard kind == .pdf else { return 0 }
        let dest = "page=\(page) pos=[0 \(Int(y))]"
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
