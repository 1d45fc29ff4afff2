/// Records a PNG's resolution in a `pHYs` chunk (pixels per metre), so viewers and layout
/// programs show a figure at its physical size. Cairo's PNG writer leaves it out.
enum PNGResolution {
    /// `png` with a pHYs chunk for `dpi` right after IHDR; unchanged if it already has one
    /// or is not a PNG.
    static func record(_ png: [UInt8], dpi: Double) -> [UInt8] {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard png.count > 33, Array(png[0..<8]) == signature, chunkTypes(png).first == "IHDR",
            !chunkTypes(png).contains("pHYs")
        else { return png }
        let ppm = UInt32((dpi / 0.0254).rounded())
        var data = bigEndian(ppm) + bigEndian(ppm) + [1]  // unit 1: metre
        let type = Array("pHYs".utf8)
        data = type + data
        let chunk = bigEndian(9) + data + bigEndian(crc32(data))
        let ihdrEnd = 8 + 12 + 13  // signature + IHDR (length, type, 13 bytes, CRC)
        return Array(png[0..<ihdrEnd]) + chunk + Array(png[ihdrEnd...])
    }

    static func chunkTypes(_ png: [UInt8]) -> [String] {
        var types: [String] = []
        var i = 8
        while i + 8 <= png.count {
            let length = Int(png[i..<i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            types.append(String(decoding: png[i + 4..<i + 8], as: UTF8.self))
            i += 12 + length
        }
        return types
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 as PNG defines it (ISO 3309), over chunk type and data.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
