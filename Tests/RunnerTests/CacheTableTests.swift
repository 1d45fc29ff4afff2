import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// The cache's contract, edit by edit: which cells are reused, rebuilt (re-run only to
/// restore shared state) or run, and how many times the compiler and the program run.
final class CacheTableTests: XCTestCase {
    static let baseline = """
        ---
        title: Cache table
        params:
          n: 3
        seed: 5
        inputs: [data.txt]
        ---

        Intro prose.

        ```swift
        //| label: load
        //| caption: Loaded data
        import Foundation
        let data = try! String(contentsOfFile: "data.txt", encoding: .utf8)
        print("load", data.count, params.n)
        ```

        More prose.

        ```swift
        //| label: square
        let sq = params.n * params.n
        print("square", sq, cellSeed)
        ```

        ```swift
        print("report", sq + 1)
        ```
        """

    struct Edit {
        var name: String
        var text: (String) -> String = { $0 }
        var data = "abc"
        var overrides: [String: String] = [:]
        var optimize: Bool? = nil
        var expected: [RunResult.CacheStatus]
        var compiles: Int
        var runs: Int
        var reason: String? = nil
    }

    func testCacheHitsAndMissesForATableOfEdits() throws {
        let f = try RunnerFixture()
        _ = try f.write("data.txt", "abc")
        let all = { (s: RunResult.CacheStatus) in [s, s, s] }
        let edits: [Edit] = [
            Edit(
                name: "prose", text: { $0.replacingOccurrences(of: "More prose.", with: "More prose, rewritten at length.") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "lines of prose added above the cells",
                text: { $0.replacingOccurrences(of: "Intro prose.", with: "Intro prose.\n\nA new paragraph\nover two lines.") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "caption", text: { $0.replacingOccurrences(of: "caption: Loaded data", with: "caption: The data, loaded") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "echo and output",
                text: { $0.replacingOccurrences(of: "//| label: square", with: "//| label: square\n//| echo: false\n//| output: false") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "error policy", text: { $0.replacingOccurrences(of: "//| label: load", with: "//| label: load\n//| error: allow") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "blank lines at the end of a cell", text: { $0.replacingOccurrences(of: "sq + 1)\n", with: "sq + 1)\n\n\n") },
                expected: all(.reused), compiles: 0, runs: 0),
            Edit(
                name: "whitespace inside a code line", text: { $0.replacingOccurrences(of: "params.n * params.n", with: "params.n  *  params.n") },
                expected: [.rebuilt, .ran, .ran], compiles: 1, runs: 1, reason: "upstream cell at line 23 changed"),
            Edit(
                name: "code of the last cell", text: { $0.replacingOccurrences(of: "sq + 1", with: "sq + 2") },
                expected: [.rebuilt, .rebuilt, .ran], compiles: 1, runs: 1, reason: "its code or options changed"),
            Edit(
                name: "upstream code", text: { $0.replacingOccurrences(of: "print(\"load\"", with: "print(\"loaded\"") },
                expected: all(.ran), compiles: 1, runs: 1, reason: "upstream cell at line 14 changed"),
            Edit(
                name: "label (it seeds the cell)", text: { $0.replacingOccurrences(of: "label: square", with: "label: squared") },
                expected: [.rebuilt, .ran, .ran], compiles: 1, runs: 1, reason: "upstream cell at line 23 changed"),
            Edit(name: "param", overrides: ["n": "4"], expected: all(.ran), compiles: 1, runs: 1, reason: "parameter n changed"),
            Edit(
                name: "seed", text: { $0.replacingOccurrences(of: "seed: 5", with: "seed: 6") },
                expected: all(.ran), compiles: 1, runs: 1, reason: "the document seed changed (5 → 6)"),
            Edit(
                name: "input file", data: "abcd", expected: all(.ran), compiles: 0, runs: 1,
                reason: "input file data.txt changed"),
            Edit(
                name: "flags", optimize: false, expected: all(.ran), compiles: 1, runs: 1,
                reason:
                    "compile flags changed (-O -wmo -gline-tables-only -swift-version 5 -module-name Notebook → -Onone -gline-tables-only -swift-version 5 -module-name Notebook)"
            ),
        ]

        let (_, first) = try f.run(Self.baseline)
        XCTAssertEqual(first.compilerInvocations, 1)
        XCTAssertEqual(
            first.cells[1]?.outputs.first, .stream(name: "stdout", text: "square 9 \(first.plan!.entries[1].seed)\n"),
            "cells see their own seed as `cellSeed`")
        let baselineOutputs = (0..<3).map { first.cells[$0]!.outputs }

        for edit in edits {
            // Back to the baseline: everything is reused, nothing compiles or runs.
            _ = try f.write("data.txt", "abc")
            let (_, base) = try f.run(Self.baseline)
            XCTAssertEqual((0..<3).map { base.cells[$0]!.cache }, all(.reused), "baseline before \(edit.name)")
            XCTAssertEqual(base.compilerInvocations + base.programRuns, 0, "baseline before \(edit.name)")
            XCTAssertEqual((0..<3).map { base.cells[$0]!.outputs }, baselineOutputs, "baseline before \(edit.name)")

            _ = try f.write("data.txt", edit.data)
            let (_, r) = try f.run(edit.text(Self.baseline), optimize: edit.optimize, overrides: edit.overrides)
            XCTAssertTrue(r.succeeded, "\(edit.name): \(r.compileErrors) \(r.failures)")
            XCTAssertEqual((0..<3).map { r.cells[$0]!.cache }, edit.expected, edit.name)
            XCTAssertEqual(r.compilerInvocations, edit.compiles, "compiles after: \(edit.name)")
            XCTAssertEqual(r.programRuns, edit.runs, "runs after: \(edit.name)")
            if let reason = edit.reason {
                XCTAssertEqual(r.cells[2]?.reason, reason, edit.name)
            }
        }
    }

    func testReusedErrorsMoveWithTheirCell() throws {
        let f = try RunnerFixture()
        let text = "```swift\n//| error: allow\nlet xs = [1]\nprint(xs[2])\n```\n"
        let (_, first) = try f.run(text)
        guard case .failed(let e1)? = first.cells[0]?.status else { return XCTFail() }
        XCTAssertEqual(e1.line, 4)
        XCTAssertEqual(e1.column, 9, "where -Onone traps: the -O build folds the bad index into the line of `let xs`")
        XCTAssertEqual(e1.message, "Index out of range")
        XCTAssertEqual(first.cells[0]?.optimization, "-Onone", "placed by the -Onone re-run")
        let (_, moved) = try f.run("Two lines\nof prose.\n\n" + text)
        XCTAssertEqual(moved.compilerInvocations + moved.programRuns, 0)
        guard case .failed(let e2)? = moved.cells[0]?.status else { return XCTFail() }
        XCTAssertEqual(e2.line, 7, "a cached error is stored relative to its cell")
        XCTAssertEqual(moved.cells[0]?.outputs.last, .error(e2))
        XCTAssertTrue(moved.failures.isEmpty, "error: allow")
    }
}
