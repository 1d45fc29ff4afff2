import Graphics
import XCTest
@testable import MathType

/// Where a line of text may break inside inline math: after top-level relations and binary
/// operators, with TeX's \relpenalty and \binoppenalty, never between relations, before
/// punctuation, at the formula's end, or inside a group.
final class MathBreakTests: XCTestCase {
    let renderer = MathRenderer.shared

    func testBreaksFollowRelationsAndBinaryOperators() {
        let f = renderer.layout(#"a + b = c"#, size: 10)
        XCTAssertEqual(f.breakPoints.map(\.penalty), [700, 500])
        for b in f.breakPoints {
            XCTAssertLessThan(b.after, b.next, "the operator's space lies between the pieces")
            XCTAssertGreaterThan(b.after, 0)
            XCTAssertLessThan(b.next, f.width)
        }
        // The gap is the thick space after "=" (5 mu) and the medium one after "+" (4 mu).
        XCTAssertEqual(f.breakPoints[1].next - f.breakPoints[1].after, 10 * 5 / 18, accuracy: 1e-6)
        XCTAssertEqual(f.breakPoints[0].next - f.breakPoints[0].after, 10 * 4 / 18, accuracy: 1e-6)
    }

    func testNoBreakBetweenRelationsInGroupsOrAtTheEnd() {
        XCTAssertEqual(renderer.layout(#"a \le = b"#, size: 10).breakPoints.count, 1, "one break, after the second relation")
        XCTAssertEqual(renderer.layout(#"{a = b}"#, size: 10).breakPoints, [], "a group is one atom")
        XCTAssertEqual(renderer.layout(#"a ="#, size: 10).breakPoints, [], "nothing after the relation")
        XCTAssertEqual(renderer.layout(#"-a"#, size: 10).breakPoints, [], "a unary minus is ordinary")
        XCTAssertEqual(renderer.layout(#"\left( a = b \right)"#, size: 10).breakPoints, [])
    }

    /// The pieces together draw exactly the marks of the whole formula, each once.
    func testPiecesPartitionTheFormula() throws {
        let f = renderer.layout(#"\lambda_1 > \dots > \lambda_4 + x^2"#, size: 10)
        XCTAssertEqual(f.breakPoints.map(\.penalty), [500, 500, 700])
        let pieces = f.pieces
        XCTAssertEqual(pieces.count, 4)
        XCTAssertEqual(pieces.first?.start, 0)
        XCTAssertEqual(pieces.last?.end ?? 0, f.width, accuracy: 1e-9)
        let whole = Canvas(.png(dpi: 288), width: 200, height: 40)
        f.draw(on: whole, at: Point(10, 20))
        let split = Canvas(.png(dpi: 288), width: 200, height: 40)
        for p in pieces { f.drawPiece(from: p.start, to: p.end + p.gapAfter, on: split, at: Point(10 + p.start, 20)) }
        let a = whole.pixels().rgba, b = split.pixels().rgba
        XCTAssertTrue(a.contains { $0 < 128 }, "the formula has ink")
        let differing = zip(a, b).filter { abs(Int($0) - Int($1)) > 8 }.count
        XCTAssertEqual(differing, 0, "the pieces side by side are the formula")
    }
}
