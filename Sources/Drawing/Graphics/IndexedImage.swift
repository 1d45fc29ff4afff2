/// An image of palette indices (one byte a pixel, rows top to bottom): colormapped data such as
/// heatmaps, whose indices follow the data, so a PDF stores them as an indexed image whose rows
/// predict well from their neighbours. Opaque by construction.
public struct IndexedImage: Sendable {
    /// Pixels per row.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Colours as 0xRRGGBB, at most 256.
    public let palette: [UInt32]
    /// One palette index per pixel, row by row from the top.
    public var indices: [UInt8]

    /// An indexed image.
    ///
    /// - Precondition: `indices.count == width * height`, both sides positive, and 1…256 palette colours.
    public init(width: Int, height: Int, palette: [UInt32], indices: [UInt8]) {
        guard width > 0, height > 0, indices.count == width * height, (1...256).contains(palette.count) else {
            fatalError("IndexedImage: \(indices.count) indices and \(palette.count) colours do not make a \(width)×\(height) image")
        }
        (self.width, self.height, self.palette, self.indices) = (width, height, palette, indices)
    }

    /// The same pixels as RGBA (for raster and SVG canvases).
    public var rgbaImage: RasterImage {
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        rgba.withUnsafeMutableBufferPointer { o in
            indices.withUnsafeBufferPointer { s in
                for i in 0..<s.count {
                    let c = palette[min(Int(s[i]), palette.count - 1)]
                    o[4 * i] = UInt8(c >> 16); o[4 * i + 1] = UInt8((c >> 8) & 0xff); o[4 * i + 2] = UInt8(c & 0xff)
                }
            }
        }
        return RasterImage(width: width, height: height, rgba: rgba)
    }

    /// Nearest-neighbour resampling, as RasterImage.resampled.
    public func resampled(width w: Int, height h: Int) -> IndexedImage {
        precondition(w > 0 && h > 0, "IndexedImage.resampled: \(w)×\(h) is empty")
        if w == width && h == height { return self }
        let columns = (0..<w).map { min(width - 1, (2 * $0 + 1) * width / (2 * w)) }
        var out = [UInt8](repeating: 0, count: w * h)
        out.withUnsafeMutableBufferPointer { dst in
            indices.withUnsafeBufferPointer { src in
                for y in 0..<h {
                    let row = min(height - 1, (2 * y + 1) * height / (2 * h)) * width
                    for x in 0..<w { dst[y * w + x] = src[row + columns[x]] }
                }
            }
        }
        return IndexedImage(width: w, height: h, palette: palette, indices: out)
    }
}
