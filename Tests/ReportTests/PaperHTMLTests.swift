import Foundation
import XCTest
import Notebook
import Plot
import TestSupport
@testable import Report

/// The fixture paper as a static site: well-formed, every local link and image resolves, no
/// script, and a real browser shows it with its figures.
final class PaperHTMLTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws {
        out = uniqueTemporaryURL("folio-site")
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    /// Checks one page with Python's HTML parser: tags balance, ids are unique, and every
    /// local href/src/srcset names a file that exists (and an id that exists, for `#anchors`).
    static let checker = #"""
        import sys, os, json
        from html.parser import HTMLParser
        from urllib.parse import urlsplit, unquote
        VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
        path = sys.argv[1]; base = os.path.dirname(path)
        class P(HTMLParser):
            def __init__(s):
                super().__init__(); s.stack=[]; s.errors=[]; s.ids=[]; s.refs=[]; s.tags=set()
            def handle_starttag(s, tag, attrs):
                s.tags.add(tag); a = dict(attrs)
                if "id" in a: s.ids.append(a["id"])
                for k in ("href","src"):
                    if k in a: s.refs.append(a[k])
                if "srcset" in a: s.refs += [c.strip().split(" ")[0] for c in a["srcset"].split(",")]
                if tag not in VOID: s.stack.append((tag, s.getpos()))
            def handle_startendtag(s, tag, attrs): s.handle_starttag(tag, attrs); (tag in VOID) or s.stack.pop()
            def handle_endtag(s, tag):
                if tag in VOID: return
                if not s.stack or s.stack[-1][0] != tag:
                    s.errors.append("unexpected </%s> at %s, open: %s" % (tag, s.getpos(), s.stack[-1] if s.stack else None)); return
                s.stack.pop()
        p = P(); p.feed(open(path, encoding="utf-8").read()); p.close()
        if p.stack: p.errors.append("unclosed: %s" % p.stack)
        dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
        if dup: p.errors.append("duplicate ids: %s" % dup)
        for r in p.refs:
            u = urlsplit(r)
            if u.scheme in ("http", "https", "mailto"): continue
            if u.scheme: p.errors.append("unexpected scheme: " + r); continue
            if u.path and not os.path.exists(os.path.join(base, unquote(u.path))): p.errors.append("missing file: " + r)
            if u.fragment and not u.path and u.fragment not in p.ids: p.errors.append("missing anchor: " + r)
        print(json.dumps({"errors": p.errors, "tags": sorted(p.tags), "refs": len(p.refs)}))
        """#

    func check(_ page: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let script = out.appendingPathComponent("check.py")
        try Self.checker.write(to: script, atomically: true, encoding: .utf8)
        let json = try Tools.output("python3", [script.path, page.path])
        let result = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(result["errors"] as? [String], [], page.lastPathComponent, file: file, line: line)
        return result
    }

    func testPagesAreWellFormedScriptFreeAndEveryLocalLinkResolves() throws {
        try ReportWriter(outputDirectory: out).write(try Fixture.notebook())
        for name in ["paper.html", "index.html"] {
            let page = out.appendingPathComponent(name)
            let result = try check(page)
            let tags = result["tags"] as? [String] ?? []
            XCTAssertFalse(tags.contains("script"), name)
            XCTAssertGreaterThan(result["refs"] as? Int ?? 0, 3, name)
            XCTAssertFalse(try String(contentsOf: page, encoding: .utf8).lowercased().contains("<script"), name)
        }
        let html = try String(contentsOf: out.appendingPathComponent("paper.html"), encoding: .utf8)
        assertInOrder(
            html,
            [
                "<nav class=\"toc\"", "href=\"#sec-intro\"", "href=\"#networks\"",
                "<h2 id=\"sec-intro\"><span class=\"secnum\">1</span> Introduction</h2>",
                "<a class=\"xref\" href=\"#fig-length\">Figure 1</a>", "<a class=\"xref\" href=\"#eq-growth\">Equation (1)</a>",
                "<sup class=\"fnref\" id=\"fnref-1\"><a href=\"#fn-1\">1</a></sup>",
                "id=\"eq-growth\"", "<span class=\"eqno\">(1)</span>",
                "<h3 id=\"networks\"><span class=\"secnum\">2.1</span> Networks</h3>",
                "<div class=\"cell\" id=\"fig-length\">",
                "<span class=\"kw\">let</span>", "<span class=\"cm\">// 2 hidden layers</span>", "src=\"paper/fig-length.png\" width=\"480\" height=\"288\"",
                "<figcaption><span class=\"label\">Figure 1:</span> Length of the circle&#39;s image",
                "<ul class=\"tasks\">", "☑",
                "<table id=\"tbl-summary\">", "<span class=\"label\">Table 1:</span> Growth",
                "<th class=\"num\">width</th>", "<td class=\"num\">100</td>",
                "<span class=\"unresolved\" title=\"unknown cross reference\">@fig-missing??</span>",
                "prediction of <a class=\"xref\" href=\"#eq-growth\">Equation (1)</a>",
                "<section class=\"footnotes\">", "<li id=\"fn-1\">", "Raghu", "<li id=\"fn-2\">",
            ])
    }

    func testAuthorTextIsEscapedEverywhere() throws {
        let doc = try Document.parse(
            """
            ---
            title: <b>Bold</b> & "quoted"
            abstract: <script>x</script>
            ---
            # A <i>heading</i> {#sec-a}

