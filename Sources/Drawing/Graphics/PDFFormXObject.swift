/// Filled quadrilaterals (3-D surface facets) as a PDF form XObject written by Folio, for a
/// placeholder drawn over `rect` (PDFImagePlaceholders): a placeholder image's unit square is
/// `rect` with its first row at the top, so the form's /Matrix maps user space onto that square
/// and the content is written in user coordinates, whatever transform Cairo puts in front.
///
/// Why not Cairo: it prints every coordinate through snprintf, about a microsecond a number, and
/// records, analyses and replays every fill; ten thousand facets took ~100 ms, here ~5 ms.
struct PDFFormXObject: PDFStreamObject {
    let head: [UInt8]
    let data: [UInt8]

    /// Row length of the byte "image" the content is deflated as (PNGEncoder, rows unfiltered).
    static let columns = 4096

    init(quads: [(Point, Point, Point, Point)], colors: [Color], rect: Rect) {
        var out: [UInt8] = []
        out.reserveCapacity(quads.count * 80)
        var last: (Int, Int, Int)? = nil
        for (q, c) in zip(quads, colors) {
            // Colours to 0.001 (finer than 8-bit), set only when they change.
            let rgb = (PDFFormXObject.thousandths(c.red), PDFFormXObject.thousandths(c.green), PDFFormXObject.thousandths(c.blue))
            if last == nil || last! != rgb {
                PDFFormXObject.write(rgb.0, &out); out.append(32); PDFFormXObject.write(rgb.1, &out); out.append(32)
                PDFFormXObject.write(rgb.2, &out); out += [32, 114, 103, 10]  // " rg\n"
                last = rgb
            }
            for (k, p) in [q.0, q.1, q.2, q.3].enumerated() {
                PDFFormXObject.write(PDFFormXObject.thousandths(p.x), &out); out.append(32)
                PDFFormXObject.write(PDFFormXObject.thousandths(p.y), &out)
                out += k == 0 ? [32, 109, 32] : [32, 108, 32]  // " m " / " l "
            }
            out += [102, 10]  // "f\n"
        }
        // Whole rows: the last is padded with spaces, which a content stream ignores.
        let width = min(PDFFormXObject.columns, max(1, out.count))
        let rows = (out.count + width - 1) / width
        out += [UInt8](repeating: 32, count: rows * width - out.count)
        let png = PNGEncoder.encode(
            pixels: out, width: width, height: rows, channels: 1, dpi: 72,
            level: PDFImageXObject.level, unfiltered: true)
        data = PDFImageXObject.idat(png)
        let m = [1 / rect.width, 0, 0, -1 / rect.height, -rect.x / rect.width, rect.maxY / rect.height]
        head = Array(
            ("<< /Type /XObject /Subtype /Form /BBox [\(rect.x) \(rect.y) \(rect.maxX) \(rect.maxY)]"
                + " /Matrix [\(m.map { "\($0)" }.joined(separator: " "))] /Resources << >> /Filter /FlateDecode"
                + " /DecodeParms << /Predictor 15 /Columns \(width) >> /Length \(data.count)").utf8)
    }

    static func thousandths(_ v: Double) -> Int { Int((Canvas.coordinate(v) * 1000).rounded()) }

    /// `k` / 1000 in the fewest characters: 12.5, -0.25, 3.
    static func write(_ k: Int, _ out: inout [UInt8]) {
        var k = k
        if k < 0 { out.append(45); k = -k }
        write(digitsOf: k / 1000, &out)
        var frac = k % 1000
        guard frac != 0 else { return }
        out.append(46)
        var divisor = 100
        while frac != 0 {
            out.append(48 + UInt8(frac / divisor))
            frac %= divisor
            divisor /= 10
        }
    }

    private static func write(digitsOf n: Int, _ out: inout [UInt8]) {
        if n >= 10 { write(digitsOf: n / 10, &out) }
        out.append(48 + UInt8(n % 10))
    }
}
