import Foundation
import TestSupport
import XCTest

/// Citations through the real binary: `[@key]` formatted from the notebook's `.bib`, each
/// problem at its `file:line:col`, `--strict` refusing a missing key, the same reference list
/// in the PDF and the HTML, and citations that link to their entries in both.
final class CitationTests: CLITestCase {
    static let bib = """
        @inproceedings{li2018,
          author = {Li, Hao and Xu, Zheng and Taylor, Gavin},
          title = {Visualizing the Loss Landscape of Neural Nets},
          booktitle = {Advances in Neural Information Processing Systems 31},
          year = {2018},
          url = {https://arxiv.org/abs/1712.09913}
        }

        @article{broken,
          title = {Never closed,

        @misc{sec-intro,
          title = {A Key That Is Also a Label}, year = {2000}
        }
        @book{raghu2017, author = {Raghu, Maithra}, title = {The Expressive Power}, publisher = {Press}, year = {2017}}
        @book{raghu2017, author = {Other, A.}, title = {A Duplicate}, publisher = {Press}, year = {2017}}
        """

    static let notebook = """
        ---
        title: Citations
        bibliography: refs.bib
        ---

        # Intro {#sec-intro}

        Smooth [@li2018; @raghu2017], as @li2018 [p. 3] shows [-@raghu2017].
        A missing key [see @nobody, p. 2] and a clash: @sec-intro.
        """

    func render(_ args: [String] = ["render", "notebooks/cite.md"]) throws -> CommandResult {
        try write("notebooks/refs.bib", Self.bib + "\n")
        try write("notebooks/cite.md", Self.notebook + "\n")
        return try folio(args)
    }

