import XCTest
@testable import Notebook

/// Front matter `sweep:`: lists and ranges typed as their parameters, and every mistake an error
/// at its line and column.
final class SweepFrontMatterTests: XCTestCase {
    func parse(_ sweep: String, params: String = "  width: 64\n  lr: 0.001\n  name: a\n  fast: false\n") throws -> [SweepAxis] {
        try Document.parse("---\nsweep:\n\(sweep)params:\n\(params)---\n", path: "x.md").frontMatter.sweep
    }

    func diagnostic(_ sweep: String) -> Diagnostic? {
        do { _ = try parse(sweep) } catch let d as Diagnostic { return d } catch { XCTFail("\(error)") }
        XCTFail("no error for \(sweep)")
        return nil
    }

    func testListsAndRangesAreTypedAsTheirParameters() throws {
        let axes = try parse(
            "  width: [64, 256, 1024]\n  lr: {from: 0.001, to: 0.1, count: 3, scale: log}\n  name: [a, 'b, c']\n  fast: [true, false]\n")
        XCTAssertEqual(axes.map(\.name), ["width", "lr", "name", "fast"])
        XCTAssertEqual(axes[0].values, [.int(64), .int(256), .int(1024)])
        XCTAssertEqual(axes[1].values, [.double(0.001), .double(0.01), .double(0.1)])
        XCTAssertEqual(axes[2].values, [.string("a"), .string("b, c")])
        XCTAssertEqual(axes[3].values, [.bool(true), .bool(false)])
        XCTAssertEqual(axes[0].line, 3)
        // A Double parameter takes whole numbers too; step ranges are inclusive.
        XCTAssertEqual(try parse("  lr: [1, 0.5]\n")[0].values, [.double(1), .double(0.5)])
        XCTAssertEqual(try parse("  width: {from: 16, to: 64, step: 16}\n")[0].values, [.int(16), .int(32), .int(48), .int(64)])
        XCTAssertEqual(try parse("  lr: {from: 0, to: 1, count: 5}\n")[0].values, [0, 0.25, 0.5, 0.75, 1].map(ParamValue.double))
        XCTAssertEqual(try parse("  width: {from: 10, to: 1, step: -3}\n")[0].values, [.int(10), .int(7), .int(4), .int(1)])
    }

    func testMistakesAreErrorsAtTheirPlace() throws {
        let unknown = try XCTUnwrap(diagnostic("  depth: [1, 2]\n"))
        XCTAssertEqual([unknown.line, unknown.column], [3, 3])
        XCTAssertEqual(unknown.message, "sweep: 'depth' is not a parameter of this notebook (params: width, lr, name, fast)")
        XCTAssertEqual(diagnostic("  lr: [0.1]\n  width: [64, x]\n")?.line, 4)
        XCTAssertEqual(diagnostic("  width: [64, x]\n")?.message, "sweep: every value of 'width' must be of type Int, as its default")
        XCTAssertEqual(diagnostic("  width: []\n")?.message, "sweep: 'width' needs a non-empty list of values")
        XCTAssertEqual(diagnostic("  width: 64\n")?.message, "sweep: 'width' needs a list of values or a range {from, to, step} / {from, to, count}")
        XCTAssertEqual(
            diagnostic("  width: {from: 1, to: 9}\n")?.message, "sweep range of 'width' needs 'step' or 'count'")
        XCTAssertEqual(
            diagnostic("  width: {from: 1, to: 9, step: -1}\n")?.message,
            "sweep range of 'width': step must be a number ≠ 0 going from 'from' towards 'to' (and not with count or log)")
        XCTAssertEqual(
            diagnostic("  lr: {from: 0, to: 1, count: 3, scale: log}\n")?.message, "sweep range of 'lr': a log scale needs from and to > 0")
        XCTAssertEqual(diagnostic("  lr: {from: 0, to: 1, count: 5000}\n")?.message, "sweep range of 'lr': count must be from 1 to 1000")
        XCTAssertEqual(diagnostic("  lr: {from: 0, to: 1, by: 2}\n")?.message, "sweep range of 'lr': unknown key 'by' (known: from, to, step, count, scale)")
        XCTAssertEqual(diagnostic("- width\n")?.message, "front matter 'sweep' needs a mapping of parameter: [values] or {from, to, step | count}")
    }
}
