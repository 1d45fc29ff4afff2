import Foundation

extension Harness {
    /// The link and image URL sanitiser of the HTML page. Beyond not crashing: what it lets
    /// through must not run a scheme other than http, https or mailto once a browser has
    /// cleaned it up (WHATWG URL parsing strips ASCII tab/LF/CR anywhere and leading/trailing
    /// C0 controls and spaces, and schemes are ASCII case-insensitive).
    static let url = Harness(name: "url", maxLength: 256, summary: "HTML link URL sanitiser (URLSanitizer.swift)") { bytes in
        let input = String(decoding: bytes, as: UTF8.self)
        guard let output = URLSanitizer.sanitize(input) else {
            FileHandle.standardError.write(Data("folio-fuzz url: the sanitiser is internal to Report; use a debug or fuzz build\n".utf8))
            exit(4)
        }
        if let scheme = browserScheme(output), !["http", "https", "mailto"].contains(scheme) {
            finding("URL sanitiser let scheme '\(scheme)' through: \(String(reflecting: input)) → \(String(reflecting: output))")
        }
    }

    /// The scheme a browser would see in `url`, lowercased, or nil for a relative URL: the text
    /// before a ':' that comes before any '/', '?' or '#'. Stricter than WHATWG on purpose: an
    /// empty or non-ASCII prefix (`:x`, `é:x`) counts as a scheme too, though a browser would
    /// resolve it as a relative path; an allow-list has no reason to pass such a URL unchanged.
    static func browserScheme(_ url: String) -> String? {
        var s = Array(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = s.first, first.value <= 0x20 { s.removeFirst() }
        while let last = s.last, last.value <= 0x20 { s.removeLast() }
        guard let end = s.firstIndex(where: { ":/?#".unicodeScalars.contains($0) }), s[end] == ":" else { return nil }
        // ASCII lowercase only, as browsers compare schemes.
        return String(String.UnicodeScalarView(s[..<end].map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}
