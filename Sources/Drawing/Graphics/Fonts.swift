internal import CPangoCairo

/// The font families Folio sets text in. Pango resolves them through fontconfig.
public enum Fonts {
    /// The body text family (TeX's Computer Modern look).
    public static let serif = "Latin Modern Roman"
    /// The sans-serif family, for figure labels.
    public static let sans = "Latin Modern Sans"
    /// The monospaced family, for code.
    public static let mono = "DejaVu Sans Mono"

    /// `"Latin Modern Roman, 11"` — the comma keeps Pango from reading the family's last word as a style.
    public static func description(_ family: String, size: Double, bold: Bool = false, italic: Bool = false) -> String {
        var parts = family + ","
        if bold { parts += " Bold" }
        if italic { parts += " Italic" }
        return parts + " \(size)"
    }

    /// The family fontconfig actually uses for `family` (to detect a missing font).
    public static func resolvedFamily(_ family: String) -> String? {
        guard let map = pango_cairo_font_map_get_default(), let ctx = pango_font_map_create_context(map) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(ctx)) }
        let desc = pango_font_description_from_string(family + ", 10")
        defer { pango_font_description_free(desc) }
        guard let font = pango_font_map_load_font(map, ctx, desc) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let d = pango_font_describe(font)
        defer { pango_font_description_free(d) }
        guard let name = pango_font_description_get_family(d) else { return nil }
        return String(cString: name)
    }
}
