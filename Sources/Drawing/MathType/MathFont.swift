internal import CHarfBuzz
internal import Foundation
import Graphics

/// An OpenType font with a MATH table, read through HarfBuzz's hb-ot-math API.
/// Latin Modern Math is the default; any font with a MATH table works (STIX Math, TeX Gyre…).
/// All lengths it returns are in ems of the font.
public final class MathFont: @unchecked Sendable {
    /// The fontconfig family name the font was loaded by ("Latin Modern Math").
    public let family: String
    /// The font file fontconfig resolved the family to; layouts draw their glyphs from it.
    public let path: String
    let face: OpaquePointer
    let font: OpaquePointer
    /// The font's design units per em (1000 for Latin Modern Math); every length this type returns is
    /// already divided by it.
    public let unitsPerEm: Int
    /// The MATH table's global constants (script sizes, shifts, gaps, rule thicknesses), in ems.
    public private(set) var constants: MathConstants
    private let lock = NSLock()
    private var metricsCache: [UInt32: GlyphMetrics] = [:]
    private var glyphCache: [UInt32: UInt32] = [:]
    private var scriptGlyphCache: [UInt64: UInt32] = [:]

    /// Why a math font could not be opened.
    public enum LoadError: Error, CustomStringConvertible {
        /// Fontconfig knows no font of this family: the family name is misspelt or the font is not
        /// installed (Latin Modern Math comes with Debian's fonts-lmodern).
        case notFound(String)
        /// The family exists but has no OpenType MATH table: a text font (Latin Modern Roman) was
        /// named where a math font (Latin Modern Math) is needed.
        case noMathTable(String)
        public var description: String {
            switch self {
            case .notFound(let f): "math font '\(f)' not found by fontconfig (is fonts-lmodern installed?)"
            case .noMathTable(let f): "font '\(f)' has no OpenType MATH table"
            }
        }
    }

    /// Opens the font of `family` through fontconfig and reads its MATH table.
    ///
    /// ```swift
    /// let stix = try MathFont(family: "STIX Math")
    /// let renderer = MathRenderer(font: stix)
    /// ```
    /// - Parameter family: A fontconfig family name of a font with a MATH table (default Latin Modern Math).
    /// - Throws: ``LoadError/notFound(_:)`` when fontconfig has no such family,
    ///   ``LoadError/noMathTable(_:)`` when the font has no MATH table.
    public init(family: String = "Latin Modern Math") throws {
        guard let path = FontFiles.path(family: family) else { throw LoadError.notFound(family) }
        let blob = hb_blob_create_from_file(path)
        defer { hb_blob_destroy(blob) }
        face = hb_face_create(blob, 0)
        font = hb_font_create(face)
        self.family = family
        self.path = path
        unitsPerEm = Int(hb_face_get_upem(face))
        hb_font_set_scale(font, Int32(unitsPerEm), Int32(unitsPerEm))
        constants = MathConstants()
        // Throwing after every property is set runs deinit, which releases the face and font.
        guard hb_ot_math_has_data(face) != 0 else { throw LoadError.noMathTable(family) }
        constants = MathConstants(font: font, unitsPerEm: unitsPerEm)
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
    }

    /// The height of the math axis above the baseline, in ems (``MathConstants/axisHeight``).
    public var axisHeight: Double { constants.axisHeight }
    /// The thickness of a fraction bar, in ems (``MathConstants/fractionRuleThickness``).
    public var fractionRuleThickness: Double { constants.fractionRuleThickness }
    /// The standard rise of a superscript's baseline, in ems (``MathConstants/superscriptShiftUp``).
    public var superscriptShiftUp: Double { constants.superscriptShiftUp }

    private var em: Double { Double(unitsPerEm) }

