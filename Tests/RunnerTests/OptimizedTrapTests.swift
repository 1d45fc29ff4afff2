import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Cells compile with -O by default; a trap under -O is re-run at -Onone to place it at its
/// true Markdown line, and the report shows that run (README, "Cells run optimised"). A cell
/// tells the two builds apart by `_isDebugAssertConfiguration()`: true only at -Onone.
final class OptimizedTrapTests: XCTestCase {
    /// Cell 0 (line 2) says which build ran it; cell 1 traps at 7:9 at -Onone, while -O folds
    /// the out-of-range index into one trap at the cell's first line.
    static let trapping = """
        ```swift
        print("debug", _isDebugAssertConfiguration())
        ```

        ```swift
        let xs = [1]
        print(xs[2])
        ```
        """

    func programsInCache(_ f: RunnerFixture) throws -> Int {
        let folder = f.cache.root.appendingPathComponent("programs")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".sha256") }.count
    }

    func testATrapUnderTheDefaultIsPlacedAtItsLineAndTheReportIsTheExactRun() throws {
        let f = try RunnerFixture()
        let (_, r) = try f.run(Self.trapping)
        XCTAssertEqual(r.plan?.context.flags.first, "-O", "cells compile with -O by default")
        guard case .failed(let error)? = r.cells[1]?.status else { return XCTFail("\(String(describing: r.cells[1]))") }
        XCTAssertEqual(error.message, "Index out of range")
        XCTAssertEqual(error.line, 7)
        XCTAssertEqual(error.column, 9)
        XCTAssertEqual(r.failures.map { "\($0.line):\($0.column ?? 0)" }, ["7:9"])
        XCTAssertEqual(r.cells[0]?.outputs, [.stream(name: "stdout", text: "debug true\n")], "every output comes from the -Onone run")
        XCTAssertEqual([r.cells[0]?.optimization, r.cells[1]?.optimization], ["-Onone", "-Onone"])
        XCTAssertEqual(r.compilerInvocations, 2, "the -O program, then the -Onone one that places the trap")
        XCTAssertEqual(r.programRuns, 2)
        XCTAssertEqual(try programsInCache(f), 2)

        let (_, again) = try f.run(Self.trapping)
        XCTAssertEqual(again.compilerInvocations + again.programRuns, 0, "the placed failure is cached")
        XCTAssertEqual(again.cells[1]?.status, .failed(error))
        XCTAssertEqual([again.cells[0]?.optimization, again.cells[1]?.optimization], ["-Onone", "-Onone"], "kept with the cached result")
    }

    func testANotebookThatSucceedsIsCompiledOnceAtO() throws {
        let f = try RunnerFixture()
        let text = Self.trapping.replacingOccurrences(of: "print(xs[2])", with: "print(xs[0])")
        let (_, r) = try f.run(text)
        XCTAssertTrue(r.succeeded, "\(r.failures)")
        XCTAssertEqual(r.cells[0]?.outputs, [.stream(name: "stdout", text: "debug false\n")])
        XCTAssertEqual([r.cells[0]?.optimization, r.cells[1]?.optimization], ["-O", "-O"])
        XCTAssertEqual(r.compilerInvocations, 1, "no -Onone build without a failure")
        XCTAssertEqual(r.programRuns, 1)
        XCTAssertEqual(try programsInCache(f), 1)
    }

    func testFrontMatterAndTheRunnerOptOut() throws {
        let f = try RunnerFixture()
        let (_, r) = try f.run("---\nexecute:\n  optimize: false\n---\n" + Self.trapping)
        XCTAssertEqual(r.plan?.context.flags.first, "-Onone")
        guard case .failed(let error)? = r.cells[1]?.status else { return XCTFail() }
        XCTAssertEqual([error.line, error.column], [11, 9])
        XCTAssertEqual(r.cells[0]?.outputs, [.stream(name: "stdout", text: "debug true\n")])
        XCTAssertEqual(r.cells[1]?.optimization, "-Onone")
        XCTAssertEqual(r.compilerInvocations + r.programRuns, 2, "at -Onone a trap is not run again")

        // `folio render --no-optimize` over a notebook that asks for -O.
        let text = "---\nexecute:\n  optimize: true\n---\n" + Self.trapping.replacingOccurrences(of: "xs[2]", with: "xs[0]")
        let (_, off) = try f.run(text, optimize: false)
        XCTAssertEqual(off.plan?.context.flags.first, "-Onone")
        XCTAssertEqual(off.cells[0]?.outputs, [.stream(name: "stdout", text: "debug true\n")])
    }

    func testAnAllowedTrapIsPlacedAndTheCellsBelowRunAtO() throws {
        let f = try RunnerFixture()
        let (_, r) = try f.run(
            """
            ```swift
            //| error: allow
            let xs = [1]
            print(xs[2])
            ```

            ```swift
            print("debug", _isDebugAssertConfiguration())
            ```
            """)
        XCTAssertTrue(r.succeeded, "error: allow")
        guard case .failed(let error)? = r.cells[0]?.status else { return XCTFail() }
        XCTAssertEqual([error.line, error.column], [4, 9])
        XCTAssertEqual(r.cells[0]?.optimization, "-Onone")
        XCTAssertEqual(r.cells[1]?.outputs, [.stream(name: "stdout", text: "debug false\n")])
        XCTAssertEqual(r.cells[1]?.optimization, "-O")
        XCTAssertEqual(r.compilerInvocations, 3, "-O, -Onone up to the trap, -O without the failed cell")
    }

    func testATrapTheExactBuildDoesNotReproduceKeepsItsOptimizedPlaceWithANote() throws {
        let f = try RunnerFixture()
        let text = """
            ```swift
            print("start")
            let xs = [1]
            if !_isDebugAssertConfiguration() { print(xs[Int("2")!]) }
            ```
            """
        let (_, r) = try f.run(text)
        guard case .failed(let error)? = r.cells[0]?.status else { return XCTFail("\(String(describing: r.cells[0]))") }
        XCTAssertTrue(
            error.message.hasSuffix(" (located in the -O build, so the line may be approximate: at -Onone the cell ran without this failure)"),
            error.message)
        XCTAssertTrue((2...4).contains(error.line ?? 0), "\(String(describing: error.line))")
        XCTAssertEqual(r.cells[0]?.outputs.first, .stream(name: "stdout", text: "start\n"))
        XCTAssertEqual(r.cells[0]?.outputs.last, .error(error), "the shown error carries the note too")
        XCTAssertEqual(r.cells[0]?.optimization, "-O", "the report is the -O run's")
        XCTAssertEqual(r.failures.first?.message, error.message)
        let (_, again) = try f.run(text)
        XCTAssertEqual(again.compilerInvocations + again.programRuns, 0, "a finished re-run is a reproducible result: cached")
    }

    func testAnExactReRunStoppedByTheCellTimeLimitIsSaidAndNotCached() throws {
        let f = try RunnerFixture()
        let text = """
            ```swift
            //| timeout: 2
            import Foundation
            let none: Int? = Int("x")
            if _isDebugAssertConfiguration() { sleep(30) } else { print(none!) }
            ```
            """
        let (_, r) = try f.run(text)
        guard case .failed(let error)? = r.cells[0]?.status else { return XCTFail() }
        XCTAssertTrue(error.message.hasPrefix("Unexpectedly found nil while unwrapping an Optional value"), error.message)
        XCTAssertTrue(
            error.message.hasSuffix(
                "(located in the -O build, so the line may be approximate: the -Onone re-run that places it was stopped: it exceeded the cell time limit of 2 s)"
            ),
            error.message)
        let (_, again) = try f.run(text)
        XCTAssertEqual(again.compilerInvocations, 0, "both programs are cached")
        XCTAssertEqual(again.programRuns, 2, "a result whose placement was cut short is not cached")
    }
}
