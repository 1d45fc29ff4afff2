import XCTest
@testable import Notebook

/// Inline math written across source lines: the formula's own newlines are not spaces after
/// it, never break the paragraph, and every later line keeps its number.
final class MultilineMathTests: XCTestCase {
    func parse(_ s: String) throws -> [Block] { try Document.parse(s, path: "t.md").blocks }

    func testTextAfterTheClosingDollarJoinsTheFormula() throws {
        let blocks = try parse("Bounds $a \\le\nb$. Next $c$\nline.\n")
        guard case .paragraph(let c, 1) = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c, [.text("Bounds "), .math("a \\le\nb"), .text(". Next "), .math("c"), .softBreak, .text("line.")])
    }

    func testAFormulaEndingItsLineKeepsOneBreakAndTheParagraph() throws {
        let blocks = try parse("A $x +\ny$\nand more.\n\nSecond.\n")
        XCTAssertEqual(blocks.count, 2, "\(blocks)")
        guard case .paragraph(let c, 1) = blocks[0], case .paragraph(_, 5) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c, [.text("A "), .math("x +\ny"), .softBreak, .text("and more.")])
    }

    func testEmphasisClosingRightAfterTheFormula() throws {
        let blocks = try parse("*see $p\nq$*, then\n")
        guard case .paragraph(let c, 1) = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c, [.emphasis([.text("see "), .math("p\nq")]), .text(", then")])
    }

    func testLaterLinesKeepTheirNumbers() throws {
        // A reference to an unknown label is reported at its own line: line 3.
        let blocks = try parse("Text $a\nb$ and\n@fig-none here.\n\n# H\n")
        guard case .paragraph(let c, 1) = blocks[0], case .heading(1, _, 5) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertTrue(c.contains(.crossReference(label: "fig-none", line: 3)), "\(c)")
        XCTAssertFalse(c.contains { if case .text(let t) = $0 { t.contains(MathProtection.continued) } else { false } })
    }
}
