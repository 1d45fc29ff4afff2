import XCTest
@testable import Notebook

/// Footnotes that cite themselves or each other, and Markdown nested far deeper than any
/// document: each used to overflow the stack or run for ever.
final class FootnoteAndNestingTests: XCTestCase {
    func parse(_ s: String) throws -> Document { try Document.parse(s, path: "t.md") }

    func error(_ s: String) -> Diagnostic? {
        do { _ = try parse(s); return nil } catch { return error as? Diagnostic }
    }

    /// Every `.footnote` in the model, counted without recursion limits mattering (depth is capped).
    func footnotes(_ blocks: [Block]) -> Int {
        func inl(_ xs: [Inline]) -> Int {
            xs.reduce(0) { n, i in
                switch i {
                case .footnote(let b): n + 1 + footnotes(b)
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c), .image(_, let c): n + inl(c)
                default: n
                }
            }
        }
        return blocks.reduce(0) { n, b in
            switch b {
            case .paragraph(let c, _), .heading(_, let c, _): n + inl(c)
            case .list(_, _, let items, _): n + items.reduce(0) { $0 + footnotes($1) }
            case .quote(let inner, _): n + footnotes(inner)
            default: n
            }
        }
    }

    func testANoteCitingItselfIsShownWithItsInnerMarkAsTextAndWarned() throws {
        let doc = try parse("Text[^a].\n\n[^a]: A note citing itself[^a].\n")
        guard case .paragraph(let c, 1)? = doc.blocks.first, case .footnote(let body)? = c.first(where: { if case .footnote = $0 { true } else { false } }),
            case .paragraph(let inner, 3)? = body.first
        else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(inner, [.text("A note citing itself[^a].")])
        XCTAssertEqual(doc.warnings.map { "\($0.line):\($0.column) \($0.severity)" }, ["3:27 warning"])
        XCTAssertTrue(doc.warnings[0].message.contains("footnote [^a] cites itself"), doc.warnings[0].message)
    }

    func testACycleOfNotesIsCutAtTheMarkThatClosesIt() throws {
        let doc = try parse("See[^a].\n\n[^a]: First, see[^b].\n\n[^b]: Second, back to[^a].\n")
        XCTAssertEqual(footnotes(doc.blocks), 2, "a holds b; b's mark of a is text")
        XCTAssertEqual(doc.warnings.count, 1)
        XCTAssertEqual(doc.warnings[0].line, 5)
        XCTAssertEqual(doc.warnings[0].column, 22)
        XCTAssertEqual(doc.warnings[0].message, "footnote [^a] cites itself through [^b]; this mark is shown as text")
    }

    func testNotesCitingTheNextTwiceAreConvertedOnceEach() throws {
        // 30 notes, each citing the next twice: 2^30 placements before.
        var s = "Start[^n0].\n\n"
        for k in 0..<30 { s += "[^n\(k)]: Note \(k)" + (k < 29 ? " cites[^n\(k + 1)] and again[^n\(k + 1)]." : ".") + "\n\n" }
        let began = Date()
        let doc = try parse(s)
        XCTAssertLessThan(Date().timeIntervalSince(began), 5)
        XCTAssertEqual(footnotes(doc.blocks), 30, "each note placed once; each second mark is text")
        XCTAssertEqual(doc.warnings.count, 29)
        let first = doc.warnings.first { $0.line == 3 }
        XCTAssertEqual(first?.message, "footnote [^n1] is already placed inside another footnote; this mark is shown as text")
        XCTAssertEqual(first?.column, 35, "the second mark, not the first")
    }

    func testAMarkInTheTextMayRepeatANote() throws {
        let doc = try parse("One[^a] and two[^a].\n\n[^a]: Note.\n")
        XCTAssertEqual(footnotes(doc.blocks), 2)
        XCTAssertEqual(doc.warnings, [])
    }

    func testAChainOfNotesDeeperThanTheCapIsAnError() {
        var s = "Start[^n0].\n\n"
        for k in 0..<10_000 { s += "[^n\(k)]: Note[^n\(k + 1)].\n\n" }
        s += "[^n10000]: End.\n"
        let e = error(s)
        XCTAssertEqual(e?.message, "this footnote's text is nested more than 100 levels deep (lists, block quotes, footnotes, emphasis or links); flatten it")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "201:13", "the mark in note 99, the 100th note open")
    }

    func testListsNestedTenThousandDeepAreAnErrorWhereTheCapIsCrossed() {
        let e = error("# Deep\n\n" + String(repeating: "- ", count: 10_000) + "x\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "3:201")
        XCTAssertEqual(e?.message, "Markdown is nested more than 100 levels deep (lists, block quotes, footnotes, emphasis or links); flatten it")
    }

    func testQuotesNestedTenThousandDeep() {
        let e = error(String(repeating: "> ", count: 10_000) + "x\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "1:201")
    }

    func testQuotesAndListsMixedTenThousandDeep() {
        let e = error("para\n\n" + String(repeating: "> - ", count: 5_000) + "x\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "3:201")
    }

    func testNestingOnManyLinesCountsColumnsInCharacters() {
        // Each level on a line of its own, after a character that is two bytes in UTF-8.
        var s = "é\n\n"
        for k in 0..<150 { s += String(repeating: "> ", count: k + 1) + "\n" }
        let e = error(s)
        XCTAssertEqual(e?.line, 103)
        XCTAssertEqual(e?.column, 201)
    }

    func testEmphasisAndImagesNestedTenThousandDeep() {
        let emphasis = error("a " + String(repeating: "*a ", count: 10_000) + "x" + String(repeating: " a*", count: 10_000) + "\n")
        XCTAssertEqual(emphasis?.line, 1)
        XCTAssertTrue(emphasis?.message.contains("nested more than 100 levels deep") ?? false, "\(String(describing: emphasis))")
        let images = error(String(repeating: "![", count: 500) + "x" + String(repeating: "](u)", count: 500) + "\n")
        XCTAssertEqual(images?.line, 1)
        XCTAssertTrue(images?.message.contains("nested more than 100 levels deep") ?? false, "\(String(describing: images))")
    }

    func testNestingUpToTheCapStillParses() throws {
        let doc = try parse(String(repeating: "> ", count: 100) + "x\n")
        var depth = 0
        var blocks = doc.blocks
        while case .quote(let inner, _)? = blocks.first { depth += 1; blocks = inner }
        XCTAssertEqual(depth, 100)
    }
}
