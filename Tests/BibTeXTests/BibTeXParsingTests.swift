import BibTeX
import CSL
import XCTest

/// The BibTeX / BibLaTeX reader on the constructs real files use, and its diagnostics.
final class BibTeXParsingTests: XCTestCase {
    func items(_ source: String) -> [String: CSLItem] {
        let bib = Bibliography.bibtex(source, file: "refs.bib")
        XCTAssertEqual(bib.diagnostics.map(\.description), [])
        return Dictionary(uniqueKeysWithValues: bib.items.map { ($0.id, $0) })
    }

    func testMalformedEntryIsAnErrorAtItsPositionAndTheOthersAreRead() {
        let source = """
            @article{good1, title = {One}, year = 2001}
            @article{bad, title = {Two, year = 2002}
            @article{good2, title = {Three}, year = 2003}
            @book{bad2 title = {Four}}
            @book{good3, title = "Five"}
            """
        let bib = Bibliography.bibtex(source, file: "refs.bib")
        XCTAssertEqual(bib.items.map(\.id), ["good1", "good2", "good3"])
        XCTAssertEqual(
            bib.diagnostics.map(\.description),
            [
                "refs.bib:2:1: error: @article{bad is not closed: '}' is missing",
                "refs.bib:4:12: error: expected ',', found 't'",
            ])
    }

    func testDuplicateKeyIsAWarningAtItsLineAndTheFirstWins() {
        let bib = Bibliography.bibtex("@misc{a, title={First}}\n\n@misc{a, title={Second}}\n", file: "refs.bib")
        XCTAssertEqual(bib.items.map { $0.string("title") }, ["First"])
        XCTAssertEqual(bib.diagnostics.map(\.description), ["refs.bib:3:7: warning: duplicate key a (first defined at line 1); this entry is ignored"])
    }

    func testStringMacrosConcatenationCommentsPreambleAndMonths() {
        let i = items(
            """
            @comment{ignored @article{x, title={no}} }
            @preamble{"\\newcommand{\\noop}[1]{#1}"}
            @string{conf = "Proceedings of the "}
            @STRING(venue = conf # {Big} # " Meeting")
            @inproceedings{k, title={T}, booktitle = venue, year = 2020, month = mar}
            """)
        XCTAssertEqual(i.keys.sorted(), ["k"])
        XCTAssertEqual(i["k"]?.string("container-title"), "Proceedings of the big meeting")
        XCTAssertEqual(i["k"]?.dates["issued"]?.parts, [[2020, 3]])
        XCTAssertEqual(i["k"]?.type, "paper-conference")
    }

    func testUndefinedMacroIsAWarningAtItsPosition() {
        let bib = Bibliography.bibtex("@misc{k,\n  publisher = nowhere}", file: "r.bib")
        XCTAssertEqual(bib.diagnostics.map(\.description), ["r.bib:2:15: warning: undefined @string macro nowhere"])
    }