    /// The glyph the font's cmap gives a code point, or nil when the font lacks it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        lock.lock(); defer { lock.unlock() }
        if let g = glyphCache[scalar.value] { return g == 0 ? nil : g }
        var g: hb_codepoint_t = 0
        let found = hb_font_get_nominal_glyph(font, scalar.value, &g) != 0
        glyphCache[scalar.value] = found ? g : 0
        return found && g != 0 ? g : nil
    }

    /// The glyph for script (level 1) or scriptscript (level 2) size: the font's `ssty` optical
    /// variant (wider, bolder shapes that stay legible when small), else the plain glyph.
    public func scriptGlyph(for scalar: Unicode.Scalar, level: Int) -> UInt32? {
        guard let plain = glyph(for: scalar) else { return nil }
        guard level > 0 else { return plain }
        lock.lock(); defer { lock.unlock() }
        let key = UInt64(plain) << 2 | UInt64(level)
        if let g = scriptGlyphCache[key] { return g }
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        var codepoint = scalar.value
        hb_buffer_add_utf32(buffer, &codepoint, 1, 0, 1)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, HB_SCRIPT_COMMON)
        var feature = hb_feature_t(tag: hbTag("ssty"), value: UInt32(level), start: 0, end: UInt32.max)
        hb_shape(font, buffer, &feature, 1)
        var n: UInt32 = 0
        var g = plain
        if let infos = hb_buffer_get_glyph_infos(buffer, &n), n == 1, infos[0].codepoint != 0 { g = infos[0].codepoint }
        scriptGlyphCache[key] = g
        return g
    }

    /// Advance, ink height above and depth below the baseline (negative when the ink does not reach
    /// the baseline, as for accents), italic correction, accent attachment.
    public struct GlyphMetrics: Equatable {
        /// In ems: `advance` is the horizontal advance; `height` the ink top above the baseline; `depth`
        /// the ink bottom below it (negative when the ink stays above the baseline); `italic` the italic
        /// correction from the MATH table (0 when none), added before an upright neighbour and used to
        /// shift superscripts right and subscripts left.
        public var advance, height, depth, italic: Double
        /// Horizontal position where a top accent attaches (MATH table, else the centre of the advance).
        public var topAccent: Double
    }

    /// The metrics of glyph `g` (cached; safe to call from any thread).
    ///
    /// - Parameter g: A glyph index of this font, e.g. from ``glyph(for:)``.
    /// - Returns: Advance, ink height and depth, italic correction and top-accent attachment, in ems.
    public func metrics(_ g: UInt32) -> GlyphMetrics {
        lock.lock(); defer { lock.unlock() }
        if let m = metricsCache[g] { return m }
        var ext = hb_glyph_extents_t()
        _ = hb_font_get_glyph_extents(font, g, &ext)
        let advance = Double(hb_font_get_glyph_h_advance(font, g)) / em
        let height = Double(ext.y_bearing) / em
        let depth = -Double(ext.y_bearing + ext.height) / em
        let italic = Double(hb_ot_math_get_glyph_italics_correction(font, g)) / em
        let attach = hb_ot_math_get_glyph_top_accent_attachment(font, g)
        // HarfBuzz returns half the advance when the glyph has no attachment point.
        let m = GlyphMetrics(
            advance: advance, height: height, depth: depth, italic: italic,
            topAccent: Double(attach) / em)
        metricsCache[g] = m
        return m
    }

    /// Size variants of `g` in one direction, smallest first (the glyph itself is the first).
    public func variants(_ g: UInt32, vertical: Bool) -> [(glyph: UInt32, advance: Double)] {
        let dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 64
        var buf = [hb_ot_math_glyph_variant_t](repeating: .init(), count: 64)
        _ = hb_ot_math_get_glyph_variants(font, g, dir, 0, &count, &buf)
        return buf.prefix(Int(count)).map { ($0.glyph, Double($0.advance) / em) }
    }

    /// One part of a glyph assembly (an extensible delimiter, brace or arrow).
    public struct AssemblyPart {
        /// The part's glyph index.
        public var glyph: UInt32
        /// In ems: `startConnector` and `endConnector` are how much of the part's start and end may overlap
        /// its neighbours; `fullAdvance` is the part's full length in the direction of growth.
        public var startConnector, endConnector, fullAdvance: Double
        /// Whether the part may be repeated (or left out) to reach the wanted size: the straight middle
        /// piece of a tall parenthesis or brace.
        public var isExtender: Bool
    }

    /// The parts (bottom-to-top or left-to-right) from which the font builds `g` at any size.
    public func assembly(_ g: UInt32, vertical: Bool) -> (parts: [AssemblyPart], italic: Double) {
        let dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR
        var count: UInt32 = 32
        var buf = [hb_ot_math_glyph_part_t](repeating: .init(), count: 32)
        var italic: hb_position_t = 0
        _ = hb_ot_math_get_glyph_assembly(font, g, dir, 0, &count, &buf, &italic)
        let parts = buf.prefix(Int(count)).map {
            AssemblyPart(
                glyph: $0.glyph, startConnector: Double($0.start_connector_length) / em,
                endConnector: Double($0.end_connector_length) / em,
                fullAdvance: Double($0.full_advance) / em,
                isExtender: ($0.flags.rawValue & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER.rawValue) != 0)
        }
        return (parts, Double(italic) / em)
    }

    /// Shapes a run of text with HarfBuzz (kerning, ligatures): glyphs with x offsets in ems.
    func shape(_ text: String) -> (glyphs: [(id: UInt32, x: Double, y: Double)], width: Double) {
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        hb_buffer_add_utf8(buffer, text, -1, 0, -1)
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(font, buffer, nil, 0)
        var n: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &n), let pos = hb_buffer_get_glyph_positions(buffer, &n) else {
            return ([], 0)
        }
        var x = 0.0
        var out: [(id: UInt32, x: Double, y: Double)] = []
        for i in 0..<Int(n) {
            out.append((infos[i].codepoint, x + Double(pos[i].x_offset) / em, Double(pos[i].y_offset) / em))
            x += Double(pos[i].x_advance) / em
        }
        return (out, x)
    }
}

func hbTag(_ s: String) -> hb_tag_t {
    s.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) }
}
