internal import CCairo

/// Raster images from files drawn on a canvas (Markdown images in reports).
extension Canvas {
    /// Draws the PNG at `path` scaled into `rect`. Returns false (drawing nothing) when the
    /// file is missing or not a PNG Cairo can read.
    @discardableResult
    public func drawPNG(path: String, in rect: Rect) -> Bool {
        guard let image = cairo_image_surface_create_from_png(path) else { return false }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return false }
        let w = Double(cairo_image_surface_get_width(image)), h = Double(cairo_image_surface_get_height(image))
        guard w > 0, h > 0 else { return false }
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / w, rect.height / h)
        cairo_set_source_surface(context, image, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
        return true
    }
}