    func testEveryProblemIsReportedAtItsPlaceAndTheRestRenders() throws {
        let r = try render()
        XCTAssertEqual(r.status, 0, r.stderr)
        for expected in [
            "notebooks/cite.md:9:20: warning: citation key '@nobody' is not in the bibliography (refs.bib)",
            "notebooks/cite.md:9:48: error: '@sec-intro' is both a cross-reference label and a citation key (notebooks/refs.bib:12)",
            "notebooks/refs.bib:10:11: error: unbalanced braces",
            "notebooks/refs.bib:16:7: warning: duplicate key raghu2017 (first defined at line 15)",
        ] {
            XCTAssertTrue(r.stderr.contains(expected), "'\(expected)' in \(r.stderr)")
        }
        let text = try pdftotext("output/cite.pdf").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("Smooth (Li, Xu, and Taylor 2018; Raghu 2017), as Li, Xu, and Taylor (2018, 3) shows (2017)."), text)
        XCTAssertTrue(text.contains("(nobody?)"), "a missing key is shown as pandoc shows it: \(text)")
        XCTAssertTrue(text.contains("Raghu, Maithra. 2017."), "the entries after the malformed one are still read: \(text)")
        XCTAssertFalse(text.contains("A Duplicate"), "the first of two entries with one key wins")
        // The .bib is an input of the render: its hash is in the manifest, so an edit shows.
        let manifest = try String(contentsOf: dir.appendingPathComponent("output/cite/manifest.json"), encoding: .utf8)
        let hash = try Tools.output("sha256sum", [dir.appendingPathComponent("notebooks/refs.bib").path]).prefix(64)
        XCTAssertTrue(manifest.contains("\"refs.bib\" : \"\(hash)\""), manifest)
    }

    func testStrictRefusesAMissingKey() throws {
        let r = try render(["render", "--strict", "notebooks/cite.md"])
        XCTAssertEqual(r.status, 5, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/cite.md:9:20: error: citation key '@nobody'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/cite.pdf").path))
    }

    func testUnknownStyleNamesTheStylesThatExist() throws {
        try write("notebooks/refs.bib", Self.bib + "\n")
        try write("notebooks/s.md", "---\nbibliography: refs.bib\ncsl: chicago\n---\n\nSee [@li2018].\n")
        let r = try folio(["render", "notebooks/s.md"])
        XCTAssertTrue(r.stderr.contains("notebooks/s.md:3:6: error: unknown citation style 'chicago'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("chicago-author-date"), "the closest styles are named: \(r.stderr)")
    }

    /// The reference list as the reader sees it, in the PDF (pdftotext) and in the HTML (its
    /// text without tags): the same characters, whitespace and soft hyphens aside.
    func testPDFAndHTMLReferenceListsAgreeAndCitationsLink() throws {
        XCTAssertEqual(try render().status, 0)
        let pdfText = try pdftotext("output/cite.pdf")
        guard let start = pdfText.range(of: "References\n") else { return XCTFail("no References in \(pdfText)") }
        let pdfList = String(pdfText[start.upperBound...])
        let html = try String(contentsOf: dir.appendingPathComponent("output/cite.html"), encoding: .utf8)
        let htmlList = try XCTUnwrap(Self.referenceListText(html))
        // The PDF's text ends with the page's number.
        XCTAssertEqual(Self.comparable(pdfList), Self.comparable(htmlList) + "1", "PDF: \(pdfList)\nHTML: \(htmlList)")
        XCTAssertTrue(Self.comparable(htmlList).contains("Li,Hao,ZhengXu,andGavinTaylor.2018."), htmlList)
        // Links: in the HTML to the entries' ids, in the PDF to named destinations; each item of
        // a citation of several links to its own entry (CitationLayoutTests measures where).
        for key in ["li2018", "raghu2017"] {
            XCTAssertTrue(html.contains("href=\"#ref-\(key)\""), key)
            XCTAssertTrue(html.contains("id=\"ref-\(key)\""), key)
        }
        XCTAssertTrue(html.contains("href=\"https://arxiv.org/abs/1712.09913\""), "an entry's URL is live")
        let bytes = String(decoding: try Data(contentsOf: dir.appendingPathComponent("output/cite.pdf")), as: UTF8.self)
        for key in ["li2018", "raghu2017"] {
            XCTAssertTrue(bytes.contains("/Dest (ref-\(key))"), "a link annotation to \(key)")
            XCTAssertTrue(bytes.contains("(ref-\(key)) ["), "the destination ref-\(key) is defined")
        }
        XCTAssertTrue(bytes.contains("/URI (https://arxiv.org/abs/1712.09913)"), "the entry's URL is a live link")
    }

    func testReferencesCloseTheBodyBeforeTheAppendix() throws {
        try write("notebooks/refs.bib", Self.bib + "\n")
        let md = "---\nbibliography: refs.bib\n---\n\n# Body\n\nAs @li2018 shows.\n\n# Appendix {.appendix}\n\n# Extra details\n\nMore.\n"
        try write("notebooks/app.md", md)
        XCTAssertEqual(try folio(["render", "notebooks/app.md"]).status, 0)
        let pdf = try pdftotext("output/app.pdf")
        let html = try String(contentsOf: dir.appendingPathComponent("output/app.html"), encoding: .utf8)
        for (name, text, marks) in [
            ("PDF", pdf, ["\nReferences\n", "Li, Hao", "\nAppendix\n", "Extra details"]),
            ("HTML", html, ["id=\"references\"", "id=\"ref-li2018\"", "Appendix</h1>", ">More.</p>"]),
        ] {
            let at = marks.map { text.range(of: $0)?.lowerBound }
            XCTAssertFalse(at.contains(nil), "\(name): \(marks) in \(text)")
            XCTAssertEqual(at.compactMap { $0 }, at.compactMap { $0 }.sorted(), "\(name): the list comes before the appendix")
        }
    }

    /// The text of `<div id="refs">…</div>`: tags removed, entities decoded.
    static func referenceListText(_ html: String) -> String? {
        guard let open = html.range(of: "<div id=\"refs\"") else { return nil }
        var depth = 0, i = open.lowerBound, text = "", inTag = false, tag = ""
        while i < html.endIndex {
            let c = html[i]
            if c == "<" {
                inTag = true; tag = ""
            } else if c == ">" {
                inTag = false
                if tag.hasPrefix("div") { depth += 1 } else if tag.hasPrefix("/div") { depth -= 1; if depth == 0 { break } }
            } else if inTag {
                tag.append(c)
            } else {
                text.append(c)
            }
            i = html.index(after: i)
        }
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text
    }

    /// Without whitespace, soft hyphens and hyphens: PDF lines break where HTML lines do not,
    /// and pdftotext drops the hyphen of a word broken at one ("Path-SGD: Path-⏎Normalized").
    static func comparable(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{00AD}" && $0 != "-" }.map(Character.init))
    }

    /// The PDF's text without its running heads and page numbers (the band 50 pt high at the
    /// top and the bottom of each page): a reference list that runs over a page break reads
    /// as one, and the running head "References" is not taken for the list's heading.
    static func bodyText(_ pdf: URL) throws -> String {
        let info = try Tools.output("pdfinfo", [pdf.path])
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }?.split(separator: " ")
        let height = size.flatMap { $0.count > 4 ? Double($0[4]) : nil } ?? 841.89
        return try Tools.output("pdftotext", ["-x", "0", "-y", "50", "-W", "2000", "-H", String(Int(height) - 100), pdf.path, "-"])
    }
}
