import XCTest
@testable import Graphics

/// Positions in a layout whose lines the paragraph breaker set: it inserts a "\n" per break
/// into Pango's text, while callers keep counting offsets in the text they gave. A range that
/// ends at (or past) the caller's end must cover the last line, not fall off Pango's text —
/// where Pango answered "line 0" with a GLib critical, so the overfull check of a reference
/// list measured only its first line.
final class TextPositionsTests: XCTestCase {
    func testRangeToTheEndCoversEveryBrokenLine() {
        let c = Canvas(.pdf, width: 300, height: 300)
        // Explicit hyphens: a break after one is a "\n" the breaker inserts, not a replaced space.
        let words = Array(repeating: "cross-entropy well-posed", count: 20).joined(separator: " ")
        let t = TextLayout(canvas: c, markup: words, font: Fonts.description(Fonts.serif, size: 10), width: 150)
        t.breakParagraph(width: 150, justify: true)
        XCTAssertGreaterThan(t.lines.count, 5)
        XCTAssertGreaterThan(t.rawLength, words.utf8.count, "some breaks fell after a hyphen")
        for end in [words.utf8.count, words.utf8.count + 1, words.utf8.count + 1000] {
            let covered = t.rects(covering: 0..<end).map(\.line)
            XCTAssertEqual(covered, Array(0..<t.lines.count), "range 0..<\(end)")
        }
        XCTAssertEqual(t.line(containing: words.utf8.count + 1000), t.lines.count - 1)
        _ = c.finish()
    }
}
