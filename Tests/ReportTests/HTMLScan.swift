import Foundation
import XCTest

/// What a browser would take from an HTML page, for the security tests: its tags with their
/// attributes (values entity-decoded, as the HTML parser delivers them), and a URL's scheme
/// as the WHATWG URL parser finds it. Written independently of `URLSafety`, so the tests do
/// not check the sanitiser with itself.
enum HTMLScan {
    struct Tag { var name: String; var attributes: [(name: String, value: String)] }

    /// Start tags in document order (text between tags is not markup: `&lt;` never opens one).
    static func tags(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count, s[i + 1].properties.isAlphabetic else { i += 1; continue }
            i += 1
            var name = ""
            while i < s.count, !isSpace(s[i]), s[i] != ">", s[i] != "/" { name.unicodeScalars.append(s[i]); i += 1 }
            var attrs: [(String, String)] = []
            while i < s.count, s[i] != ">" {
                if isSpace(s[i]) || s[i] == "/" { i += 1; continue }
                var an = ""
                while i < s.count, !isSpace(s[i]), s[i] != "=", s[i] != ">", s[i] != "/" { an.unicodeScalars.append(s[i]); i += 1 }
                while i < s.count, isSpace(s[i]) { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, isSpace(s[i]) { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let q = s[i]; i += 1
                        while i < s.count, s[i] != q { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !isSpace(s[i]), s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                attrs.append((an.lowercased(), decodeEntities(value)))
            }
            tags.append(Tag(name: name.lowercased(), attributes: attrs))
            i += 1
        }
        return tags
    }

    /// The character references a page writer emits (`&amp;`, `&quot;`, `&#…;`).
    static func decodeEntities(_ s: String) -> String {
        var out = s
        for (e, c) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&apos;", "'")] {
            out = out.replacingOccurrences(of: e, with: c)
        }
        if let re = try? NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);") {
            let ns = out as NSString
            var result = ""
            var last = 0
            for m in re.matches(in: out, range: NSRange(location: 0, length: ns.length)) {
                result += ns.substring(with: NSRange(location: last, length: m.range.location - last))
                let hex = ns.substring(with: m.range(at: 1)) == "x"
                let v = UInt32(ns.substring(with: m.range(at: 2)), radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
                result += v.map { String($0) } ?? "\u{FFFD}"
                last = m.range.location + m.range.length
            }
            out = result + ns.substring(from: last)
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The scheme a browser finds (WHATWG URL: strip leading and trailing C0 controls and
    /// spaces, remove tabs and newlines, then `alpha *(alnum / + / - / .) :`), lowercased.
    static func browserScheme(_ url: String) -> String? {
        var scalars = Array(url.unicodeScalars)
        while let f = scalars.first, f.value <= 0x20 { scalars.removeFirst() }
        while let l = scalars.last, l.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var scheme = String(first)
        for c in scalars.dropFirst() {
            if c == ":" { return scheme.lowercased() }
            guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "+" || c == "-" || c == "." else { return nil }
            scheme.unicodeScalars.append(c)
        }
        return nil
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "poster",
        "data", "background", "cite", "longdesc", "ping", "content",
    ]

    /// Asserts no tag of `html` is a script, carries an event handler, or holds a URL whose
    /// scheme is not http, https or mailto; returns the URL attributes seen.
    @discardableResult
    static func assertScriptFree(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> [(tag: String, name: String, value: String)] {
        var urls: [(String, String, String)] = []
        for tag in tags(html) {
            XCTAssertFalse(
                ["script", "iframe", "object", "embed", "base", "form", "frame"].contains(tag.name),
                "<\(tag.name)> in the page", file: file, line: line)
            XCTAssertFalse(
                tag.name == "meta" && tag.attributes.contains { $0.name == "http-equiv" },
                "<meta http-equiv> in the page", file: file, line: line)
            for (name, value) in tag.attributes {
                XCTAssertFalse(name.hasPrefix("on"), "event attribute \(name)=\"\(value)\" on <\(tag.name)>", file: file, line: line)
                guard urlAttributes.contains(name), tag.name != "meta" else { continue }
                urls.append((tag.name, name, value))
                let candidates = name == "srcset" ? value.split(separator: ",").map({ String($0.split(separator: " ").first ?? "") }) : [value]
                for candidate in candidates {
                    let scheme = browserScheme(candidate)
                    XCTAssertTrue(
                        scheme == nil || ["http", "https", "mailto"].contains(scheme!),
                        "<\(tag.name) \(name)=\"\(candidate.debugDescription)\"> has scheme \(scheme!)", file: file, line: line)
                }
                XCTAssertFalse(
                    value.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" },
                    "unencoded control, space or quote in \(name)=\(value.debugDescription)", file: file, line: line)
            }
        }
        return urls
    }
}
