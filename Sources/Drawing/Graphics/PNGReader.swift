internal import CCairo

/// Reads PNG bytes into pixels with Cairo (for tests of written files and for embedding pictures).
enum PNGReader {
    final class Source { let bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }

    static func decode(_ bytes: [UInt8]) -> (width: Int, height: Int, rgba: [UInt8])? {
        let source = Source(bytes)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
                    let n = Int(length)
                    guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                    s.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + s.offset, count: n) }
                    s.offset += n
                    return CAIRO_STATUS_SUCCESS
                }, closure)
        }
        guard let surface else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let format = cairo_image_surface_get_format(surface)
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let p = data + y * stride + x * 4
                let a = format == CAIRO_FORMAT_RGB24 ? 255 : Int(p[3])
                let o = (y * w + x) * 4
                if a > 0 {
                    out[o] = UInt8(min(255, (Int(p[2]) * 255 + a / 2) / a))
                    out[o + 1] = UInt8(min(255, (Int(p[1]) * 255 + a / 2) / a))
                    out[o + 2] = UInt8(min(255, (Int(p[0]) * 255 + a / 2) / a))
                }
                out[o + 3] = UInt8(a)
            }
        }
        return (w, h, out)
    }
}
