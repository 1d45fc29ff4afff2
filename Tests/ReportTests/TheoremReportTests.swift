import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// Theorems, proofs and callouts in the PDF and the HTML: numbers, references and their
/// links, the end-of-proof mark's place, collapsed callouts and folded code.
final class TheoremReportTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws { out = try makeTemporaryFolder("folio-theorems") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    static let markdown = """
        ---
        theorems:
          numbering: section
          kinds:
            - {prefix: cla, name: Claim, counter: thm}
            - {prefix: lem, counter: thm}
        code-fold: true
        ---

        # One

        ::: {#def-a}
        A definition.
        :::

        # Two

        ::: {#lem-b name="Key step"}
        A lemma.
        :::

        ::: {#thm-c}
        ## Main
        A theorem whose statement is long enough to fill most of a line of the page here.
        :::

        ::: {#cla-d}
        A claim.
        :::

        ::: {.proof of="thm-c"}
        Short last line.
        :::

        ::: {.proof}
        Ends in display math:

        $$
        a = b
        $$
        :::

        ::: {.callout-tip #tip-e collapse="true" title="Hidden"}
        Folded tip body.
        :::

        ::: {.callout-note}
        Open note body.
        :::

        See @thm-c, [Thm. @thm-c], [-@lem-b], @cla-d, @def-a, @tip-e and @thm-missing.

        ```swift
        //| code-summary: "Show it"
        let x = 1
        ```
        """

    func notebook() throws -> ExecutedNotebook {
        ExecutedNotebook(document: try Document.parse(Self.markdown, path: "t.md"), outputs: [:])
    }

    func testNumbersPerKindSharedCountersAndSections() throws {
        let resolved = ResolvedNotebook(try notebook())
        let t = resolved.numbering.targets
        XCTAssertEqual(t["def-a"]?.text, "Definition 1.1")
        XCTAssertEqual(t["lem-b"]?.text, "Lemma 2.1")
        XCTAssertEqual(t["thm-c"]?.text, "Theorem 2.2", "lemmas share the theorem counter")
        XCTAssertEqual(t["cla-d"]?.text, "Claim 2.3")
        XCTAssertEqual(t["tip-e"]?.text, "Tip 1")
        let warnings = resolved.diagnostics.map(\.description)
        XCTAssertTrue(warnings.contains { $0.hasPrefix("t.md:51:1: warning: unknown cross reference @thm-missing (known: thm-c)") }, "\(warnings)")
    }

    func testHTMLHeadsLinksCalloutsAndFoldedCode() throws {
        let html = HTMLReport.render(try notebook(), figureDirectory: "t")
        XCTAssertTrue(
            html.contains(
                "<div class=\"theorem thm plain\" id=\"thm-c\">\n<p><span class=\"theorem-head\"><strong>Theorem 2.2</strong> (Main)<strong>.</strong></span> A "
            ), html)
        XCTAssertTrue(html.contains("<strong>Lemma 2.1</strong> (Key step)"))
        assertInOrder(
            html,
            [
                "<a class=\"xref\" href=\"#thm-c\">Theorem 2.2</a>", "<a class=\"xref\" href=\"#thm-c\">Thm.\u{00A0}2.2</a>",
                "<a class=\"xref\" href=\"#lem-b\">2.1</a>", "<a class=\"xref\" href=\"#cla-d\">Claim 2.3</a>",
                "<a class=\"xref\" href=\"#def-a\">Definition 1.1</a>", "<a class=\"xref\" href=\"#tip-e\">Tip 1</a>",
                "<span class=\"unresolved\"",
            ])
        XCTAssertTrue(html.contains("<em>Proof of <a class=\"xref\" href=\"#thm-c\">Theorem 2.2</a>.</em> Short last line.<span class=\"qed\""), html)
        XCTAssertTrue(html.contains("<span class=\"qed qed-display\">∎</span></div>"), "∎ at the end of the display")
        XCTAssertTrue(html.contains("<details class=\"callout callout-tip\" id=\"tip-e\">\n<summary class=\"callout-title\">Tip 1: Hidden</summary>"), html)
        XCTAssertTrue(html.contains("<div class=\"callout callout-note\">\n<p class=\"callout-title\">Note</p>"))
        XCTAssertTrue(html.contains("<details class=\"code-fold\"><summary>Show it</summary>\n<pre><code class=\"language-swift\">"), html)
        XCTAssertFalse(html.lowercased().contains("<script"))
    }

