import BibTeX
import CSL
import Foundation
import TestSupport
import XCTest

/// The processor's rules, each on a small style written for it or on a Debian style.
final class ProcessorTests: XCTestCase {
    let plain = PlainTextRenderer()

    func style(_ body: String, citation: String = "<citation><layout><text variable=\"title\"/></layout></citation>", options: String = "") throws -> CSLStyle {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" \(options)>
              <info><title>Test</title><id>test</id></info>
            \(body)
            \(citation)
            </style>
            """
        return try CSLStyle(data: Data(xml.utf8), source: "test.csl")
    }

    func items(_ bib: String) -> [CSLItem] {
        let b = Bibliography.bibtex(bib, file: "t.bib")
        XCTAssertEqual(b.diagnostics.map(\.description), [])
        return b.items
    }

    static let bib = """
        @article{a1, author={Smith, Jane}, title={First}, journal={J}, year=2005}
        @article{a2, author={Smith, Jane}, title={Second}, journal={J}, year=2005}
        @article{a3, author={Smith, Jane}, title={Third}, journal={J}, year=2006}
        @article{b1, author={Doe, John and Roe, Ann and Poe, Edgar}, title={Three}, journal={J}, year=2010, doi={10.1/x<y}}
        @article{b2, author={Doe, John and Moe, Ann and Poe, Edgar}, title={Other}, journal={J}, year=2010}
        """

    func testYearSuffixesAndCollapsingByAuthorInAPA() throws {
        let p = try CitationProcessor(style: CSLLibrary().style("apa"), items: items(Self.bib))
        let out = p.process([Citation(items: ["a1", "a2", "a3"].map { CitationItem(id: $0) })])
        XCTAssertEqual(plain.render(out.citations[0]), "(Smith, 2005a, 2005b, 2006)")
    }

    func testAddNamesDisambiguatesEtAlCitesInChicago() throws {
        let p = try CitationProcessor(style: CSLLibrary().style("chicago-author-date"), items: items(Self.bib))
        let out = p.process([Citation(items: [CitationItem(id: "b1")]), Citation(items: [CitationItem(id: "b2")])])
        XCTAssertEqual(out.citations.map { plain.render($0) }, ["(Doe, Roe, and Poe 2010)", "(Doe, Moe, and Poe 2010)"])
    }

    func testNumberRangesCollapseInIEEE() throws {
        let p = try CitationProcessor(style: CSLLibrary().style("ieee"), items: items(Self.bib))
        let all = ["a1", "a2", "a3", "b1", "b2"].map { CitationItem(id: $0) }
        let out = p.process([Citation(items: [all[0]]), Citation(items: all), Citation(items: [all[4], all[0]])])
        XCTAssertEqual(out.citations.map { plain.render($0) }, ["[1]", "[1]–[5]", "[1], [5]"])
    }

    func testSubsequentAuthorSubstituteAndDOILinksInChicago() throws {
        let p = try CitationProcessor(style: CSLLibrary().style("chicago-author-date"), items: items(Self.bib))
        let out = p.process([], nocite: ["*"])
        XCTAssertEqual(
            out.bibliography.map { plain.render($0.content) }.prefix(3),
            [
                "Doe, John, Ann Moe, and Edgar Poe. 2010. “Other.” J.",
                "Doe, John, Ann Roe, and Edgar Poe. 2010. “Three.” J. https://doi.org/10.1/x<y.",
                "Smith, Jane. 2005a. “First.” J.",
            ])
        XCTAssertEqual(plain.render(out.bibliography[3].content), "———. 2005b. “Second.” J.")
        let html = HTMLRenderer().render(out.bibliography[1].content)
        XCTAssertTrue(html.contains("<a href=\"https://doi.org/10.1/x&lt;y\">https://doi.org/10.1/x&lt;y</a>"), html)
        XCTAssertTrue(html.contains("<i>J</i>"), html)
    }

    func testIbidAndSubsequentPositionsInANoteStyle() throws {
        let s = try style(
            "",
            citation: """
                <citation><layout suffix="."><choose>
                  <if position="ibid-with-locator"><text value="Ibid., "/><text variable="locator"/></if>
                  <else-if position="ibid"><text value="Ibid"/></else-if>
                  <else-if position="subsequent"><text variable="title" form="short"/></else-if>
                  <else><text variable="title"/><text variable="locator" prefix=", "/></else>
                </choose></layout></citation>
                """)
        let p = try CitationProcessor(style: s, items: items(Self.bib))
        let c = { (id: String, loc: String?) in Citation(items: [CitationItem(id: id, locator: loc)]) }
        let out = p.process([c("a1", "3"), c("a1", "3"), c("a1", "4"), c("a2", nil), c("a1", nil)])
        XCTAssertEqual(out.citations.map { plain.render($0) }, ["First, 3.", "Ibid.", "Ibid., 4.", "Second.", "First."])
    }

    func testEmptySortKeysGoLastAndMissingKeysAreReported() throws {
        let s = try style(
            """
            <bibliography><sort><key variable="author"/></sort><layout><text variable="title"/></layout></bibliography>
            """)
        let bib = "@misc{n, title={No author}}\n@misc{z, author={Zed, Z.}, title={Zed}}\n@misc{a, author={Abe, A.}, title={Abe}}"
        let out = try CitationProcessor(style: s, items: items(bib)).process([Citation(items: [CitationItem(id: "missing")])], nocite: ["*"])
        XCTAssertEqual(out.bibliography.map(\.id), ["a", "z", "n"])
        XCTAssertEqual(out.missingKeys, ["missing"])
    }

    func testNamesEtAlUseLastParticlesAndHyphenatedInitials() throws {
        let s = try style(
            """
            <bibliography><layout><names variable="author"><name et-al-min="4" et-al-use-first="2" et-al-use-last="true" initialize-with=". " and="text"/></names></layout></bibliography>
            """)
        let bib = """
            @misc{m, author={Jean-Paul Sartre and Ludwig van Beethoven and C and D and Emma Last}}
            @misc{s, author={Jean-Paul Sartre and Ludwig van Beethoven}}
            """
        let out = try CitationProcessor(style: s, items: items(bib)).process([], nocite: ["*"])
        XCTAssertEqual(out.bibliography.map { plain.render($0.content) }, ["J.-P. Sartre, L. van Beethoven, … E. Last", "J.-P. Sartre and L. van Beethoven"])
    }

    func testTitleCaseKeepsProtectedWordsAndStopWords() throws {
        let s = try style("<bibliography><layout><text variable=\"title\" text-case=\"title\"/></layout></bibliography>")
        let out = try CitationProcessor(style: s, items: items("@misc{t, title={the {iPhone} of a {BERT}: on models in nature}}")).process([], nocite: ["*"])
        XCTAssertEqual(plain.render(out.bibliography[0].content), "The iPhone of a BERT: On Models in Nature")
    }

    func testTheSameInputGivesByteIdenticalOutput() throws {
        func render() throws -> String {
            let bib = Bibliography.load([PeerComparisonTests.fixture.path])
            let p = try CitationProcessor(style: CSLLibrary().style("apa"), items: bib.items)
            let out = p.process(PeerCitations.cases.map(\.citation), nocite: ["*"])
            let html = HTMLRenderer()
            return (out.citations.map { html.render($0) } + out.bibliography.map { $0.id + html.render($0.content) }).joined(separator: "\n")
        }
        let first = try render()
        XCTAssertEqual(first, try render())
        XCTAssertEqual(first, try render())
    }

    func testStyleErrorsNameTheFileAndLine() throws {
        XCTAssertThrowsError(try style("<macro name=\"m\"><text macro=\"nope\"/></macro>")) { error in
            XCTAssertEqual("\(error)", "test.csl:4: error: macro \"nope\" is not defined")
        }
        XCTAssertThrowsError(try style("<macro name=\"a\"><text macro=\"b\"/></macro>\n<macro name=\"b\"><text macro=\"a\"/></macro>")) {
            error in
            XCTAssertEqual("\(error)", "test.csl:5: error: macro \"b\" calls \"a\", which leads back to it")
        }
        let library = CSLLibrary(stylesFolder: URL(fileURLWithPath: "/nonexistent/styles"))
        XCTAssertThrowsError(try library.style("apa")) { error in
            XCTAssertTrue("\(error)".contains("install the Debian package citation-style-language-styles"), "\(error)")
        }
        XCTAssertThrowsError(try CSLLibrary().style("no-such-style-anywhere")) { error in
            XCTAssertTrue("\(error)".contains("no built-in style of that name"), "\(error)")
        }
    }
}

extension ProcessorTests {
    func testMalformedStyleXMLIsAnErrorAtItsLine() {
        XCTAssertThrowsError(try CSLStyle(data: Data("<style>\n<citation>\n</style>".utf8), source: "bad.csl")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.csl:3:"), "\(error)")
            XCTAssertTrue("\(error)".contains(": error: "), "\(error)")
        }
    }
}

/// Every Debian style, a sample of them in debug builds, formats the peer bibliography without an
/// error or a crash (a style without et-al-use-first once overflowed an Int here).
final class AllStylesTests: XCTestCase {
    func testDebianStylesFormatThePeerBibliography() throws {
        let library = CSLLibrary()
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: library.stylesFolder.path) else {
            throw MissingTool("citation-style-language-styles", remedy: "run scripts/setup (it installs the Debian package)")
        }
        let styles = files.filter { $0.hasSuffix(".csl") }.sorted()
        XCTAssertGreaterThan(styles.count, 2000)
        #if DEBUG
        let sample = styles.enumerated().filter { $0.offset % 20 == 0 }.map(\.element)
        #else
        let sample = styles
        #endif
        let bib = Bibliography.load([PeerComparisonTests.fixture.path])
        let citations = bib.items.prefix(12).map { Citation(items: [CitationItem(id: $0.id, locator: "3")]) }
        for file in sample {
            let style = try CSLStyle(contentsOf: library.stylesFolder.appendingPathComponent(file))
            let out = try CitationProcessor(style: style, items: bib.items).process(citations, nocite: ["*"])
            XCTAssertEqual(out.citations.count, citations.count, file)
            // Some styles leave types they do not know empty; most citations must have text.
            XCTAssertGreaterThan(out.citations.filter { !$0.plainCharacters.isEmpty }.count, citations.count / 2, file)
        }
    }
}

extension ProcessorTests {
    func testYearSuffixCollapsingAndRanges() throws {
        let bib = (1...4).map { "@article{s\($0), author={Smith, Jane}, title={T\($0)}, journal={J}, year=2005}" }.joined(separator: "\n")
        // year-suffix-delimiter defaults to the layout delimiter, cite-group-delimiter to ", ".
        for (collapse, expected) in [
            ("year-suffix", "Smith 2005a; b; c; d"), ("year-suffix-ranged", "Smith 2005a–d"), ("year", "Smith 2005a, 2005b, 2005c, 2005d"),
        ] {
            let s = try style(
                "<bibliography><sort><key variable=\"title\"/></sort><layout><text variable=\"title\"/></layout></bibliography>",
                citation: """
                    <citation disambiguate-add-year-suffix="true" collapse="\(collapse)"><layout delimiter="; ">
                      <group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>
                    </layout></citation>
                    """)
            let out = try CitationProcessor(style: s, items: items(bib)).process([Citation(items: (1...4).map { CitationItem(id: "s\($0)") })])
            XCTAssertEqual(plain.render(out.citations[0]), expected, collapse)
        }
    }
}
