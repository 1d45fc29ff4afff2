import Foundation
import XCTest
@testable import Report

/// The one URL decision (`URLSafety`): every form of a script URL a browser would still run
/// is refused; allowed URLs are written so the browser reads the URL that was checked.
final class URLSafetyTests: XCTestCase {
    /// Every invisible character a notebook could hide in a scheme: C0 controls and space,
    /// DEL, C1 controls, and Unicode spaces and format characters.
    static let hidden: [Unicode.Scalar] =
        (0...0x20).map { Unicode.Scalar($0)! } + [Unicode.Scalar(0x7F)!]
        + (0x80...0x9F).map { Unicode.Scalar($0)! }
        + ["\u{A0}", "\u{1680}", "\u{2000}", "\u{200B}", "\u{200E}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{3000}", "\u{FEFF}"]

    /// `javascript:alert(1)` with `c` before it, at every position inside the scheme and
    /// before the colon, with the scheme in mixed case.
    static func variants(_ scheme: String, _ c: Unicode.Scalar) -> [String] {
        let s = Array(scheme.unicodeScalars)
        var out = [String(c) + scheme + ":alert(1)", String(c) + String(c) + scheme.uppercased() + ":x"]
        for k in 1...s.count {
            var t = s
            t.insert(c, at: k)
            out.append(String(String.UnicodeScalarView(t)) + ":alert(1)")
        }
        out.append(String(String.UnicodeScalarView(s.enumerated().map { $0 % 2 == 0 ? Unicode.Scalar(String($1).uppercased())! : $1 })) + ":" + String(c))
        return out
    }

    func testScriptSchemesAreRefusedWithAnyHiddenCharacter() {
        for scheme in ["javascript", "vbscript", "data", "file", "blob"] {
            for c in Self.hidden {
                for url in Self.variants(scheme, c) {
                    XCTAssertNil(URLSafety.href(url), "\(url.debugDescription) was allowed")
                }
            }
        }
    }

    func testEveryAllowedHrefParsesToAnAllowedSchemeInABrowser() {
        // Whatever gets through must, read as a browser reads it, be http(s), mailto or relative.
        var inputs: [String] = []
        for c in Self.hidden { for s in ["javascript", "http", "https", "mailto"] { inputs += Self.variants(s, c) } }
        inputs += ["java%09script:alert(1)", "java%0Ascript:x", "%6Aavascript:x", "&#106;avascript:x", "javascript&colon;x"]
        for url in inputs {
            guard let href = URLSafety.href(url) else { continue }
            let scheme = HTMLScan.browserScheme(href)
            XCTAssertTrue(scheme == nil || URLSafety.allowedSchemes.contains(scheme!), "\(url.debugDescription) → \(href.debugDescription)")
            XCTAssertFalse(
                href.unicodeScalars.contains { URLSafety.isInvisible($0) || "\"<>`".unicodeScalars.contains($0) },
                "\(href.debugDescription) keeps a character a browser would strip or re-read")
        }
    }

    func testMixedCaseLeadingSpacesAndOtherSchemes() {
        for url in [
            "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "\tjavascript:alert(1)", "javascript:", "JAVASCRIPT://%0aalert(1)",
            "vbscript:msgbox(1)", "VBScript:x", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,iVBOR",
            "file:///etc/passwd", "blob:https://x/1", "chrome://settings", "view-source:http://x", "foo:bar", "tel:123",
            "C:\\Windows\\x", "jar:file:x!/", "ms-settings:x", "x-y.z+w:1",
            // No valid scheme but a ':' before any '/': relative for a browser, not classifiable for us.
            "java%09script:alert(1)", "%6Aavascript:x", ":alert(1)", "é:x", "1a:x",
            // Checked as http:, but written `ht%00tp:x`: the written form must keep its scheme.
            "ht\u{0}\u{0}tp:x", "mail\u{200B}to:a@b.c",
        ] {
            XCTAssertNil(URLSafety.href(url), url)
        }
        XCTAssertEqual(URLSafety.scheme(of: "\u{1}\u{2} Ja\tVa\nScRi\rPt:x"), "javascript")
    }

    func testAllowedURLsAreKept() {
        for url in [
            "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM", "mailto:a@b.c", "#frag", "#", "path/x.html", "./x", "../x",
            "?q=1", "//example.com/x", "", "notes.md#sec-a", "a/b:c", "./a:b",
        ] {
            XCTAssertEqual(URLSafety.href(url), url, url)
        }
        XCTAssertTrue(URLSafety.isRemote("//evil.com/x.png"))
        XCTAssertTrue(URLSafety.isRemote("\\\\evil.com/x.png"))
        XCTAssertTrue(URLSafety.isRemote("HTTPS://x/y.png"))
        XCTAssertFalse(URLSafety.isRemote("x.png"))
        XCTAssertFalse(URLSafety.isRemote("/x.png"))
        XCTAssertFalse(URLSafety.isRemote("mailto:a@b"))
    }

    func testWrittenHrefCannotBreakOutOfItsAttribute() {
        XCTAssertEqual(URLSafety.href("http://x/a b\"c<d>e`f"), "http://x/a%20b%22c%3Cd%3Ee%60f")
        XCTAssertEqual(URLSafety.href("http://x/\u{7}\u{202E}"), "http://x/%07%E2%80%AE")
        XCTAssertEqual(URLSafety.href("http://x/\"onmouseover=\"alert(1)"), "http://x/%22onmouseover=%22alert(1)")
        XCTAssertEqual(HTML.escape(URLSafety.href("http://x/?a=1&b=2")!), "http://x/?a=1&amp;b=2")
        XCTAssertEqual(URLSafety.fragment("sec a\"b"), "#sec%20a%22b")
    }

    func testPathReferencesEncodeEverythingButSafeCharacters() {
        XCTAssertEqual(URLSafety.pathReference("a#b.html"), "a%23b.html")
        XCTAssertEqual(URLSafety.pathReference("my notes?.html"), "my%20notes%3F.html")
        XCTAssertEqual(URLSafety.pathReference("100%.pdf"), "100%25.pdf")
        XCTAssertEqual(URLSafety.pathReference("\"q\"<x>.html"), "%22q%22%3Cx%3E.html")
        XCTAssertEqual(URLSafety.pathReference("é.html"), "%C3%A9.html")
        XCTAssertEqual(URLSafety.pathReference("javascript:alert(1).html"), "javascript%3Aalert%281%29.html")
        XCTAssertEqual(URLSafety.pathReference("nb/images/x-1_a.b~c.png"), "nb/images/x-1_a.b~c.png")
        XCTAssertNil(HTMLScan.browserScheme(URLSafety.pathReference("javascript:x")))
        XCTAssertEqual(URLSafety.pathReference("//evil.com/x.png"), ".///evil.com/x.png", "a path, not a host")
    }

    func testMessagesShowHiddenCharactersAndShortenLongURLs() {
        XCTAssertEqual(InlineSources.printable("java\tscript:\u{1B}[31m"), "java\\u{9}script:\\u{1B}[31m")
        let long = InlineSources.printable("data:" + String(repeating: "A", count: 500))
        XCTAssertEqual(long.count, 81)
        XCTAssertTrue(long.hasSuffix("…"))
    }
}
