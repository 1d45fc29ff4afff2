import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// A re-render of a notebook whose last run took a blink builds at `-Onone` (with `assert` off,
/// as at `-O`); anything else, or a level the user states, builds as asked (`OptimizationTier`).
final class OptimizationTierTests: XCTestCase {
    let optimized = Compilation.flags(optimize: true)
    typealias Timing = OptimizationTier.Timing

    func testTheBudgetsDecide() {
        func flags(_ run: [Timing]?, explicit: Bool = false, requested: [String]? = nil) -> [String] {
            OptimizationTier.buildFlags(requested: requested ?? optimized, levelIsExplicit: explicit, lastRun: run)
        }
        XCTAssertEqual(flags([Timing(seconds: 0.01, optimization: "-O"), Timing(seconds: 0.02, optimization: "-O")]), Compilation.tierFlags)
        XCTAssertEqual(flags([Timing(seconds: 0.09, optimization: "-O"), Timing(seconds: 0.02, optimization: "-O")]), optimized, "0.11 s at -O")
        XCTAssertEqual(flags([Timing(seconds: 0.35, optimization: "-Onone")]), Compilation.tierFlags, "already cheap at -Onone")
        XCTAssertEqual(flags([Timing(seconds: 0.45, optimization: "-Onone")]), optimized)
        XCTAssertEqual(
            flags([Timing(seconds: 0.06, optimization: "-O"), Timing(seconds: 0.2, optimization: "-Onone")]), optimized,
            "0.6 + 0.5 of the two budgets")
        XCTAssertEqual(flags(nil), optimized, "no last run: -O")
        XCTAssertEqual(flags([]), optimized)
        XCTAssertEqual(flags([Timing(seconds: 0.01, optimization: nil)]), optimized, "a result from before levels were recorded")
        XCTAssertEqual(flags([Timing(seconds: 0.01, optimization: "-O")], explicit: true), optimized, "--optimize or optimize: true")
        XCTAssertEqual(
            flags([Timing(seconds: 0.01, optimization: "-O")], requested: Compilation.exactFlags), Compilation.exactFlags,
            "--no-optimize keeps its asserts")
        XCTAssertEqual(Compilation.level(Compilation.tierFlags), "-Onone")
        XCTAssertTrue(Compilation.tierFlags.contains("Release"))
    }

    /// Cell 0 says whether asserts are on; cell 1 asserts something false (skipped at -O) and
    /// says which build ran it; the edit changes only its printed word.
    static func cheap(_ word: String) -> String {
        """
        ```swift
        print("debug", _isDebugAssertConfiguration())
        ```

        ```swift
        assert(1 == 2, "never checked at -O")
        print("\(word)")
        ```
        """
    }

    func testAnEditOfACheapNotebookBuildsAtOnoneWithTheSameChecksAsO() throws {
        let f = try RunnerFixture()
        let (_, cold) = try f.run(Self.cheap("first"))
        XCTAssertTrue(cold.succeeded, "\(cold.failures)")
        XCTAssertEqual([cold.cells[0]?.optimization, cold.cells[1]?.optimization], ["-O", "-O"], "no last run: -O")

        let (_, edited) = try f.run(Self.cheap("second"))
        XCTAssertTrue(edited.succeeded, "the assert stays off in the tier build: \(edited.failures)")
        XCTAssertEqual([edited.cells[0]?.optimization, edited.cells[1]?.optimization], ["-Onone", "-Onone"])
        XCTAssertEqual(edited.cells[0]?.cache, .rebuilt, "the cell above is reused from nothing: keys are the -O keys")
        XCTAssertEqual(edited.cells[0]?.outputs, [.stream(name: "stdout", text: "debug false\n")], "same output as at -O")
        XCTAssertEqual(edited.cells[1]?.outputs, [.stream(name: "stdout", text: "second\n")])
        XCTAssertEqual(edited.plan?.context.flags, cold.plan?.context.flags, "the cache keys stay those of -O")
        XCTAssertEqual(edited.compilerInvocations, 1)
        XCTAssertNil(cold.tierNote)
        XCTAssertTrue(edited.tierNote?.hasPrefix("built at -Onone with assert off") == true, "--explain says so: \(String(describing: edited.tierNote))")

        let (_, again) = try f.run(Self.cheap("second"))
        XCTAssertEqual(again.compilerInvocations + again.programRuns, 0, "the tier's results answer the -O keys")

    }

