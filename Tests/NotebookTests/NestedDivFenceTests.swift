import XCTest
@testable import Notebook

/// Fenced divs inside list items and block quotes, as Pandoc reads them: a fence at most
/// three spaces inside its container opens a div there; deeper is the item's indented code.
final class NestedDivFenceTests: XCTestCase {
    func parse(_ s: String) throws -> Document { try Document.parse(s, path: "t.md") }

    func testADivInsideAListItem() throws {
        let doc = try parse("1. First step.\n\n   ::: {.callout-note}\n   A note in the step.\n   :::\n\n2. Second.\n")
        guard case .list(true, 1, let items, 1)? = doc.blocks.first else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].count, 2, "\(items[0])")
        guard case .div(let d) = items[0][1] else { return XCTFail("\(items[0])") }
        XCTAssertEqual(d.classes, ["callout-note"])
        XCTAssertEqual(d.blocks, [.paragraph([.text("A note in the step.")], line: 4)])
        XCTAssertEqual(d.line, 3)
        XCTAssertEqual(d.column, 4, "the column of the colons")
        XCTAssertTrue(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    func testADivInsideAQuoteAndANestedItem() throws {
        let doc = try parse("> Quoted.\n>\n> ::: {#thm-q}\n> Stated in a quote.\n> :::\n\n- outer\n  - inner\n\n    ::: warning\n    deep\n    :::\n")
        guard case .quote(let inner, 1) = doc.blocks[0], case .div(let d) = inner[1] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(d.id, "thm-q")
        XCTAssertEqual(d.blocks, [.paragraph([.text("Stated in a quote.")], line: 4)])
        guard case .list(false, _, let outer, 7) = doc.blocks[1], case .list(false, _, let items, 8) = outer[0][1],
            case .div(let w) = items[0][1]
        else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(w.classes, ["warning"])
        XCTAssertEqual(w.blocks, [.paragraph([.text("deep")], line: 11)])
    }

    func testTooDeepInsideItsItemIsIndentedCode() throws {
        let doc = try parse("- item\n\n      ::: not a fence\n")
        guard case .list(_, _, let items, 1) = doc.blocks[0] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(items[0].last, .code(language: "", text: "::: not a fence", line: 3))
    }

    func testAFenceLessIndentedThanTheItemClosesAtTheTopLevel() throws {
        let doc = try parse("::: {.outer}\n- item\n:::\n\nafter\n")
        guard case .div(let d) = doc.blocks[0] else { return XCTFail("\(doc.blocks)") }
        guard case .list = d.blocks.first else { return XCTFail("\(d.blocks)") }
        XCTAssertEqual(doc.blocks[1], .paragraph([.text("after")], line: 5))
    }
}
