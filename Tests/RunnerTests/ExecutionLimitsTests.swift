import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Time limits per cell and per notebook, and capped outputs.
final class ExecutionLimitsTests: XCTestCase {
    func testCellTimeoutStopsTheCellAndKeepsEarlierOutputs() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            """
            ```swift
            import Foundation
            for i in 1...20 { print("line \\(i)") }
            ```

            ```swift
            //| timeout: 0.5
            print("sleeping")
            Thread.sleep(forTimeInterval: 30)
            ```

            ```swift
            print("never")
            ```
            """, limits: OutputLimits(lines: 5, bytes: 1 << 20))
        // Earlier cell: 5 lines inline, a note, and the full text in a log.
        let first = try XCTUnwrap(result.cells[0])
        XCTAssertEqual(
            first.outputs,
            [
                .stream(name: "stdout", text: (1...5).map { "line \($0)\n" }.joined()),
                .stream(name: "stdout", text: "[output truncated: 15 more lines (116 bytes) in cell-0.log]\n"),
            ])
        let log = try String(contentsOf: try XCTUnwrap(first.fullLog), encoding: .utf8)
        XCTAssertEqual(log, (1...20).map { "line \($0)\n" }.joined())

        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(String(describing: result.cells[1]))") }
        XCTAssertEqual(error.message, "the cell was stopped: it exceeded the cell time limit of 0.5 s")
        XCTAssertEqual(error.line, 8)
        XCTAssertEqual(result.cells[1]?.outputs.first, .stream(name: "stdout", text: "sleeping\n"))
        XCTAssertLessThan(result.cells[1]!.seconds, 10, "stopped long before the sleep ended")
        XCTAssertEqual(result.cells[2]?.status, .notRun)
        XCTAssertEqual(result.failures.map(\.line), [8])

        // A run stopped by a time limit is not cached: the next render runs again.
        let (_, again) = try f.run(
            try String(contentsOf: f.root.appendingPathComponent("nb.md"), encoding: .utf8),
            limits: OutputLimits(lines: 5, bytes: 1 << 20))
        XCTAssertEqual(again.cells[1]?.cache, .ran)
        XCTAssertEqual(again.cells[0]?.cache, .rebuilt)
        XCTAssertEqual(again.compilerInvocations, 0, "the compiled program is cached")
    }

    func testNotebookTimeout() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            "---\nexecute:\n  timeout: 0.5\n---\n```swift\nimport Foundation\nprint(\"start\")\nThread.sleep(forTimeInterval: 30)\n```\n",
            cached: false)
        guard case .failed(let error)? = result.cells[0]?.status else { return XCTFail() }
        XCTAssertEqual(error.message, "the cell was stopped: it exceeded the time limit of 0.5 s")
        XCTAssertEqual(result.cells[0]?.outputs.first, .stream(name: "stdout", text: "start\n"))
    }

    func testCapKeepsWholeLinesWithinBothLimits() {
        let text = (1...10).map { "row \($0)\n" }.joined()  // 6 bytes a line, 7 for row 10
        let outputs: [CellOutput] = [.stream(name: "stdout", text: text), .value("shown"), .stream(name: "stderr", text: "warn\n")]
        // Byte limit inside line 4: three whole lines stay.
        let (byBytes, log) = OutputLimits(lines: 100, bytes: 20).cap(outputs, logName: "x.log")
        XCTAssertEqual(
            byBytes,
            [
                .stream(name: "stdout", text: "row 1\nrow 2\nrow 3\n"), .value("shown"),
                .stream(name: "stdout", text: "[output truncated: 8 more lines (48 bytes) in x.log]\n"),
            ])
        XCTAssertEqual(log, text + "warn\n")
        // Within limits nothing changes and there is no log.
        let (same, none) = OutputLimits(lines: 11, bytes: 1000).cap(outputs, logName: "x.log")
        XCTAssertEqual(same, outputs)
        XCTAssertNil(none)
        // Line limit spans streams.
        let (byLines, _) = OutputLimits(lines: 10, bytes: 1000).cap(outputs, logName: "x.log")
        XCTAssertEqual(byLines.first, .stream(name: "stdout", text: text))
        XCTAssertEqual(byLines.last, .stream(name: "stdout", text: "[output truncated: 1 more lines (5 bytes) in x.log]\n"))
    }
}
