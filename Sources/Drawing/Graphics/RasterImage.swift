/// An RGBA image (8 bits per channel, straight alpha, rows top to bottom) to draw on a Canvas:
/// heatmaps, colorbars, embedded pictures.
public struct RasterImage: Sendable {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Four bytes per pixel (R, G, B, straight alpha), row by row from the top.
    public var rgba: [UInt8]

    /// An image from its pixels.
    ///
    /// - Precondition: `rgba.count == width * height * 4` and both sides positive.
    public init(width: Int, height: Int, rgba: [UInt8]) {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            fatalError("RasterImage: \(rgba.count) bytes do not hold \(width)×\(height) RGBA pixels")
        }
        (self.width, self.height, self.rgba) = (width, height, rgba)
    }

    /// How pixels are resampled when the image is scaled: `nearest` keeps data cells crisp
    /// (heatmaps), `bilinear` smooths photographs.
    /// The resampling filter.
    public enum Interpolation: Sendable {
        /// Each pixel a crisp square.
        case nearest
        /// Linear between pixel centres.
        case bilinear
    }
}

extension RasterImage {
    /// Decodes PNG bytes (through Cairo's reader) into straight-alpha RGBA; nil if they are not a PNG.
    public init?(png bytes: [UInt8]) {
        guard let px = PNGReader.decode(bytes) else { return nil }
        self.init(width: px.width, height: px.height, rgba: px.rgba)
    }

    /// The RGBA of pixel (x, y).
    public subscript(x x: Int, y y: Int) -> [UInt8] {
        let o = (y * width + x) * 4
        return Array(rgba[o..<o + 4])
    }
}
