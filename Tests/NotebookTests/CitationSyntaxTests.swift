import XCTest

@testable import Notebook

/// Pandoc's citation syntax, read in a notebook with a bibliography: every form, keys by
/// Pandoc's rules, and what is not a citation.
final class CitationSyntaxTests: XCTestCase {
    func inlines(_ markdown: String, bibliography: Bool = true) throws -> [Inline] {
        let front = bibliography ? "---\nbibliography: refs.bib\n---\n\n" : ""
        let doc = try Document.parse(front + markdown, path: "t.md")
        guard case .paragraph(let content, _)? = doc.blocks.first else { XCTFail("no paragraph"); return [] }
        return content
    }

    func marks(_ inlines: [Inline]) -> [CitationMark] {
        inlines.compactMap {
            if case .citation(let c) = $0 { return c }; return nil
        }
    }

    func testEveryForm() throws {
        let found = marks(try inlines("A [@a; @b] and @c. Then [see @a, pp. 3–5; also @b], [-@a] and @c [p. 7]."))
        XCTAssertEqual(found.map(\.source), ["[@a; @b]", "@c", "[see @a, pp. 3–5; also @b]", "[-@a]", "@c [p. 7]"])
        XCTAssertEqual(found[0].items.map(\.key), ["a", "b"])
        XCTAssertFalse(found[0].narrative)
        XCTAssertTrue(found[1].narrative)
        XCTAssertEqual(found[2].items[0], CitationMark.Item(key: "a", prefix: "see", label: "page", locator: "3–5", column: 30))
        XCTAssertEqual(found[2].items[1].prefix, "also")
        XCTAssertTrue(found[3].items[0].suppressAuthor)
        XCTAssertEqual(found[4].items[0].locator, "7")
        XCTAssertEqual(found.map(\.line), [5, 5, 5, 5, 5])
        XCTAssertEqual(found[0].items.map(\.column), [4, 8])
    }

    func testKeysEndBeforeTrailingPunctuationAndMailIsNotACitation() throws {
        let content = try inlines("As @li2018. Or @doe:99: mail a@b.com; chapter [@knuth, chap. 2].\nNext line @x_y.")
        let found = marks(content)
        XCTAssertEqual(found.map { $0.items[0].key }, ["li2018", "doe:99", "knuth", "x_y"])
        XCTAssertEqual(found[2].items[0].label, "chapter")
        XCTAssertEqual(found[3].line, 6, "a citation on a paragraph's second line names that line")
        XCTAssertTrue(content.plainText.contains("a@b.com"))
    }

    func testCrossReferencesStayAndNoBibliographyMeansText() throws {
        let content = try inlines("See @fig-a and [@li2018].\n\n![A](a.png){#fig-a}")
        XCTAssertEqual(content.first, .text("See "))
        XCTAssertEqual(content[1], .crossReference(label: "fig-a", line: 5))
        XCTAssertEqual(marks(content).map(\.source), ["[@li2018]"])
        XCTAssertEqual(marks(try inlines("See [@li2018] and @li2018.", bibliography: false)), [])
    }

    func testFrontMatterKeys() throws {
        let doc = try Document.parse(
            "---\nbibliography: [a.bib, b.json]\ncsl: apa\nnocite: '@*'\nlink-citations: false\nreference-section-title: Works cited\n---\n",
            path: "t.md")
        let b = doc.frontMatter.bibliography
        XCTAssertEqual(b.files, ["a.bib", "b.json"])
        XCTAssertEqual(b.style, "apa")
        XCTAssertEqual(b.stylePosition, FrontMatter.Position(line: 3, column: 6))
        XCTAssertEqual(b.nocite, ["*"])
        XCTAssertFalse(b.linkCitations)
        XCTAssertEqual(b.sectionTitle, "Works cited")
        XCTAssertThrowsError(try Document.parse("---\nlink-citations: maybe\n---\n", path: "t.md")) {
            XCTAssertEqual("\($0)", "t.md:2:1: error: front matter 'link-citations' needs true or false")
        }
    }

    func testReferenceSectionIsEndOrPerSection() throws {
        XCTAssertEqual(try Document.parse("---\ntitle: x\n---\n", path: "t.md").frontMatter.bibliography.referenceSection, .end)
        let doc = try Document.parse("---\nreference-section: per-section\n---\n", path: "t.md")
        XCTAssertEqual(doc.frontMatter.bibliography.referenceSection, .perSection)
        XCTAssertThrowsError(try Document.parse("---\ntitle: x\nreference-section: chapters\n---\n", path: "t.md")) {
            XCTAssertEqual("\($0)", "t.md:3:1: error: front matter 'reference-section' must be end or per-section")
        }
    }
}
