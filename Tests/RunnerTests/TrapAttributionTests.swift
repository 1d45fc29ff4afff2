import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Every kind of trap is attributed to its cell and Markdown line (and column), from the
/// Swift backtracer's report. One compiled program serves all kinds: the trap is chosen by a
/// declared input file, so changing it re-runs the cached program without recompiling.
final class TrapAttributionTests: XCTestCase {
    static let notebook = """
        ---
        title: Traps
        inputs: [trap.txt]
        ---

        ```swift
        //| label: setup
        import Foundation
        let kind = try! String(contentsOfFile: "trap.txt", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        print("setup done")
        let xs = [1, 2, 3]
        let none: Int? = nil
        var big = Int.max
        var zero = 0
        ```

        The next cell traps in the way `trap.txt` says.

        ```swift
        //| label: trap
        print("trap cell starts")
        if kind == "fatal" { fatalError("law violated: ratio 1.2") }
        if kind == "unwrap" { print(none!) }
        if kind == "index" { print(xs[xs.count + zero]) }
        if kind == "overflow" { big += 1 }
        if kind == "divide" { print(10 / zero) }
        print("no trap")
        ```

        ```swift
        print("after")
        ```
        """

    func testEachTrapKindIsAttributedToItsCellAndLine() throws {
        let f = try RunnerFixture()
        let cases: [(kind: String, line: Int, message: String)] = [
            ("fatal", 22, "law violated: ratio 1.2"),
            ("unwrap", 23, "Unexpectedly found nil while unwrapping an Optional value"),
            ("index", 24, "Index out of range"),
            ("overflow", 25, "arithmetic overflow"),
            ("divide", 26, "Division by zero"),
        ]
        var compiles = 0
        for c in cases {
            _ = try f.write("trap.txt", c.kind)
            let (_, result) = try f.run(Self.notebook)
            compiles += result.compilerInvocations
            XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "setup done\n")], c.kind)
            XCTAssertEqual(result.cells[0]?.status, .succeeded, c.kind)
            guard case .failed(let error)? = result.cells[1]?.status else {
                XCTFail("\(c.kind): the trap cell did not fail: \(String(describing: result.cells[1]))"); continue
            }
            XCTAssertEqual(error.message, c.message, c.kind)
            XCTAssertEqual(error.line, c.line, c.kind)
            XCTAssertEqual(result.cells[1]?.outputs.first, .stream(name: "stdout", text: "trap cell starts\n"), c.kind)
            XCTAssertEqual(result.cells[1]?.outputs.last, .error(error), c.kind)
            // No crash noise survives in the cell's outputs.
            XCTAssertFalse(
                result.cells[1]!.outputs.contains { if case .stream("stderr", _) = $0 { true } else { false } }, "\(c.kind): \(result.cells[1]!.outputs)")
            XCTAssertEqual(result.cells[2]?.status, .notRun, c.kind)
            XCTAssertEqual(result.failures.map(\.line), [c.line], c.kind)
        }
        XCTAssertEqual(compiles, 2, "the program is compiled once at -O and once at -Onone (to place the traps); only the input file changed")
    }

    func testColumnsPointAtTheTrappingExpression() throws {
        let f = try RunnerFixture()
        _ = try f.write("trap.txt", "fatal")
        let (_, result) = try f.run(Self.notebook)
        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail() }
        XCTAssertEqual(error.column, 22, "the column of `fatalError(`")
    }

    func testUncaughtErrorIsAttributedToItsTry() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            """
            ```swift
            struct LawViolated: Error { var ratio: Double }
            func check(_ r: Double) throws { if r > 1 { throw LawViolated(ratio: r) } }
            let fine = try? check(2)
            print("checking")
            let checked: Void = try check(1.5)
            ```
            """, cached: false)
        guard case .failed(let error)? = result.cells[0]?.status else { return XCTFail() }
        XCTAssertEqual(error.message, "uncaught error: LawViolated(ratio: 1.5)")
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(error.column, 21)
        XCTAssertEqual(result.cells[0]?.outputs.first, .stream(name: "stdout", text: "checking\n"))
    }

    func testBacktraceReportParsing() throws {
        let report = """
            { "kind": "crashReport", "description": "Swift runtime failure: arithmetic overflow", "threads": [
              { "name": "other", "frames": [ { "sourceLocation": { "file": "nb/a.md", "line": 3, "column": 1 } } ] },
              { "name": "main", "crashed": true, "frames": [
                { "description": "Swift runtime failure: arithmetic overflow", "sourceLocation": { "file": "//<compiler-generated>", "line": 0, "column": 0 } },
                { "description": "main + 2576", "sourceLocation": { "file": "/work/project/nb/a.md", "line": 16, "column": 89 } },
                { "description": "main + 10", "sourceLocation": { "file": "/work/project/nb/a.md", "line": 2, "column": 1 } } ] } ] }
            """
        let bt = try XCTUnwrap(Backtrace.parse(Data(("text before the report\n" + report).utf8), file: "nb/a.md"))
        XCTAssertEqual(bt.message, "arithmetic overflow")
        XCTAssertEqual(bt.line, 16, "the innermost frame of the crashed thread in the notebook")
        XCTAssertEqual(bt.column, 89)
        XCTAssertNil(Backtrace.parse(Data(report.utf8), file: "nb/other.md")?.line)
        XCTAssertNil(Backtrace.parse(Data("not json".utf8), file: "nb/a.md"))
    }
}
