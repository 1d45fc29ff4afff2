import Foundation
import TestSupport
import XCTest

/// How citations and reference lists look, measured in the rendered files: every item of
/// `[@a; @b]` links to its own entry, per-section lists, the hanging indent of author-date
/// styles and the label column of numeric ones, and the small caps, superscripts and
/// subscripts a style asks for, in the PDF (`pdftotext -bbox`, link annotations) and the HTML.
final class CitationLayoutTests: CLITestCase {
    static let bib = """
        @article{doe2005, author = {Doe, Jane and Roe, Richard}, journal = {Journal of Examples}, volume = {12},
          title = {A Long Title About Loss Landscapes of Neural Networks That Wraps onto a Second Line of the Page for Sure},
          pages = {1--20}, year = {2005}, doi = {10.1000/xyz123}}
        @book{roe2006, author = {Roe, Richard}, title = {Another Book}, publisher = {Press}, year = {2006}}
        @misc{poe2007, author = {Poe, Edgar}, title = {A Third Item}, year = {2007}}
        """

    /// A style that sets its citation numbers as superscripts, a subscript in every entry and
    /// the title in small caps.
    static let marks = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><title>Marks</title><id>marks</id><updated>2026-01-01T00:00:00+00:00</updated></info>
          <citation><layout vertical-align="sup" delimiter=","><text variable="citation-number"/></layout></citation>
          <bibliography><layout>
            <names variable="author" suffix=" "><name form="short" font-variant="small-caps"/></names>
            <text value="H "/><text value="2" vertical-align="sub"/><text value=" O "/>
            <text variable="title" font-variant="small-caps"/>
          </layout></bibliography>
        </style>
        """

    func render(_ name: String, style: String?, extra: String = "", body: String) throws {
        try write("notebooks/refs.bib", Self.bib + "\n")
        try write("notebooks/marks.csl", Self.marks + "\n")
        let front = "---\ntitle: Layout\nbibliography: refs.bib\n" + (style.map { "csl: \($0)\n" } ?? "") + extra + "---\n\n"
        try write("notebooks/\(name).md", front + body)
        let r = try folio(["render", "notebooks/\(name).md"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// The words of the PDF's first page with their boxes (pdftotext's y grows downwards).
    func words(_ pdf: String) throws -> [(text: String, x0: Double, y0: Double, x1: Double, y1: Double)] {
        let xml = try Tools.output("pdftotext", ["-bbox", "-f", "1", "-l", "1", dir.appendingPathComponent(pdf).path, "-"])
        let pattern = try NSRegularExpression(pattern: #"xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { m in
            func g(_ i: Int) -> String { String(xml[Range(m.range(at: i), in: xml)!]) }
            return (g(5), Double(g(1))!, Double(g(2))!, Double(g(3))!, Double(g(4))!)
        }
    }

    /// The link annotations of the PDF: destination and rectangle (PDF units, y upwards).
    func links(_ pdf: String) throws -> [(dest: String, x0: Double, y0: Double, x1: Double, y1: Double)] {
        let bytes = String(decoding: try Data(contentsOf: dir.appendingPathComponent(pdf)), as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: #"/Rect \[ ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) \]\s*/Dest \(([^)]*)\)"#)
        return pattern.matches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes)).map { m in
            func g(_ i: Int) -> String { String(bytes[Range(m.range(at: i), in: bytes)!]) }
            return (g(5), Double(g(1))!, Double(g(2))!, Double(g(3))!, Double(g(4))!)
        }
    }

    func testEveryItemOfAMultiKeyCitationLinksToItsOwnEntry() throws {
        try render("multi", style: "ieee", body: "# Intro\n\nBoth at once [@doe2005; @roe2006].\n")
        // "[1], [2]." : each number under a link to its own entry, in the PDF and in the HTML.
        let w = try words("output/multi.pdf"), l = try links("output/multi.pdf")
        let pageHeight = 841.89
        for (label, key) in [("[1],", "doe2005"), ("[2].", "roe2006")] {
            let word = try XCTUnwrap(w.first { $0.text == label }, "\(label) in \(w.map(\.text))")
            let link = try XCTUnwrap(l.first { $0.dest == "ref-\(key)" }, "a link to ref-\(key) in \(l)")
            let centre = (x: (word.x0 + word.x1) / 2, y: pageHeight - (word.y0 + word.y1) / 2)
            XCTAssertTrue((link.x0...link.x1).contains(centre.x) && (link.y0...link.y1).contains(centre.y), "\(label) under \(link)")
        }
        let html = try String(contentsOf: dir.appendingPathComponent("output/multi.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Both at once <a href=\"#ref-doe2005\">[1]</a>, <a href=\"#ref-roe2006\">[2]</a>."), html)
    }

    func testPerSectionListsHoldTheEntriesCitedInTheirSection() throws {
        try render(
            "sections", style: "apa", extra: "reference-section: per-section\n",
            body: "# Intro\n\nFirst [@doe2005; @roe2006].\n\n# Next\n\nAgain [@doe2005] and [@poe2007].\n")
        let text = try pdftotext("output/sections.pdf").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let first = try XCTUnwrap(text.range(of: "References"), text)
        let second = try XCTUnwrap(text.range(of: "References", range: first.upperBound..<text.endIndex), text)
        let next = try XCTUnwrap(text.range(of: "2 Next"), text)
        let list1 = String(text[first.upperBound..<next.lowerBound]), list2 = String(text[second.upperBound...])
        XCTAssertTrue(next.lowerBound > first.upperBound && second.lowerBound > next.upperBound, "a list ends each section: \(text)")
        XCTAssertTrue(list1.contains("Doe, J., & Roe, R. (2005)") && list1.contains("Roe, R. (2006)") && !list1.contains("Poe"), list1)
        XCTAssertTrue(list2.contains("Doe, J., & Roe, R. (2005)") && list2.contains("Poe, E. (2007)") && !list2.contains("Roe, R. (2006)"), list2)
        let html = try String(contentsOf: dir.appendingPathComponent("output/sections.html"), encoding: .utf8)
        let lists = html.components(separatedBy: "<div id=\"refs-").dropFirst()
        XCTAssertEqual(lists.count, 2, html)
        XCTAssertTrue(lists.first!.contains("id=\"ref-doe2005\"") && lists.first!.contains("id=\"ref-roe2006\""))
        XCTAssertTrue(lists.last!.contains("id=\"ref-doe2005-2\"") && lists.last!.contains("id=\"ref-poe2007\""))
        // A citation links to the entry in its own section's list.
        XCTAssertTrue(html.contains("Again (<a href=\"#ref-doe2005-2\">"), html)
        XCTAssertTrue(html.contains("First (<a href=\"#ref-doe2005\">"), html)
        let l = try links("output/sections.pdf").map(\.dest)
        XCTAssertTrue(l.contains("ref-doe2005") && l.contains("ref-doe2005-2"), "\(l)")
    }

    func testAuthorDateEntriesHangAndNumericLabelsStandInAColumn() throws {
        try render("hang", style: "apa", body: "# Intro\n\nSee [@doe2005; @roe2006].\n")
        let w = try words("output/hang.pdf")
        let doe = try XCTUnwrap(w.last { $0.text == "Doe," }, "\(w.map(\.text))")
        // The entry's second line: the words a line below its first.
        let that = try XCTUnwrap(w.filter { $0.y0 > doe.y0 + 5 && $0.y0 < doe.y0 + 20 }.min { $0.x0 < $1.x0 }, "the entry's second line")
        XCTAssertEqual(that.x0 - doe.x0, 15, accuracy: 1.5, "the second line hangs 1.5 em in")
        let roe = try XCTUnwrap(w.last { $0.text == "Roe," && $0.y0 > that.y0 }, "the next entry")
        XCTAssertEqual(roe.x0, doe.x0, accuracy: 0.5, "every entry starts at the margin")
        let hangHTML = try String(contentsOf: dir.appendingPathComponent("output/hang.html"), encoding: .utf8)
        XCTAssertTrue(hangHTML.contains("<div id=\"refs\" class=\"references hanging-indent\">"), hangHTML)

        try render("numeric", style: "ieee", body: "# Intro\n\nSee [@doe2005; @roe2006; @poe2007].\n")
        let n = try words("output/numeric.pdf")
        let labels = try ["[1]", "[2]", "[3]"].map { l in try XCTUnwrap(n.last { $0.text == l }, "\(l) in \(n.map(\.text))") }
        for label in labels { XCTAssertEqual(label.x0, labels[0].x0, accuracy: 0.5, "labels are flush left") }
        // The text beside the labels starts at one x on every line, the wrapped ones too.
        let starts = labels.map { label in n.filter { $0.x0 > label.x1 && abs($0.y0 - label.y0) < 2 }.map(\.x0).min() ?? 0 }
        let onto = try XCTUnwrap(
            n.filter { $0.y0 > labels[0].y0 + 5 && $0.y0 < labels[1].y0 - 5 }.min { $0.x0 < $1.x0 }, "the first entry wraps")
        for x in starts { XCTAssertEqual(x, starts[0], accuracy: 0.5, "\(starts)") }
        XCTAssertGreaterThan(starts[0], labels[0].x1, "the text starts right of the labels")
        XCTAssertEqual(onto.x0, starts[0], accuracy: 0.5, "a wrapped line aligns with the text, not the label")
        let html = try String(contentsOf: dir.appendingPathComponent("output/numeric.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<div class=\"csl-left-margin\">\n<p>[1]</p>"), html)
        XCTAssertTrue(html.contains("<div class=\"csl-right-inline\">"), html)
    }

    func testSmallCapsSuperscriptsAndSubscriptsReachThePDFAndTheHTML() throws {
        try render("marks", style: "marks.csl", body: "# Intro\n\nCited here [@roe2006] and there.\n")
        let w = try words("output/marks.pdf")
        func word(_ s: String, after y: Double = 0) throws -> (text: String, x0: Double, y0: Double, x1: Double, y1: Double) {
            try XCTUnwrap(w.first { $0.text == s && $0.y0 > y }, "\(s) in \(w.map(\.text))")
        }
        let here = try word("here"), number = try word("1", after: here.y0 - 2)
        let height = here.y1 - here.y0
        XCTAssertLessThan(number.y1 - number.y0, 0.75 * height, "the citation number is set smaller")
        XCTAssertLessThan((number.y0 + number.y1) / 2, (here.y0 + here.y1) / 2 - 1, "and raised")
        let h = try word("H"), two = try word("2", after: h.y0 - 2), book = try word("book")
        XCTAssertLessThan(two.y1 - two.y0, 0.75 * height, "the subscript is set smaller")
        XCTAssertGreaterThan((two.y0 + two.y1) / 2, (h.y0 + h.y1) / 2 + 1, "and lowered")
        XCTAssertLessThan(book.y1 - book.y0, 0.75 * height, "small capitals are shorter than the letters around them")
        XCTAssertEqual(book.y1, h.y1, accuracy: 1.5, "and stand on the same baseline")
        let html = try String(contentsOf: dir.appendingPathComponent("output/marks.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Cited here <sup><a href=\"#ref-roe2006\">1</a></sup> and there."), html)
        XCTAssertTrue(html.contains("<sub>2</sub>"), html)
        XCTAssertTrue(html.contains("<span style=\"font-variant:small-caps\">An\u{AD}other book</span>"), html)
        XCTAssertTrue(html.contains("<span style=\"font-variant:small-caps\">Roe</span>"), "a name's small caps: \(html)")
    }
}