    func testAccentsEscapesDashesAndTies() {
        let i = items(
            #"@article{k, journal={M{\"u}ller, \'{E}cole, na\"ive, {\v{C}}ech, \c{c}a, \ss, \&, 1--2, a---b, x~y, Garc{\'\i}a}, title={T}}"#)
        XCTAssertEqual(i["k"]?.string("container-title"), "Müller, École, naïve, Čech, ça, ß, &, 1–2, a—b, x\u{00A0}y, García")
    }

    func testBracesProtectCaseAndMathStaysTeX() {
        let i = items(#"@article{k, title={The {BERT} Model for $\ell_1$ Recovery}, journal={J}}"#)
        XCTAssertEqual(
            i["k"]?.fields["title"], [.text("The "), .noCase([.text("BERT")]), .text(" model for "), .math("\\ell_1"), .text(" recovery")])
    }

    func testNameForms() {
        let i = items(
            #"@book{k, author = {Ludwig van Beethoven and de la Fontaine, Jean and King, Jr., Martin Luther and {World Health Organization} and Erd\H{o}s, P. and others}, title={T}}"#
        )
        let names = i["k"]?.names["author"] ?? []
        XCTAssertEqual(
            names,
            [
                CSLName(family: "Beethoven", given: "Ludwig", droppingParticle: "van"),
                CSLName(family: "Fontaine", given: "Jean", droppingParticle: "de la"),
                CSLName(family: "King", given: "Martin Luther", suffix: "Jr."),
                CSLName(literal: "World Health Organization"),
                CSLName(family: "Erdős", given: "P."),
                CSLName(literal: "others"),
            ])
    }

    func testCrossrefInheritsFieldsAndTheParentTitleBecomesTheBookTitle() {
        let i = items(
            """
            @inproceedings{child, author={Doe, J.}, title={Paper}, crossref={proc}, pages={1--9}}
            @proceedings{proc, title={Proceedings of Things}, editor={Roe, A.}, publisher={ACM}, year=2019}
            """)
        XCTAssertEqual(i["child"]?.string("container-title"), "Proceedings of things")
        XCTAssertEqual(i["child"]?.string("publisher"), "ACM")
        XCTAssertEqual(i["child"]?.string("page"), "1-9")
        XCTAssertEqual(i["child"]?.names["editor"], [CSLName(family: "Roe", given: "A.")])
        XCTAssertEqual(i["child"]?.dates["issued"]?.parts, [[2019]])
    }

    func testArXivKeepsItsIdentifierAndGetsItsDataCiteDOI() {
        let i = items(
            """
            @misc{a, title={A}, eprint={2101.00001v2}, archivePrefix={arXiv}, primaryClass={cs.LG}}
            @misc{b, title={B}, eprint={1706.03762}, eprinttype={arxiv}, doi={10.5555/given}}
            """)
        XCTAssertEqual(i["a"]?.string("URL"), "https://arxiv.org/abs/2101.00001v2")
        XCTAssertEqual(i["a"]?.string("DOI"), "10.48550/arXiv.2101.00001")
        XCTAssertEqual(i["b"]?.string("DOI"), "10.5555/given")
    }

    func testBibLaTeXDateURLDateAndDOIPrefix() {
        let i = items(#"@online{k, title={T}, date={2020-05-03/2020-06}, urldate={2021-01-02}, doi={https://doi.org/10.1/x}, url={https://x.org/a\_b}}"#)
        XCTAssertEqual(i["k"]?.dates["issued"]?.parts, [[2020, 5, 3], [2020, 6]])
        XCTAssertEqual(i["k"]?.dates["accessed"]?.parts, [[2021, 1, 2]])
        XCTAssertEqual(i["k"]?.string("DOI"), "10.1/x")
        XCTAssertEqual(i["k"]?.string("URL"), "https://x.org/a_b")
        XCTAssertEqual(i["k"]?.type, "webpage")
    }

    func testCSLJSONIsReadWithNamesDatesAndMarkup() throws {
        let json =
            #"[{"id":"k","type":"book","title":"A <i>Big</i> <span class=\"nocase\">iPhone</span>","author":[{"family":"Doe","given":"J."}],"issued":{"date-parts":[[2001,2]]}}]"#
        let bib = Bibliography.json(Data(json.utf8), file: "refs.json")
        XCTAssertEqual(bib.diagnostics, [])
        XCTAssertEqual(bib.items.first?.fields["title"], [.text("A "), .italic([.text("Big")]), .text(" "), .noCase([.text("iPhone")])])
        XCTAssertEqual(bib.items.first?.dates["issued"]?.parts, [[2001, 2]])
        let bad = Bibliography.json(Data("{".utf8), file: "refs.json")
        XCTAssertEqual(bad.diagnostics.first?.description.hasPrefix("refs.json:1:1: error: not valid JSON"), true)
    }
}

/// Hostile input: no crash, no hang, and a diagnostic where one is due.
final class BibTeXRobustnessTests: XCTestCase {
    func testDeeplyNestedBracesAndTruncatedFilesAreHandled() {
        let deep = "@misc{k, title={" + String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000) + "}}"
        let bib = Bibliography.bibtex(deep, file: "deep.bib")
        XCTAssertEqual(bib.items.map(\.id), ["k"])
        for cut in ["@", "@misc", "@misc{", "@misc{k", "@misc{k,", "@misc{k, title", "@misc{k, title=", "@misc{k, title={a", "@misc{k, title=\"a"] {
            let b = Bibliography.bibtex(cut, file: "cut.bib")
            XCTAssertEqual(b.items.count, 0, cut)
            XCTAssertEqual(b.diagnostics.first?.severity, .error, cut)
        }
    }
}

/// Files as they come: other encodings, several files, missing ones.
final class BibliographyFileTests: XCTestCase {
    func testLatin1FilesAreReadWithAWarningAndKeysAreUniqueAcrossFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("@misc{a, title={Caf\u{E9}}}\n".utf8).write(to: folder.appendingPathComponent("one.bib"))
        var latin1 = Data("@misc{b, title={M".utf8)
        latin1.append(0xFC)  // ü in Latin-1
        latin1.append(Data("ller}}\n@misc{a, title={Again}}\n".utf8))
        try latin1.write(to: folder.appendingPathComponent("two.bib"))
        let bib = Bibliography.load(["one.bib", "two.bib", "three.bib"], relativeTo: folder)
        XCTAssertEqual(bib.items.map { $0.string("title") }, ["Café", "Müller"])
        XCTAssertEqual(
            bib.diagnostics.map(\.description),
            [
                "two.bib:1:1: warning: the file is not UTF-8; it was read as Latin-1",
                "two.bib:2:1: warning: duplicate key a (first defined at one.bib:1); this entry is ignored",
                "three.bib:1:1: error: cannot read the bibliography file",
            ])
    }
}
