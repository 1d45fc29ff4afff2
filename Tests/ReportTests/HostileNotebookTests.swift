import Foundation
import Notebook
import OutputChannel
import Plot
import XCTest
import TestSupport
@testable import Report

/// A notebook written to attack its readers — script URLs in every spelling, raw HTML, markup
/// in every text field — rendered by the real writer: the page carries no script, no script
/// URL and no event handler, as read by our scanner and by Chromium itself.
final class HostileNotebookTests: XCTestCase {
    var dir: URL!, out: URL!

    override func setUpWithError() throws {
        dir = uniqueTemporaryURL("folio-hostile")
        out = dir.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// `[cN](java&#xNN;script:alert(N))` for every control character and space, and each
    /// before the scheme.
    static let entityLinks: String = ((0...0x20).map { $0 } + [0x7F]).map { c in
        let hex = String(c, radix: 16, uppercase: true)
        return "[in\(hex)](java&#x\(hex);script:alert(\(c))) [pre\(hex)](&#x\(hex);javascript:alert(\(c)))"
    }.joined(separator: "\n")

    static let markdown = """
        ---
        title: <script>alert('title')</script> "T" & <b onmouseover=alert(1)>
        subtitle: </p><script>alert('sub')</script>
        author: [<img src=x onerror=alert('author')>]
        date: "<svg onload=alert('date')>"
        abstract: See [x](javascript:alert('abs')) and <script>alert('abs2')</script> ![i](data:image/svg+xml,x)
        params:
          p: "<script>alert('param')</script>"
        ---

        # Heading <script>alert('h')</script> [h](javascript:alert('hl')) {#sec-a}

        \(entityLinks)

        [m](JaVaScRiPt:alert(1)) [l]( javascript:alert(1)) [e](&#106;avascript:alert(1)) [t](java&Tab;script:alert(1))
        [n](java&NewLine;script:alert(1)) [col](javascript&colon;alert(1)) [pct](java%09script:alert(1)) [bom](&#xFEFF;javascript:alert(1))
        <javascript:alert('auto')> <JAVASCRIPT:alert('auto2')> <vbscript:msgbox(1)> [v](vbscript:msgbox(1))
        [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [f](file:///etc/passwd) [b](blob:https://x/y)
        [q](<http://x/"onmouseover="alert('q')>) [lt](<http://x/a<script>b>) [ok](https://example.com/a?b=1&c=2) [rel](other.html#x)
        [ref][r] [ref2][r2] ![rimg][r]

        [r]: javascript:alert('ref')
        [r2]: <java	script:alert('ref2')>

        Raw: <script>alert('raw')</script> <img src=x onerror=alert('raw-img')> <a href="javascript:alert('raw-a')">a</a> <svg onload=alert('raw-svg')>

        <script>alert('block')</script>

        <div onclick="alert('div')"><a href="javascript:alert('div-a')">x</a></div>

        <iframe src="javascript:alert('iframe')"></iframe>

        ![img](javascript:alert('img')) ![img2](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![img3](java&#x0A;script:alert(1))
        ![etc](../../../../etc/passwd) ![remote](https://example.com/x.png) ![quote](https://x/"onerror="alert('imgq'))

        | a <script>alert('th')</script> | [b](javascript:alert('td')) |
        |---|---|
        | <img src=x onerror=alert('cell')> | `<script>alert('code')</script>` |

        : Caption [c](javascript:alert('tcap')) <script>alert('tcap2')</script> {#tbl-x}

        Footnote[^1].

        [^1]: Note with [bad](javascript:alert('fn')) and <img src=x onerror=alert('fn2')>.

        ```html
        <script>alert('fence')</script>
        ```

        ```swift
        //| label: fig-x" onmouseover="alert('label')
        //| caption: A <script>alert('cap')</script> [cap](javascript:alert('caplink')) $x<y$
        fig
        ```
        """

    func render() throws -> (html: String, notebook: ExecutedNotebook) {
        let path = dir.appendingPathComponent("hostile.md")
        try Self.markdown.write(to: path, atomically: true, encoding: .utf8)
        var fig = Figure(width: 144, height: 72)
        fig.title = "<script>alert('figtitle')</script>"
        fig.line(x: [0, 1], y: [0, 1])
        let table = Table(columns: [Table.Column("<img src=x onerror=alert('col')>")], rows: [[.text("<script>alert('tcell')</script> $a<b$")]])
        let outputs: [CellOutput] = [
            .stream(name: "stdout", text: "<script>alert('stdout')</script>\n"), .value("<img src=x onerror=alert('value')>"),
            .figure(fig), .table(table), .error(CellError(message: "<script>alert('error')</script>", line: 3)),
        ]
        let nb = ExecutedNotebook(document: try Document.load(path: path.path), outputs: [0: outputs])
        try ReportWriter(outputDirectory: out).write(nb)
        return (try String(contentsOf: out.appendingPathComponent("hostile.html"), encoding: .utf8), nb)
    }

    func testPageHasNoScriptNoScriptURLAndNoEventHandler() throws {
        let (html, _) = try render()
        let urls = HTMLScan.assertScriptFree(html)
        for page in ["index.html"] { HTMLScan.assertScriptFree(try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)) }
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.lowercased().contains("<iframe"))
        // Every spelling's text is kept, as text, without its link.
        // cmark turns `&#x0;` into U+FFFD, which no scheme holds: a browser reads a relative path,
        // but a ':' before any '/' without an allowed scheme is not published either.
        XCTAssertTrue(html.contains("<span class=\"blocked-link\" title=\"link not published\">in0</span>"))
        for c in (1...0x20).map({ $0 }) + [0x7F] {
            let hex = String(c, radix: 16, uppercase: true)
            XCTAssertTrue(html.contains("<span class=\"blocked-link\" title=\"link not published\">in\(hex)</span>"), "in\(hex)")
            XCTAssertTrue(html.contains("<span class=\"blocked-link\" title=\"link not published\">pre\(hex)</span>"), "pre\(hex)")
        }
        for text in ["m", "l", "e", "t", "n", "v", "d", "f", "b", "ref", "ref2", "h", "bad", "c", "cap", "x"] {
            XCTAssertTrue(html.contains("title=\"link not published\">\(text)</span>"), text)
        }
        // Allowed links stay, written so they cannot leave their attribute.
        let hrefs = urls.filter { $0.tag == "a" }.map(\.value)
        XCTAssertTrue(hrefs.contains("https://example.com/a?b=1&c=2"), "\(hrefs)")
        XCTAssertTrue(hrefs.contains("other.html#x"), "\(hrefs)")
        XCTAssertFalse(hrefs.contains { $0.contains("script:") }, "a colon before any '/' needs an allowed scheme: \(hrefs)")
        XCTAssertTrue(hrefs.contains("http://x/%22onmouseover=%22alert('q')"), "\(hrefs)")
        let srcs = urls.filter { $0.tag == "img" }.map(\.value)
        XCTAssertTrue(srcs.contains("https://example.com/x.png"), "\(srcs)")
        XCTAssertTrue(srcs.contains("https://x/%22onerror=%22alert('imgq')"), "\(srcs)")
        XCTAssertFalse(srcs.contains { $0.contains("passwd") }, "\(srcs)")
        XCTAssertTrue(html.contains("<span class=\"missing-image\" title=\"image not available\">[etc]</span>"))
        // Raw HTML shows as text; text fields are escaped.
        XCTAssertTrue(
            html.contains("Raw: &lt;script&gt;alert(&#39;raw&#39;)&lt;/script&gt;") || html.contains("Raw: &lt;script&gt;alert('raw')&lt;/script&gt;"), html)
        XCTAssertTrue(html.contains("<div class=\"cell\" id=\"fig-x&quot; onmouseover=&quot;alert("))
        // The figure files of the hostile label are plain names inside the output folder.
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("hostile").path).sorted()
        XCTAssertTrue(files.contains("fig-x--onmouseover--alert--label--.svg"), "\(files)")
    }

    func testUnpublishedLinksAndImagesAreReportedWhereTheyAre() throws {
        let (_, nb) = try render()
        let path = dir.appendingPathComponent("hostile.md").path
        let warnings = ResolvedNotebook(nb).diagnostics.map(\.description)
        func at(_ line: Int, _ column: Int, _ url: String) -> String {
            "\(path):\(line):\(column): warning: link to '\(url)' not published: "
        }
        // Each at the start of its URL as written, whatever its spelling.
        for expected in [
            at(11, 43, "javascript:alert('hl')"), at(22, 7, "java\\u{9}script:alert(9)"), at(22, 40, "\\u{9}javascript:alert(9)"),
            at(45, 8, "java script:alert(32)"), at(46, 45, "\\u{7F}javascript:alert(127)"),
            at(48, 5, "JaVaScRiPt:alert(1)"), at(48, 31, "javascript:alert(1)"), at(48, 56, "javascript:alert(1)"),
            at(48, 86, "java\\u{9}script:alert(1)"), at(49, 5, "java\\u{A}script:alert(1)"), at(49, 41, "javascript:alert(1)"),
            at(49, 104, "\\u{FEFF}javascript:alert(1)"), at(50, 2, "javascript:alert('auto')"), at(50, 57, "vbscript:msgbox(1)"),
            at(51, 5, "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="), at(51, 69, "file:///etc/passwd"),
            at(55, 6, "javascript:alert('ref')"), at(56, 8, "java\\u{9}script:alert('ref2')"),
            at(69, 40, "javascript:alert('td')"), at(73, 15, "javascript:alert('tcap')"), at(77, 23, "javascript:alert('fn')"),
            // In the front matter's abstract and a cell's caption option, too.
            at(6, 19, "javascript:alert('abs')"), at(85, 52, "javascript:alert('caplink')"),
        ] {
            XCTAssertTrue(warnings.contains { $0.hasPrefix(expected) }, "\(expected) in\n" + warnings.joined(separator: "\n"))
        }
        XCTAssertEqual(warnings.filter { $0.contains("warning: link to") }.count, 2 * 33 + 1 + 7 + 4 + 3 + 2 + 3 + 3 + 2, warnings.joined(separator: "\n"))
        XCTAssertTrue(
            warnings.contains(
                "\(path):66:1: warning: image 'javascript:alert('img')' not published: 'javascript:' image URLs are not allowed (only http, https and files in the project)"
            ))
        XCTAssertTrue(warnings.contains { $0.hasPrefix("\(path):66:33: warning: image 'data:image/svg+xml;base64,") })
        XCTAssertTrue(
            warnings.contains {
                $0.hasPrefix("\(path):67:1: warning: image '../../../../etc/passwd' is outside the project folder ") && $0.contains("(it is /etc/passwd)")
            })
        XCTAssertFalse(warnings.contains { $0.contains("https://example.com") })
    }

    /// The PDF's link annotations go through the same decision.
    func testPDFLinksAreAllowedURLsOnly() throws {
        _ = try render()
        let uris = try Tools.output(
            "python3",
            [
                "-c",
                #"""
                import re, sys, zlib
                d = open(sys.argv[1], "rb").read()
                parts = [d]
                for m in re.finditer(rb"stream\r?\n", d):
                    try: parts.append(zlib.decompressobj().decompress(d[m.end():m.end() + 4000000]))
                    except Exception: pass
                for p in parts:
                    for u in re.findall(rb"/URI\s*\((.*?)(?<!\\)\)", p, re.S): print(u.decode("latin-1").encode("unicode_escape").decode())
                """#, out.appendingPathComponent("hostile.pdf").path,
            ]
        ).split(separator: "\n").map(String.init)
        XCTAssertTrue(uris.contains("https://example.com/a?b=1&c=2"), "\(uris)")
        XCTAssertTrue(uris.contains("https://example.com/x.png"), "\(uris)")
        for u in uris {
            let scheme = HTMLScan.browserScheme(u)
            XCTAssertTrue(scheme == nil || ["http", "https", "mailto"].contains(scheme!), u)
        }
    }

    /// Chromium loads the page (with a probe added to a copy): no payload runs, and its own URL
    /// parser finds no link or source whose protocol is not http(s), mailto or the page's file:.
    func testChromiumRunsNothingAndResolvesNoScriptURL() throws {
        _ = try Tools.path("chromium")
        var (html, _) = try render()
        let hook = "<script>window.hits=[];window.alert=function(x){hits.push(String(x))};window.print=window.alert;</script>"
        let probe = #"""
            <script>
            function folioProbe(){
              var bad=[];
              document.querySelectorAll('*').forEach(function(e){
                for (var i=0;i<e.attributes.length;i++){
                  var a=e.attributes[i], n=a.name.toLowerCase();
                  if (n.indexOf('on')===0) bad.push('event '+n+' on '+e.tagName);
                  if (['href','src','xlink:href','action','formaction','data','poster'].indexOf(n)>=0){
                    var p; try { p=new URL(a.value, document.baseURI).protocol } catch(x) { p='invalid:' }
                    if (['http:','https:','mailto:','file:','invalid:'].indexOf(p)<0) bad.push(n+'='+a.value+' → '+p);
                  }
                }
              });
              var scripts=document.querySelectorAll('script').length-2;
              document.body.setAttribute('data-probe', JSON.stringify({hits:window.hits, bad:bad, scripts:scripts,
                iframes:document.querySelectorAll('iframe,object,embed').length}));
            }
            window.addEventListener('load', function(){ setTimeout(folioProbe, 300) });
            </script>
            """#
        html = html.replacingOccurrences(of: "<head>", with: "<head>" + hook).replacingOccurrences(of: "</body>", with: probe + "</body>")
        guard let json = try ChromiumProbe.run(html, in: out) else { return }
        let result = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        XCTAssertEqual(result["hits"] as? [String], [], "payloads ran: \(json)")
        XCTAssertEqual(result["bad"] as? [String], [], json)
        XCTAssertEqual(result["scripts"] as? Int, 0, json)
        XCTAssertEqual(result["iframes"] as? Int, 0, json)
    }
}