            <script>alert(1)</script>

            Text with <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and `<code>`.

            ```swift
            //| label: fig-x
            //| caption: A <caption> & more
            fig
            ```
            """, path: "esc.md")
        var fig = Figure(width: 144, height: 72)
        fig.line(x: [0, 1], y: [0, 1])
        try ReportWriter(outputDirectory: out).write(ExecutedNotebook(document: doc, outputs: [0: [.figure(fig)]]))
        let html = try String(contentsOf: out.appendingPathComponent("esc.html"), encoding: .utf8)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("javascript:"))
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertTrue(html.contains("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;</h1>"))
        XCTAssertTrue(html.contains("A &lt;caption&gt; &amp; more"))
        XCTAssertTrue(html.contains("<code>&lt;code&gt;</code>"))
        _ = try check(out.appendingPathComponent("esc.html"))
    }

    func testFigureFilesStayInsideTheOutputFolder() throws {
        let doc = try Document.parse("```swift\n//| label: ../../escape\nf\n```\n\n```swift\n//| label: ..-..-escape\ng\n```\n", path: "p.md")
        var fig = Figure(width: 72, height: 72)
        fig.line(x: [0, 1], y: [0, 1])
        let written = try ReportWriter(outputDirectory: out).write(ExecutedNotebook(document: doc, outputs: [0: [.figure(fig)], 1: [.figure(fig)]]))
        let root = out.standardizedFileURL.path + "/"
        for url in written { XCTAssertTrue(url.standardizedFileURL.path.hasPrefix(root), url.path) }
        let pngs = written.filter { $0.pathExtension == "png" }.map(\.lastPathComponent)
        // `SafeFileName`: `/` → `-`, dots kept but never leading.
        XCTAssertEqual(pngs, ["---..-escape.png", "---..-escape-2.png"])
    }

    func testTrivialPageIsSmall() throws {
        let doc = try Document.parse("# Hi\n\nOne line.\n", path: "tiny.md")
        let html = HTMLReport.render(ExecutedNotebook(document: doc, outputs: [:]), figureDirectory: "tiny")
        XCTAssertLessThan(html.utf8.count, 50_000)
        XCTAssertTrue(html.contains("<h1 id=\"hi\"><span class=\"secnum\">1</span> Hi</h1>"), html)
    }

    /// Opens the page in headless Chromium: the screenshot is not blank and shows the figures'
    /// line colours (so the images loaded), and the browser logs no failed load or error.
    func testChromiumShowsThePageWithItsFigures() throws {
        _ = try Tools.path("chromium")
        try ReportWriter(outputDirectory: out).write(try Fixture.notebook())
        let shot = out.appendingPathComponent("shot.png")
        let profile = out.appendingPathComponent("profile")
        // `timeout` bounds the browser: a hung headless Chromium fails the test instead of stalling CI.
        let (status, _, err) = try Tools.run(
            "timeout",
            [
                "120", "chromium",
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                "--window-size=900,2600", "--screenshot=\(shot.path)", out.appendingPathComponent("paper.html").absoluteString,
            ])
        XCTAssertEqual(status, 0, err)
        XCTAssertFalse(err.contains("Failed to load resource"), err)
        XCTAssertFalse(err.contains("Uncaught"), err)
        let stats = try Tools.output(
            "python3",
            [
                "-c",
                #"""
                import sys, zlib, struct
                # A PNG decoder from the standard library (8-bit RGB/RGBA, not interlaced), so the
                # test needs no imaging package.
                d = open(sys.argv[1], "rb").read(); pos = 8; idat = b""
                while pos < len(d):
                    n, kind = struct.unpack(">I4s", d[pos:pos + 8]); body = d[pos + 8:pos + 8 + n]; pos += 12 + n
                    if kind == b"IHDR": w, h, depth, color = struct.unpack(">IIBB", body[:10])
                    if kind == b"IDAT": idat += body
                assert depth == 8 and color in (2, 6), (depth, color)
                bpp = 3 if color == 2 else 4; stride = w * bpp; raw = zlib.decompress(idat)
                prev = bytearray(stride); ink = blue = 0
                for y in range(h):
                    f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                    for i in range(stride):
                        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                        if f == 1: line[i] = (line[i] + a) & 255
                        elif f == 2: line[i] = (line[i] + b) & 255
                        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                        elif f == 4:
                            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                    prev = line
                    if y % 2: continue
                    for x in range(0, w, 2):
                        r, g, bl = line[x * bpp], line[x * bpp + 1], line[x * bpp + 2]
                        if r + g + bl < 600: ink += 1
                        if abs(r - 0x00) < 40 and abs(g - 0x72) < 40 and abs(bl - 0xB2) < 40: blue += 1
                print(w, h, ink / ((w // 2) * (h // 2)), blue)
                """#, shot.path,
            ]
        ).split(separator: " ")
        XCTAssertEqual(stats[0], "900")
        XCTAssertGreaterThan(Double(stats[2])!, 0.02, "the page shows text")
        XCTAssertGreaterThan(
            Int(stats[3].trimmingCharacters(in: .whitespacesAndNewlines))!, 100,
            "the figures' blue lines are drawn: the images loaded")
    }
}

/// Markdown images next to the notebook: copied for the page, drawn in the PDF at their size.
final class LocalImageTests: XCTestCase {
    func testStandaloneImageIsANumberedFigureInBothFormats() throws {
        let dir = uniqueTemporaryURL("folio-img")
        let out = dir.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var fig = Figure(width: 216, height: 144)
        fig.line(x: [0, 1], y: [0, 1])
        try Data(FigureFiles.png(fig, dpi: 144)).write(to: dir.appendingPathComponent("diagram.png"))
        let md = "# Images\n\n![A *diagram*.](diagram.png){#fig-d}\n\nSee @fig-d.\n\nGone: ![missing](nope.png)\n"
        let notebook = dir.appendingPathComponent("img.md")
        try md.write(to: notebook, atomically: true, encoding: .utf8)
        let nb = ResolvedNotebook(ExecutedNotebook(document: try Document.load(path: notebook.path), outputs: [:]))
        XCTAssertEqual(nb.diagnostics.map(\.line), [7])
        XCTAssertTrue(nb.diagnostics[0].message.hasPrefix("image 'nope.png' not found"), nb.diagnostics[0].message)

        try ReportWriter(outputDirectory: out).write(nb)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("img/images/diagram.png").path))
        let html = try String(contentsOf: out.appendingPathComponent("img.html"), encoding: .utf8)
        XCTAssertTrue(
            html.contains(
                "<figure id=\"fig-d\"><img src=\"img/images/diagram.png\" alt=\"A diagram.\"><figcaption><span class=\"label\">Figure 1:</span> A <em>diagram</em>.</figcaption></figure>"
            ), html)
        XCTAssertTrue(html.contains("See <a class=\"xref\" href=\"#fig-d\">Figure 1</a>."))

        let pdf = out.appendingPathComponent("img.pdf")
        let text = try Tools.output("pdftotext", [pdf.path, "-"]).replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        assertInOrder(text, ["Figure 1: A diagram.", "See Figure 1."])
        // One image, 432 × 288 pixels, drawn at 144 ppi: its physical size of 3 × 2 in.
        let list = try Tools.output("pdfimages", ["-list", pdf.path]).split(separator: "\n").dropFirst(2)
        XCTAssertEqual(list.count, 1, "\(list)")
        let cols = list.first!.split(separator: " ")
        XCTAssertEqual(cols[3...4], ["432", "288"])
        XCTAssertEqual(Double(cols[12]) ?? 0, 144, accuracy: 1, "x ppi in \(cols)")
        XCTAssertEqual(Double(cols[13]) ?? 0, 144, accuracy: 1, "y ppi in \(cols)")
    }
}
