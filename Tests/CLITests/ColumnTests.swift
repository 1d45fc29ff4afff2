import XCTest

/// Compiler errors and traps point at the Markdown column, counted in characters as editors
/// count them, for cells indented in list items and quoted in block quotes.
final class ColumnTests: CLITestCase {
    func testACompileErrorInAListItemAfterAGreekLetterIsAtItsMarkdownColumn() throws {
        try write("notebooks/list.md", "# List\n\n- a step\n\n  ```swift\n  let σ = 1; let n: Int = \"x\"\n  ```\n")
        let r = try folio(["render", "notebooks/list.md"])
        XCTAssertEqual(r.status, 2, r.stderr)
        // `"x"` is character 27 of line 6: two spaces of the list item, then 24 characters (σ is
        // two bytes, which swiftc counts).
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/list.md:6:27: error: "), r.stderr)
        // The caret sits under the literal in the Markdown line shown.
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("let σ = 1; let n: Int = \"x\"") })
        XCTAssertEqual(Array(lines[shown + 1]).firstIndex(of: "^"), Array(lines[shown]).firstIndex(of: "\""), r.stderr)
    }

    func testATrapInABlockQuoteIsAtItsMarkdownColumn() throws {
        try write("notebooks/quote.md", "# Quote\n\n> ```swift\n> let ε = [1]; let k = ε.count + 1\n> print(ε[k])\n> ```\n")
        let r = try folio(["render", "notebooks/quote.md"])
        XCTAssertEqual(r.status, 1, r.stderr)
        // The backtracer names the subscript `[` of `ε[k]`: character 10 after "> print(ε"
        // (byte 9 of the tangled line, as ε is two bytes).
        XCTAssertTrue(r.stderr.contains("notebooks/quote.md:5:10: error: Index out of range"), r.stderr)
    }
}