    func testATrapInTheTierBuildIsPlacedLikeATrapAtO() throws {
        let f = try RunnerFixture()
        let text = "```swift\nprint(\"above\")\n```\n\n```swift\nlet xs = [1]\nprint(xs[0])\n```\n"
        _ = try f.run(text)
        let (_, r) = try f.run(text.replacingOccurrences(of: "xs[0]", with: "xs[2]"))
        guard case .failed(let error)? = r.cells[1]?.status else { return XCTFail("\(String(describing: r.cells[1]))") }
        XCTAssertEqual(error.message, "Index out of range")
        XCTAssertEqual(error.line, 7)
        XCTAssertEqual(error.column, 9)
        XCTAssertEqual(r.compilerInvocations, 2, "placed by an -Onone build with assert on, as a trap at -O is")
        XCTAssertEqual(r.cells[1]?.optimization, "-Onone")
        XCTAssertNotNil(r.tierNote)
    }

    /// A cell that takes 0.3 s at any level (a sleep: the optimiser cannot shorten it), over the
    /// budget, so edits stay optimised.
    static func heavy(_ word: String) -> String {
        """
        ```swift
        usleep(300_000)
        ```

        ```swift
        print("\(word)")
        ```
        """
    }

    func testANotebookThatTookLongerStaysOptimised() throws {
        let f = try RunnerFixture()
        let (_, cold) = try f.run(Self.heavy("first"))
        XCTAssertTrue(cold.succeeded, "\(cold.failures)")
        let seconds = (cold.cells[0]?.seconds ?? 0) + (cold.cells[1]?.seconds ?? 0)
        XCTAssertGreaterThan(seconds, OptimizationTier.optimizedBudget, "the fixture must outlast the budget")
        let (_, edited) = try f.run(Self.heavy("second"))
        XCTAssertEqual([edited.cells[0]?.optimization, edited.cells[1]?.optimization], ["-O", "-O"])
    }

    func testAProgramAlreadyBuiltAtOIsRunRatherThanBuiltAgain() throws {
        let f = try RunnerFixture()
        let text = "---\ninputs: [value.txt]\n---\n" + Self.cheap("first")
        _ = try f.write("value.txt", "1")
        let (_, cold) = try f.run(text)
        XCTAssertEqual(cold.compilerInvocations, 1)
        // Only the declared input changed: every key misses, the program text is the same.
        _ = try f.write("value.txt", "2")
        let (_, r) = try f.run(text)
        XCTAssertEqual(r.programRuns, 1)
        XCTAssertEqual(r.compilerInvocations, 0, "the -O build of this text is in the cache")
        XCTAssertEqual(r.cells[1]?.optimization, "-O")
        XCTAssertNil(r.tierNote)
    }

    func testAStatedLevelIsNeverTiered() throws {
        let f = try RunnerFixture()
        let stated = "---\nexecute:\n  optimize: true\n---\n"
        _ = try f.run(stated + Self.cheap("first"))
        let (_, fromFrontMatter) = try f.run(stated + Self.cheap("second"))
        XCTAssertEqual(fromFrontMatter.cells[1]?.optimization, "-O", "execute.optimize: true")

        let g = try RunnerFixture()
        _ = try g.run(Self.cheap("first"), optimize: true)
        let (_, fromCommandLine) = try g.run(Self.cheap("second"), optimize: true)
        XCTAssertEqual(fromCommandLine.cells[1]?.optimization, "-O", "--optimize")

        let (_, uncached) = try g.run(Self.cheap("third"), cached: false)
        XCTAssertEqual(uncached.cells[1]?.optimization, "-O", "--no-cache: no last run to measure")
    }
}
