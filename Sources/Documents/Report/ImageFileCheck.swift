import Foundation
import Notebook

/// Whether a file may be published as an image of the site: a regular file (never a folder, a
/// pipe or `/dev/zero`, which would hang or exhaust a read), of bounded size, whose bytes are a
/// PNG, JPEG, GIF, WebP or SVG image as its extension says — the types a browser shows — and,
/// for SVG, without script: a page's `<img>` never runs an SVG's script, but the copied file is
/// served beside the page and opened directly when someone follows a link to it.
enum ImageFileCheck {
    static let maxBytes = 50 << 20
    static let rasterExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]
    static let extensions = rasterExtensions.union(["svg"])

    enum Outcome: Equatable { case image(Data), refused(String) }

    /// Reads the file at `path` (a resolved real path) and checks it; `ext` is the lowercased
    /// extension the notebook named it with. A refusal says why, to follow "image 'x' ".
    static func read(_ path: String, ext: String) -> Outcome {
        guard extensions.contains(ext) else {
            return .refused(
                "is not published: only PNG, JPEG, GIF, WebP and SVG files are copied into the site (this one is \(ext.isEmpty ? "without an extension" : "'.\(ext)'"))"
            )
        }
        let data: Data
        switch regularFile(path) {
        case .refused(let why): return .refused(why)
        case .image(let d): data = d
        }
        let bytes = [UInt8](data.prefix(16))
        if rasterExtensions.contains(ext) {
            guard isRaster(bytes) else { return .refused("is not published: its bytes are not a PNG, JPEG, GIF or WebP image") }
        } else {
            let text = String(decoding: data, as: UTF8.self)
            guard text.range(of: "<svg", options: .caseInsensitive) != nil else {
                return .refused("is not published: it is not an SVG image (no <svg> element)")
            }
            if let what = svgScript(text) { return .refused("is not published: the SVG file contains \(what), which would run in a browser that opens it") }
        }
        return .image(data)
    }

    /// The bytes of a regular file no larger than `maxBytes` (Notebook's `RegularFile`: opened
    /// without blocking and checked on the open descriptor, so a file swapped for a pipe after
    /// the check cannot hang the render).
    static func regularFile(_ path: String) -> Outcome {
        do throws(RegularFile.Problem) { return .image(try RegularFile.read(path, limit: maxBytes)) } catch {
            switch error {
            case .directory: return .refused("is a folder, not an image file: not published")
            case .notRegular("a FIFO"): return .refused("is a pipe, not an image file: not published")
            case .notRegular("a character device"), .notRegular("a block device"):
                return .refused("is a device, not an image file: not published")
            case .notRegular: return .refused("is not a regular file: not published")
            case .tooLarge: return .refused("is larger than \(maxBytes >> 20) MB: not published")
            case .missing: return .refused("cannot be read (it does not exist)")
            case .unreadable(let why): return .refused("cannot be read (\(why))")
            }
        }
    }

    static func isRaster(_ b: [UInt8]) -> Bool {
        func starts(_ p: [UInt8], at i: Int = 0) -> Bool { b.count >= i + p.count && Array(b[i..<i + p.count]) == p }
        return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])  // PNG
            || starts([0xFF, 0xD8, 0xFF])  // JPEG
            || starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))  // GIF
            || (starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8))
    }

    /// What in an SVG could run script or pull in active content, or nil. Checked on the text
    /// with numeric character references decoded and controls and spaces removed, as an XML
    /// parser and a URL parser would see it (`java&#x09;script:` is `javascript:`).
    static func svgScript(_ svg: String) -> String? {
        let decoded = decodeCharacterReferences(svg).lowercased()
        let squeezed = String(String.UnicodeScalarView(decoded.unicodeScalars.filter { !URLSafety.isInvisible($0) }))
        for (needle, what) in [
            ("<script", "a <script> element"), ("javascript:", "a javascript: URL"), ("vbscript:", "a vbscript: URL"),
            ("<foreignobject", "a <foreignObject> (HTML inside the SVG)"), ("<iframe", "an <iframe>"),
            ("<embed", "an <embed>"), ("<object", "an <object>"), ("<handler", "an event <handler>"),
            ("<listener", "an event <listener>"), ("<!entity", "an entity declaration"),
            ("<?xml-stylesheet", "a style sheet processing instruction"),
        ] where squeezed.contains(needle) {
            return what
        }
        // Event attributes: `onload=`, `ONCLICK =`, `onmouseover\n=`.
        if decoded.range(of: #"(^|[\s"'/<])on[a-z]+\s*="#, options: .regularExpression) != nil { return "an event attribute (on…=)" }
        // SMIL can set an attribute to a URL or handler: <set attributeName="href" to="…">.
        if decoded.range(of: #"attributename\s*=\s*["']?\s*(on|href|xlink:href)"#, options: .regularExpression) != nil {
            return "an animation of a link or event attribute"
        }
        // data: URLs other than embedded raster images can hold HTML or another SVG.
        var rest = squeezed[...]
        while let r = rest.range(of: "data:") {
            let after = rest[r.upperBound...]
            if !["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"].contains(where: { after.hasPrefix($0) }) {
                return "a data: URL that is not a raster image"
            }
            rest = after
        }
        return nil
    }

    /// `&#106;` and `&#x6A;` as the characters they stand for (XML decodes them in attributes).
    static func decodeCharacterReferences(_ s: String) -> String {
        guard s.contains("&#") else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", i + 2 < scalars.count, scalars[i + 1] == "#" {
                var j = i + 2
                let hex = scalars[j] == "x" || scalars[j] == "X"
                if hex { j += 1 }
                var digits = ""
                while j < scalars.count, digits.count < 10,
                    hex ? scalars[j].properties.isASCIIHexDigit : ("0"..."9").contains(scalars[j])
                {
                    digits.unicodeScalars.append(scalars[j]); j += 1
                }
                if !digits.isEmpty, let v = UInt32(digits, radix: hex ? 16 : 10) {
                    out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                    i = j < scalars.count && scalars[j] == ";" ? j + 1 : j
                    continue
                }
            }
            out.append(scalars[i]); i += 1
        }
        return String(out)
    }
}
