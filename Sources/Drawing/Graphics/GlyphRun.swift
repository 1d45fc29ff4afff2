internal import CCairo
internal import CFreeType
internal import Foundation

/// One glyph of a font file placed at a point of the canvas (points, y down).
public struct PositionedGlyph: Equatable {
    /// The glyph index in its font (HarfBuzz's, not a Unicode scalar).
    public var id: UInt32
    /// The glyph origin's x, in points.
    public var x: Double
    /// The glyph origin's y (its baseline), in points.
    public var y: Double
    /// A glyph placed at (x, y).
    public init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

extension Canvas {
    /// Draws glyph ids of the font file at `path` at `size` points (DESIGN §4).
    ///
    /// Glyph ids come from HarfBuzz (math layout, shaping), so they are drawn with
    /// `cairo_show_glyphs` on a FreeType face: PDF and SVG then embed a subset of the font
    /// (CFF/TrueType, never Type 3), and PDF text stays extractable through the font's cmap.
    public func drawGlyphs(_ glyphs: [PositionedGlyph], fontFile path: String, size: Double, color: Color = .black) {
        guard !glyphs.isEmpty else { return }
        guard let face = GlyphFaces.shared.face(path: path) else {
            fatalError("Canvas.drawGlyphs: FreeType cannot open font file '\(path)'")
        }
        cairo_save(context)
        cairo_set_font_face(context, face)
        cairo_set_font_size(context, size)
        let options = cairo_font_options_create()
        // Same metrics on every surface: no hinting, so PNG glyphs sit where PDF glyphs sit.
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        if case .png = kind { cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY) }
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        setColor(color)
        var cg = glyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
        cairo_show_glyphs(context, &cg, Int32(cg.count))
        cairo_restore(context)
    }

    /// Fills an axis-aligned rectangle (rules of fractions, radicals, error boxes).
    public func fillRect(_ r: Rect, color: Color) {
        rectangle(r)
        fill(color)
    }
}

/// Cairo font faces over FreeType faces, one per font file for the life of the process:
/// Cairo keys its glyph and subset caches on the face, so reusing it keeps drawing fast.
final class GlyphFaces: @unchecked Sendable {
    static let shared = GlyphFaces()
    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [String: OpaquePointer] = [:]

    func face(path: String) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        if let f = faces[path] { return f }
        if library == nil, FT_Init_FreeType(&library) != 0 { return nil }
        var ftFace: FT_Face?
        guard FT_New_Face(library, path, 0, &ftFace) == 0, let ftFace else { return nil }
        // The FT_Face is never freed: the cairo face (and every surface that used it) needs it.
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else { return nil }
        faces[path] = cairoFace
        return cairoFace
    }
}