    func testPDFNumbersLinksAndTheEndOfProofMark() throws {
        let pdf = out.appendingPathComponent("t.pdf")
        try Data(PDFReport.render(try notebook())).write(to: pdf)
        let text = try Tools.output("pdftotext", [pdf.path, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for s in [
            "Definition 1.1.", "Lemma 2.1 (Key step).", "Theorem 2.2 (Main).", "Claim 2.3.", "Proof of Theorem 2.2.", "Tip 1: Hidden", "Folded tip body.",
        ] {
            XCTAssertTrue(text.contains(s), "'\(s)' in \(text)")
        }
        XCTAssertTrue(text.contains("See Theorem 2.2, Thm. 2.2, 2.1, Claim 2.3, Definition 1.1, Tip 1"), text)
        XCTAssertTrue(text.contains("let x = 1"), "the PDF keeps echo: folding is for HTML")
        // Every reference is a link to a defined destination.
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let used = Set(matches(#"/Dest \(([^)]*)\)"#, bytes))
        XCTAssertTrue(used.isSuperset(of: ["thm-c", "lem-b", "cla-d", "def-a", "tip-e"]), "\(used)")
        let tree = bytes.range(of: "/Names [").map { String(bytes[$0.upperBound...].prefix(4000)) } ?? ""
        for name in used { XCTAssertTrue(tree.contains("(\(name)) ["), "destination \(name) is not defined") }
        // ∎ flush right on the proof's last line, and level with its last words.
        let words = try bboxWords(pdf)
        let marks = words.filter { $0.text == "∎" }
        XCTAssertEqual(marks.count, 2, "\(words.map(\.text))")
        let right = 595.276 - 78
        for m in marks { XCTAssertEqual(m.box[2], right, accuracy: 1.0, "∎ ends at the right margin") }
        guard let last = words.first(where: { $0.text == "line." }) else { return XCTFail("no 'line.'") }
        XCTAssertEqual(marks[0].box[3], last.box[3], accuracy: 1.5, "∎ on the line of 'Short last line.'")
        XCTAssertLessThan(last.box[2], right - 50)
    }

    /// Headless Chromium: the collapsed callout's body and the folded code take no room until
    /// opened; the open note's body does.
    func testChromiumCollapsesTheCalloutAndTheCode() throws {
        _ = try Tools.path("chromium")
        var html = HTMLReport.render(try notebook(), figureDirectory: "t")
        let probe = #"""
            <script>
            window.addEventListener('load', function(){
              function h(sel){ var e=document.querySelector(sel); return e ? e.getBoundingClientRect().height : -1 }
              function v(sel){ var e=document.querySelector(sel); return e && e.checkVisibility() ? 1 : 0 }
              var r={tip:h('#tip-e'), tipBody:v('#tip-e .callout-body'), note:v('.callout-note .callout-body'),
                code:h('details.code-fold'), codeBody:v('details.code-fold pre')};
              document.querySelectorAll('details').forEach(function(d){ d.open = true });
              r.tipOpen=h('#tip-e'); r.codeOpen=h('details.code-fold');
              r.tipOpenBody=v('#tip-e .callout-body'); r.codeOpenBody=v('details.code-fold pre');
              document.body.setAttribute('data-probe', JSON.stringify(r));
            });
            </script>
            """#
        html = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        guard let json = try ChromiumProbe.run(html, in: out) else { return }
        let m = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Double] ?? [:]
        XCTAssertEqual(m["tipBody"], 0, "the collapsed callout's body is hidden: \(json)")
        XCTAssertEqual(m["codeBody"], 0, "the folded code is hidden: \(json)")
        XCTAssertEqual(m["note"], 1, json)
        XCTAssertEqual(m["tipOpenBody"], 1, json)
        XCTAssertEqual(m["codeOpenBody"], 1, json)
        XCTAssertGreaterThan((m["tipOpen"] ?? 0) - (m["tip"] ?? 0), 10, "opening the callout shows its body: \(json)")
        XCTAssertGreaterThan((m["codeOpen"] ?? 0) - (m["code"] ?? 0), 10, "opening the fold shows the code: \(json)")
    }

    /// Attributes and titles of divs reach the page escaped; names keep only safe characters.
    func testHostileDivAttributesCannotInjectMarkup() throws {
        let md = """
            ::: {#x"'><b .a"b .c<script> onclick="alert(2)" data-x='"><script>alert(3)</script>'}
            Body.
            :::

            ::: {.callout-note title="<img src=x onerror=alert(4)>"}
            Note.
            :::

            ::: {#thm-h name="<script>alert(5)</script>"}
            Statement.
            :::

            > [!TIP]
            > <script>alert(6)</script>
            """
        let html = HTMLReport.render(ExecutedNotebook(document: try Document.parse(md, path: "h.md"), outputs: [:]), figureDirectory: "h")
        _ = HTMLScan.assertScriptFree(html)
        XCTAssertFalse(html.lowercased().contains("<script"), html)
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertTrue(
            html.contains("<div id=\"x&quot;&#39;&gt;&lt;b\" class=\"ab cscript\" data-onclick=\"alert(2)\" data-data-x=\"&quot;&gt;&lt;script&gt;"), html)
        XCTAssertTrue(html.contains("Note: &lt;img src=x onerror=alert(4)&gt;"), html)
    }

    func bboxWords(_ pdf: URL) throws -> [(text: String, box: [Double])] {
        let bbox = try Tools.output("pdftotext", ["-bbox", pdf.path, "-"])
        return try NSRegularExpression(pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
            .matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox)).map { m in
                let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
                return (g(5), (1...4).map { Double(g($0))! })
            }
    }

    func matches(_ pattern: String, _ s: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range(at: 1), in: s)!]) }
    }
}
