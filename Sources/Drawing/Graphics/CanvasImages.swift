internal import CCairo
internal import Foundation

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

    /// Draws palette `image` scaled to fill `rect` (PDF: stored as an indexed image in the
    /// palette's order; elsewhere drawn as RGBA).
    public func draw(_ image: IndexedImage, in rect: Rect, interpolation: RasterImage.Interpolation = .nearest) {
        guard rect.width > 0, rect.height > 0 else { return }
        guard kind == .pdf else {
            if interpolation == .nearest && kind != .svg && paintAtDevicePixels(image, in: rect) { return }
            let (sw, sh) = storedImageSize(width: image.width, height: image.height, in: rect)
            if sw != image.width || sh != image.height { return draw(image.resampled(width: sw, height: sh), in: rect, interpolation: interpolation) }
            // Opaque: Cairo's RGB24 pixels straight from the palette, one pass.
            let surf = Self.paletteSurface(image, width: image.width, height: image.height)
            defer { cairo_surface_destroy(surf) }
            return paint(surf, in: rect, interpolation: interpolation)
        }
        let (w, h) = storedSize(image.width, image.height, in: rect)
        placePDFImage(
            PDFImageXObject(image.resampled(width: w, height: h), interpolate: interpolation == .bilinear),
            in: rect, interpolation: interpolation)
    }

    /// An opaque RGBA image on a PDF canvas (indexed when it has at most 256 colours, else RGB).
    func drawPDFImage(_ image: RasterImage, in rect: Rect, interpolation: RasterImage.Interpolation) {
        let (w, h) = storedSize(image.width, image.height, in: rect)
        placePDFImage(
            PDFImageXObject(image.resampled(width: w, height: h), interpolate: interpolation == .bilinear),
            in: rect, interpolation: interpolation)
    }

    /// The pixels an image of `width` × `height` drawn in `rect` is stored with: every one on PNG
    /// and SVG canvases, at most `vectorImageDPI` per inch of the rectangle on a PDF page. Callers
    /// that compute pixels (heatmaps) ask first and compute only those.
    /// Beyond `maxImageSide` pixels a side (a 1 × 1 000 000 heatmap) every canvas resamples,
    /// PNG to its device pixels, SVG at `vectorImageDPI`: Cairo's surfaces stop at 32767.
    public func storedImageSize(width: Int, height: Int, in rect: Rect) -> (width: Int, height: Int) {
        if kind == .pdf { return storedSize(width, height, in: rect) }
        guard width > Canvas.maxImageSide || height > Canvas.maxImageSide else { return (width, height) }
        var (w, h) = storedSize(width, height, in: rect, dpi: kind == .svg ? vectorImageDPI : 72)
        (w, h) = (min(w, Canvas.maxImageSide), min(h, Canvas.maxImageSide))
        return (w, h)
    }

    /// The largest image side in pixels drawn on a canvas; larger images are resampled down to it.
    public static let maxImageSide = 8192

    /// At most `vectorImageDPI` pixels per inch of the rectangle's size on the page, whatever the transform.
    func storedSize(_ width: Int, _ height: Int, in rect: Rect, dpi: Double? = nil) -> (Int, Int) {
        var wx = rect.width, wy = 0.0, hx = 0.0, hy = rect.height
        cairo_user_to_device_distance(context, &wx, &wy)
        cairo_user_to_device_distance(context, &hx, &hy)
        let perInch = dpi ?? vectorImageDPI
        let most = { (points: Double) -> Int in
            let n = (points / 72 * perInch).rounded(.up)
            return n.isFinite ? max(1, Int(min(n, 1e6))) : 1
        }
        return (min(width, most((wx * wx + wy * wy).squareRoot())), min(height, most((hx * hx + hy * hy).squareRoot())))
    }

    /// Draws `object` (an image or form XObject) into `rect` through a placeholder that `finish()`
    /// replaces (PDFImagePlaceholders).
    func placePDFImage(_ object: PDFStreamObject, in rect: Rect, interpolation: RasterImage.Interpolation) {
        let payload = pdfImages.add(object)
        let surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)!
        defer { cairo_surface_destroy(surf) }
        let copy = malloc(payload.count)!
        payload.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: payload.count) }
        cairo_surface_set_mime_data(
            surf, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self), UInt(payload.count),
            { free($0) }, copy)
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width, rect.height)
        cairo_set_source_surface(context, surf, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), interpolation == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        cairo_paint(context)
        cairo_restore(context)
    }
}
