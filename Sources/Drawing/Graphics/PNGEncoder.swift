internal import CPNG
internal import Foundation

/// PNG files through libpng at a fast zlib level, with the resolution recorded in pHYs so
/// viewers and word processors place the image at its physical size.
///
/// Cairo's own PNG writer compresses at zlib's default level and dominated high-dpi output
/// (DESIGN §4). Figures are written unfiltered at zlib level 4 (`figureLevel`): their flat
/// colours, antialiased edges and colormapped cells repeat exactly along a row, which deflate's
/// matches find as they are; the SUB/UP filters turn those repeats into differences that repeat
/// less. Measured on the `folio-bench plot` figures, unfiltered level 4 is 9–25 % smaller than
/// SUB|UP at level 3 and faster (no filter pass); level 4 is zlib's first lazy-matching level,
/// 6–20 % smaller than 3 for a few milliseconds; 5 and 6 gain ≤ 5 % more for up to twice the time.
public enum PNGEncoder {
    /// The zlib level of page PNGs (with SUB/UP filters): level 3 was the knee of size against time.
    public static let defaultLevel: Int32 = 3
    /// zlib level for figure canvases (unfiltered rows); see above.
    public static let figureLevel: Int32 = 4

    /// Encodes 8-bit rows: `channels` 1 (grey, or one index a pixel), 3 (RGB) or 4 (RGBA, straight alpha).
    /// `unfiltered` skips the SUB/UP row filters (for bytes that are not pixels, such as the PDF
    /// content PDFFormXObject deflates through here: filters would spoil its text's repeats).
    public static func encode(
        pixels: [UInt8], width: Int, height: Int, channels: Int, dpi: Double,
        level: Int32 = defaultLevel, unfiltered: Bool = false
    ) -> [UInt8] {
        guard channels == 1 || channels == 3 || channels == 4, width > 0, height > 0, pixels.count == width * height * channels else {
            fatalError("PNGEncoder.encode: \(pixels.count) bytes do not hold \(width)×\(height)×\(channels) pixels")
        }
        var buffer = folio_png_buffer(data: nil, size: 0, capacity: 0)
        let status = pixels.withUnsafeBufferPointer {
            folio_png_encode($0.baseAddress, Int32(width), Int32(height), Int32(channels), level, dpi, unfiltered ? 1 : 0, &buffer)
        }
        return take(&buffer, status)
    }

    /// Encodes opaque rows in Cairo's ARGB32/RGB24 memory layout (`stride` bytes apart) as an RGB
    /// PNG, unfiltered: libpng reorders each row as it reads it, so no converted copy is made.
    static func encodeCairoRows(
        _ rows: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, dpi: Double,
        level: Int32 = figureLevel
    ) -> [UInt8] {
        precondition(width > 0 && height > 0 && stride >= 4 * width, "PNGEncoder.encodeCairoRows: bad \(width)×\(height), stride \(stride)")
        var buffer = folio_png_buffer(data: nil, size: 0, capacity: 0)
        let status = folio_png_encode_bgrx(rows, Int32(width), Int32(height), Int32(stride), level, folio_png_filter_none, dpi, &buffer)
        return take(&buffer, status)
    }

    private static func take(_ buffer: inout folio_png_buffer, _ status: Int32) -> [UInt8] {
        defer { free(buffer.data) }
        guard status == 0, let data = buffer.data else { fatalError("PNGEncoder: libpng failed (status \(status))") }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
