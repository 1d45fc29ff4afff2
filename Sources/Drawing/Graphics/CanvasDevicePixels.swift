internal import CCairo
internal import Foundation

/// Palette images drawn on a raster canvas at the canvas's own pixels.
///
/// A heatmap of 1024² cells in a plot 800 pixels wide used to become a 1024² Cairo surface (4 MB,
/// zeroed by the kernel page by page) that Cairo then sampled down. Here each device pixel takes
/// the cell under its centre directly: the surface is the size of the pixels it covers, and
/// Cairo copies it 1:1. The clip to `rect` is the same as `paint`'s, so partly covered edge
/// pixels blend exactly as before.
extension Canvas {
    /// Draws `image` into `rect` sampled at device pixel centres (nearest cell). Returns false,
    /// drawing nothing, when that would not save pixels (the image is smaller than its device
    /// area) or the transform is not an axis-aligned scale.
    func paintAtDevicePixels(_ image: IndexedImage, in rect: Rect) -> Bool {
        var m = cairo_matrix_t()
        cairo_get_matrix(context, &m)
        guard m.xy == 0, m.yx == 0, m.xx > 0, m.yy > 0 else { return false }
        // The rectangle in device pixels and the whole pixels it touches.
        let dx0 = m.xx * rect.x + m.x0, dx1 = m.xx * (rect.x + rect.width) + m.x0
        let dy0 = m.yy * rect.y + m.y0, dy1 = m.yy * (rect.y + rect.height) + m.y0
        guard [dx0, dx1, dy0, dy1].allSatisfy({ $0.isFinite && abs($0) < Canvas.maxRasterSide * 4 }) else { return false }
        let px0 = Int(dx0.rounded(.down)), py0 = Int(dy0.rounded(.down))
        let w = Int(dx1.rounded(.up)) - px0, h = Int(dy1.rounded(.up)) - py0
        guard w > 0, h > 0, w * h < image.width * image.height else { return false }
        // Cell under the centre of device column px0 + i (and row py0 + j), clamped like EXTEND_PAD.
        func cells(_ n: Int, _ count: Int, _ origin: Int, _ lo: Double, _ hi: Double) -> [Int] {
            (0..<n).map { i in
                let u = (Double(origin + i) + 0.5 - lo) / (hi - lo) * Double(count)
                return min(count - 1, max(0, Int(u.rounded(.down))))
            }
        }
        let columns = cells(w, image.width, px0, dx0, dx1), rows = cells(h, image.height, py0, dy0, dy1)
        let surf = Self.paletteSurface(image, width: w, height: h, rows: rows, columns: columns)
        defer { cairo_surface_destroy(surf) }
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_identity_matrix(context)
        cairo_set_source_surface(context, surf, Double(px0), Double(py0))
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_paint(context)
        cairo_restore(context)
        return true
    }

    /// An opaque w×h RGB24 surface whose pixel (x, y) is the palette colour of cell
    /// (rows[y], columns[x]) of `image` (the identity when rows/columns are nil), written in one
    /// pass from a 256-entry lookup table. The caller destroys it.
    static func paletteSurface(
        _ image: IndexedImage, width w: Int, height h: Int,
        rows: [Int]? = nil, columns: [Int]? = nil
    ) -> OpaquePointer {
        let surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h))!
        cairo_surface_flush(surf)
        let stride = Int(cairo_image_surface_get_stride(surf)) / 4
        guard let pixels = cairo_image_surface_get_data(surf) else { return surf }
        let data = UnsafeMutableRawPointer(pixels).assumingMemoryBound(to: UInt32.self)
        let lut = (0..<256).map { 0xFF00_0000 | image.palette[min($0, image.palette.count - 1)] }
        image.indices.withUnsafeBufferPointer { src in
            lut.withUnsafeBufferPointer { lut in
                (columns ?? []).withUnsafeBufferPointer { columns in
                    for y in 0..<h {
                        let row = data + y * stride, o = (rows?[y] ?? y) * image.width
                        if columns.isEmpty {
                            for x in 0..<w { row[x] = lut[Int(src[o + x])] }
                        } else {
                            for x in 0..<w { row[x] = lut[Int(src[o + columns[x]])] }
                        }
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surf)
        return surf
    }
}
