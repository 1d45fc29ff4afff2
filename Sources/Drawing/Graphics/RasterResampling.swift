/// Nearest-neighbour resampling: what a viewer with interpolation off shows at that resolution.
extension RasterImage {
    /// This image at `width` × `height` pixels, each output pixel taking the source pixel under
    /// its centre (cells stay flat colours: nothing is blended).
    public func resampled(width w: Int, height h: Int) -> RasterImage {
        precondition(w > 0 && h > 0, "RasterImage.resampled: \(w)×\(h) is empty")
        if w == width && h == height { return self }
        let columns = (0..<w).map { min(width - 1, (2 * $0 + 1) * width / (2 * w)) }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        out.withUnsafeMutableBytes { o in
            rgba.withUnsafeBytes { s in
                let dst = o.bindMemory(to: UInt32.self), src = s.bindMemory(to: UInt32.self)
                for y in 0..<h {
                    let row = min(height - 1, (2 * y + 1) * height / (2 * h)) * width
                    for x in 0..<w { dst[y * w + x] = src[row + columns[x]] }
                }
            }
        }
        return RasterImage(width: w, height: h, rgba: out)
    }

    /// True when every pixel has alpha 255.
    public var isOpaque: Bool {
        rgba.withUnsafeBufferPointer { p in
            var i = 3
            while i < p.count { if p[i] != 255 { return false }; i += 4 }
            return true
        }
    }
}
