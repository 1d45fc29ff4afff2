/// Puts Folio's own image XObjects (PDFImageXObject) into Cairo's PDF output.
///
/// Cairo has no way to take pre-encoded Flate image data, but it embeds JPEG mime data verbatim.
/// So an image is drawn as a 1×1 surface carrying a placeholder "JPEG": a header Cairo can read
/// (start of image, a comment naming the image, a frame header), then padding. Cairo writes it as
/// an image XObject drawn with the right transform and never touches pixels (no RGB conversion,
/// no deflate of the full-size image). After Cairo finishes, each placeholder object's dictionary
/// and stream are overwritten in place with the real ones; the placeholder is sized so the real
/// object always fits and the rest becomes spaces inside the dictionary. Every byte offset stays
/// where Cairo put it, so the cross-reference table stays valid without being rewritten.
struct PDFImagePlaceholders {
    private var images: [(marker: [UInt8], object: PDFStreamObject)] = []

    private static let streamStart = Array(" >>\nstream\n".utf8)

    /// The placeholder payload for `object`, to attach as CAIRO_MIME_TYPE_JPEG mime data.
    mutating func add(_ object: PDFStreamObject) -> [UInt8] {
        // Fixed-width number: no marker is a prefix of another.
        let digits = String(images.count)
        let comment = Array("folio-pdf-image:\(String(repeating: "0", count: max(0, 8 - digits.count)) + digits);".utf8)
        var payload: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFE, UInt8((comment.count + 2) >> 8), UInt8((comment.count + 2) & 0xFF)]
        payload += comment
        // Baseline frame header: 8-bit samples, 1 × 1 pixels, 3 components (what Cairo reads).
        payload += [0xFF, 0xC0, 0, 17, 8, 0, 1, 0, 1, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]
        precondition(payload.count == PDFImagePlaceholders.headerLength)
        payload += [UInt8](repeating: 0, count: PDFImagePlaceholders.payloadLength(object) - payload.count)
        images.append((Array(payload[0..<(6 + comment.count)]), object))
        return payload
    }

    var isEmpty: Bool { images.isEmpty }

    /// Overwrites every placeholder object in Cairo's finished PDF with its real image.
    /// One scan finds them all (a scan from the start per image was quadratic: 10 000 heatmaps
    /// in a report). A placeholder Cairo left out (an image clipped away entirely) is skipped.
    func apply(to pdf: inout [UInt8]) {
        pdf.withUnsafeMutableBufferPointer { buf in
            let found = PDFImagePlaceholders.findAll(in: UnsafeBufferPointer(buf), count: images.count)
            for (index, (_, object)) in images.enumerated() {
                guard let payload = found[index] else { continue }
                let length = object.head.count + PDFImagePlaceholders.streamStart.count + object.data.count
                // The dictionary Cairo wrote starts after "N 0 obj" before the payload; its stream after the payload.
                var start = payload
                while start >= 3 && !(buf[start - 3] == UInt8(ascii: "o") && buf[start - 2] == UInt8(ascii: "b") && buf[start - 1] == UInt8(ascii: "j")) {
                    start -= 1
                }
                while start < payload && buf[start] != UInt8(ascii: "<") { start += 1 }
                let end = payload + PDFImagePlaceholders.payloadLength(object)
                guard start >= 3, start < payload, end + 10 <= buf.count,
                    Array(buf[end..<(end + 10)]) == Array("\nendstream".utf8), end - start - length >= 0
                else {
                    // Not the layout expected: leave Cairo's placeholder rather than corrupt the file.
                    continue
                }
                let padding = end - start - length
                var k = start
                for b in object.head { buf[k] = b; k += 1 }
                for _ in 0..<padding { buf[k] = UInt8(ascii: " "); k += 1 }
                for b in PDFImagePlaceholders.streamStart { buf[k] = b; k += 1 }
                object.data.withUnsafeBufferPointer { d in (buf.baseAddress! + k).update(from: d.baseAddress!, count: d.count) }
            }
        }
    }

    /// Start of image and comment (6 + 25 bytes) and the frame header (19).
    private static let headerLength = 50

    /// Room for the whole real object, so it fits whatever Cairo's dictionary was.
    private static func payloadLength(_ object: PDFStreamObject) -> Int {
        max(headerLength, object.head.count + streamStart.count + object.data.count)
    }

    /// The offset of each placeholder (by its number) in `bytes`, from one pass: a placeholder
    /// starts FF D8 FF FE, two length bytes, then "folio-pdf-image:" and eight digits.
    private static func findAll(in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Int: Int] {
        let tag = Array("folio-pdf-image:".utf8)
        let n = 6 + tag.count + 8
        var found: [Int: Int] = [:]
        guard bytes.count >= n else { return found }
        var i = 0
        scan: while i <= bytes.count - n {
            defer { i += 1 }
            guard bytes[i] == 0xFF && bytes[i + 1] == 0xD8 && bytes[i + 2] == 0xFF && bytes[i + 3] == 0xFE else { continue }
            for j in 0..<tag.count where bytes[i + 6 + j] != tag[j] { continue scan }
            var number = 0
            for j in 0..<8 {
                let d = bytes[i + 6 + tag.count + j]
                guard d >= 0x30 && d <= 0x39 else { continue scan }
                number = number * 10 + Int(d - 0x30)
            }
            if number < count && found[number] == nil { found[number] = i }
        }
        return found
    }
}

/// A stream object to put in place of a placeholder: an image (PDFImageXObject) or a form
/// (PDFFormXObject); both are XObjects, drawn by the same `Do` Cairo writes for the placeholder.
protocol PDFStreamObject {
    /// The stream dictionary without its closing `>>`, so padding can go before it.
    var head: [UInt8] { get }
    var data: [UInt8] { get }
}
