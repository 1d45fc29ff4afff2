/// An opaque image as a PDF image XObject, stored the way PNG (and matplotlib's PDF backend)
/// stores pixels: up to 256 colours as an indexed image (one byte a pixel, the palette in the
/// colour space), otherwise RGB; rows PNG-filtered then deflated (`/FlateDecode` with PNG
/// predictors). Cairo 1.16 writes every image as unfiltered RGB, three to five times larger for
/// colormapped data such as heatmaps. libpng does the filtering and deflating: its IDAT data is
/// exactly a predictor-15 Flate stream.
struct PDFImageXObject: PDFStreamObject {
    /// The stream dictionary without its closing `>>`, so padding can go before it.
    let head: [UInt8]
    let data: [UInt8]

    /// zlib level for image streams. Documents are kept and sent, so size counts, but level 6
    /// was most of a heatmap page's time: for the benchmark's 1024² heatmap (stored at 100 dpi)
    /// levels 4 / 5 / 6 give 59.8 / 57.1 / 55.6 kB at 160 / 116 / 71 pages a second (matplotlib:
    /// 71 kB). Level 5 keeps the size within 3 % of level 6 at 1.6 times the speed.
    static let level: Int32 = 5

    /// An RGBA image (opaque): indexed when it has at most 256 colours, else RGB.
    init(_ image: RasterImage, interpolate: Bool) {
        if let (palette, indices) = PDFImageXObject.indexed(image) {
            self.init(IndexedImage(width: image.width, height: image.height, palette: palette, indices: indices), interpolate: interpolate)
            return
        }
        var rgb = [UInt8](repeating: 0, count: image.width * image.height * 3)
        rgb.withUnsafeMutableBufferPointer { o in
            image.rgba.withUnsafeBufferPointer { s in
                for i in 0..<(image.width * image.height) { o[3 * i] = s[4 * i]; o[3 * i + 1] = s[4 * i + 1]; o[3 * i + 2] = s[4 * i + 2] }
            }
        }
        self.init(width: image.width, height: image.height, colorSpace: "/DeviceRGB", channels: 3, samples: rgb, interpolate: interpolate)
    }

    /// An indexed image with its palette in the given order (for colormapped data, the map's order,
    /// so neighbouring values have neighbouring indices and the predictors work).
    init(_ image: IndexedImage, interpolate: Bool) {
        var hex = ""
        hex.reserveCapacity(image.palette.count * 6)
        for c in image.palette { hex += String(c | 0x100_0000, radix: 16, uppercase: true).dropFirst() }
        self.init(
            width: image.width, height: image.height, colorSpace: "[/Indexed /DeviceRGB \(image.palette.count - 1) <\(hex)>]",
            channels: 1, samples: image.indices, interpolate: interpolate)
    }

    private init(width: Int, height: Int, colorSpace: String, channels: Int, samples: [UInt8], interpolate: Bool) {
        let png = PNGEncoder.encode(
            pixels: samples, width: width, height: height, channels: channels, dpi: 72,
            level: PDFImageXObject.level)
        data = PDFImageXObject.idat(png)
        head = Array(
            ("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace \(colorSpace)"
                + " /BitsPerComponent 8 /Interpolate \(interpolate) /Filter /FlateDecode"
                + " /DecodeParms << /Predictor 15 /Colors \(channels) /BitsPerComponent 8 /Columns \(width) >>"
                + " /Length \(data.count)").utf8)
    }

    /// The palette (0xRRGGBB, in order of first appearance) and one index a pixel, or nil when
    /// the image has more than 256 colours. An open-addressing table: a Dictionary costs several
    /// times more per pixel.
    static func indexed(_ image: RasterImage) -> ([UInt32], [UInt8])? {
        let slots = 1024
        var keys = [UInt32](repeating: .max, count: slots), values = [UInt8](repeating: 0, count: slots)
        var palette: [UInt32] = []
        var indices = [UInt8](repeating: 0, count: image.width * image.height)
        let complete = indices.withUnsafeMutableBufferPointer { out -> Bool in
            image.rgba.withUnsafeBytes { raw -> Bool in
                let px = raw.bindMemory(to: UInt32.self)
                var last: UInt32 = .max, lastIndex: UInt8 = 0
                for i in 0..<px.count {
                    let p = px[i]
                    if p == last { out[i] = lastIndex; continue }
                    // Bytes R, G, B, A in memory, whatever the host's byte order.
                    let v = UInt32(littleEndian: p)
                    let rgb = (v & 0xff) << 16 | (v & 0xff00) | (v >> 16) & 0xff
                    var slot = Int((rgb &* 2_654_435_761) >> 22) & (slots - 1)
                    while keys[slot] != rgb && keys[slot] != .max { slot = (slot + 1) & (slots - 1) }
                    if keys[slot] == .max {
                        guard palette.count < 256 else { return false }
                        keys[slot] = rgb
                        values[slot] = UInt8(palette.count)
                        palette.append(rgb)
                    }
                    (last, lastIndex) = (p, values[slot])
                    out[i] = lastIndex
                }
                return true
            }
        }
        return complete ? (palette, indices) : nil
    }

    /// The concatenated IDAT chunk data of a PNG file: its zlib stream of filtered rows.
    static func idat(_ png: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 8  // signature
        while i + 8 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            if png[i + 4] == UInt8(ascii: "I") && png[i + 5] == UInt8(ascii: "D") && png[i + 6] == UInt8(ascii: "A") && png[i + 7] == UInt8(ascii: "T") {
                out += png[(i + 8)..<(i + 8 + length)]
            }
            i += 12 + length
        }
        return out
    }
}
