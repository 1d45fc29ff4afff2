import Foundation
import Notebook

/// The one decision on which URLs from notebook text a page may carry — link `href`s, image
/// `src`s, autolinks, cross-reference and footnote anchors, the PDF's link annotations — and
/// how they are written so that the browser reads exactly the URL that was checked.
///
/// The check sees the URL as a browser's URL parser does (WHATWG URL §4.4): it ignores leading
/// and trailing C0 controls and spaces and drops tabs and newlines anywhere, so
/// `java&#x09;script:` (cmark has already decoded the entity) *is* `javascript:`. The check
/// drops more than that — every control, space and invisible format character, anywhere — so
/// it can only see a scheme where a browser does or more often, never less. Percent-escapes are
/// not decoded: browsers do not decode them in a scheme either, so `java%09script:x` is a
/// relative path. Then an allow-list: `http`, `https`, `mailto`, or no scheme at all (`#frag`,
/// `path`, `./x`, `../x`, `?q`, `//host` — the last is protocol-relative, http or https).
public enum URLSafety {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL to write, or nil when it must not be published (the link becomes inert text).
    /// Characters a browser would strip or re-read — controls, spaces, invisible format
    /// characters, `"`, `<`, `>`, `` ` `` — are percent-encoded, so the written URL parses to the
    /// checked one (and can no longer gain a scheme). Still needs `HTML.escape` in an attribute.
    public static func href(_ url: String) -> String? {
        guard isAllowed(url) else { return nil }
        let written = encodeUnsafe(url)
        // The written form must say what was checked: `ht\0tp:x` is checked as `http:x` but
        // written `ht%00tp:x`, which a browser reads as a relative path with a colon. Only a URL
        // whose written form keeps its scheme (or its lack of one) is published.
        guard isAllowed(written), scheme(of: written) == scheme(of: url) else { return nil }
        return written
    }

    public static func isAllowed(_ url: String) -> Bool {
        if let scheme = scheme(of: url) { return allowedSchemes.contains(scheme) }
        // No valid scheme, yet a ':' before any '/', '?' or '#' (`:x`, `é:x`, `1a:x`): browsers
        // read these as relative paths today, but an allow-list passes only what it can classify
        // (a relative path with a colon can be written `./a:b`).
        let head = decisive(url).unicodeScalars.prefix { !"/?#".unicodeScalars.contains($0) }
        return !head.contains(":")
    }

    /// The lowercased scheme a browser could find in `url` (`JaVa\tScRiPt:` → `javascript`),
    /// or nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        let s = Array(decisive(url).unicodeScalars)
        guard let first = s.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var i = 1
        while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || "+-.".unicodeScalars.contains(s[i]) {
            i += 1
        }
        guard i < s.count, s[i] == ":" else { return nil }
        return String(String.UnicodeScalarView(s[0..<i])).lowercased()
    }

    /// Whether `url` names something on another host (`http:`, `https:`, `//host`), as opposed
    /// to a file beside the page, a fragment or a mail address.
    public static func isRemote(_ url: String) -> Bool {
        if let scheme = scheme(of: url) { return scheme == "http" || scheme == "https" }
        // `\` counts as `/` in http(s) URLs for browsers.
        let d = decisive(url).unicodeScalars.prefix(2)
        return d.count == 2 && d.allSatisfy { $0 == "/" || $0 == "\\" }
    }

    /// `#id` for an anchor in the page itself; ids come from labels and headings.
    public static func fragment(_ id: String) -> String { "#" + encodeUnsafe(id) }

    /// A page-relative file path (`a#b.html`, `nb/images/x y.png`) as a URL: every byte except
    /// ASCII letters, digits, `-`, `.`, `_`, `~` and the `/` between folders is
    /// percent-encoded, so `#`, `?`, `%` and `:` stay part of the name.
    public static func pathReference(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += percent(b)
            }
        }
        // `//x` would name a host; a path never does.
        return out.hasPrefix("//") ? "./" + out : out
    }

    // MARK: Parts

    /// `url` without the characters the check ignores.
    static func decisive(_ url: String) -> String {
        String(String.UnicodeScalarView(url.unicodeScalars.filter { !isInvisible($0) }))
    }

    /// Controls (C0, DEL, C1), spaces and separators of any kind, and format characters
    /// (zero-width space, bidi overrides, BOM): what a reader does not see in a URL.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        if s.value <= 0x20 || (0x7F...0x9F).contains(s.value) { return true }
        switch s.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return s.properties.isWhitespace
        }
    }

    static func encodeUnsafe(_ url: String) -> String {
        var out = ""
        for s in url.unicodeScalars {
            if isInvisible(s) || "\"<>`".unicodeScalars.contains(s) {
                for b in String(s).utf8 { out += percent(b) }
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func percent(_ b: UInt8) -> String {
        let hex = Array("0123456789ABCDEF")
        return "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
    }
}

extension URLSafety {
    /// A warning for each link whose URL is not published (it is shown as plain text), at the
    /// link's `file.md:line:col`: in the text, in the front matter's abstract and in cells'
    /// `caption:` options, the three places links are rendered from. Images are checked by
    /// `LocalImages`.
    static func linkDiagnostics(_ document: Document) -> [Diagnostic] {
        let lines = InlineSources.lines(path: document.path)
        // The abstract and the captions as one-paragraph blocks at the line their text starts
        // on (the front matter from its first line; a caption at its option's line).
        var sources = document.blocks
        if let abstract = document.abstractInlines { sources.append(.paragraph(abstract, line: 1)) }
        for cell in document.cells {
            guard let caption = cell.options.caption else { continue }
            let line = captionLine(cell, lines)
            sources.append(.paragraph(Numbering.markdownInline(caption, line: line), line: line))
        }
        let refs = InlineSources.references(in: sources).filter { !$0.isImage && !isAllowed($0.url) }
        guard !refs.isEmpty else { return [] }
        return refs.map { ref in
            let (line, column) = InlineSources.locate(ref, in: lines)
            let scheme = scheme(of: ref.url) ?? "?"
            return Diagnostic(
                file: document.path, line: line, column: column,
                message:
                    "link to '\(InlineSources.printable(ref.url))' not published: '\(scheme):' links are not allowed (only http, https, mailto and relative links); its text is shown without the link",
                severity: .warning)
        }
    }

    /// The line of a cell's `//| caption:` option: among the option lines above its code.
    static func captionLine(_ cell: Cell, _ lines: [String]) -> Int {
        var line = cell.firstLine - 1
        while line >= 1, line <= lines.count, lines[line - 1].contains("//|") {
            if lines[line - 1].contains("caption:") { return line }
            line -= 1
        }
        return max(1, cell.firstLine - 1)
    }
}
