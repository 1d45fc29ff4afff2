internal import CPNG

/// PNG files through libpng at a fast zlib level, with the resolution recorded in pHYs so
/// viewers and word processors place the image at its physical size.
///
/// Cairo's own PNG writer compresses at zlib's default level and dominated high-dpi output
/// (DESIGN §4); level 3 with the SUB/UP filters costs a few percent in size and is several times faster.
public enum PNGEncoder {
    public static let defaultLevel: Int32 = 3

    /// Encodes 8-bit rows: `channels` 1 (grey, or one index a pixel), 3 (RGB) or 4 (RGBA, straight alpha).
    /// `unfiltered` skips the SUB/UP row filters (for bytes that are not pixels, such as the PDF
    /// content PDFFormXObject deflates through here: filters would spoil its text's repeats).
    public static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int, dpi: Double,
                              level: Int32 = defaultLevel, unfiltered: Bool = false) -> [UInt8] {
        guard channels == 1 || channels == 3 || channels == 4, width > 0, height > 0, pixels.count == width * height * channels else {
            fatalError("PNGEncoder.encode: \(pixels.count) bytes do not hold \(width)×\(height)×\(channels) pixels")
        }
        var buffer = folio_png_buffer(data: nil, size: 0, capacity: 0)
        let status = pixels.withUnsafeBufferPointer {
            folio_png_encode($0.baseAddress, Int32(width), Int32(height), Int32(channels), level, dpi, unfiltered ? 1 : 0, &buffer)
        }
        defer { free(buffer.data) }
        guard status == 0, let data = buffer.data else { fatalError("PNGEncoder.encode: libpng failed (status \(status))") }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
