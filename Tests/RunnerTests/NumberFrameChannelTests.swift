import XCTest
import Notebook
import OutputChannel
import PlotData
@testable import Runner

/// Long arrays shown by a real notebook cross the channel as number frames and come back bit
/// for bit, from the run and from the cache; a damaged frames file fails only its cell; a result
/// cached in the format before frames is recomputed, never misread.
final class NumberFrameChannelTests: XCTestCase {
    /// A cell showing a 15×20 heatmap of values JSON numbers cannot carry exactly.
    static let heatmapCell = """
        ```swift
        let special: [Double] = [
            Double(bitPattern: 0x7FF8_0000_0000_0ABC), Double(bitPattern: 0x7FF0_0000_0000_0001), -0.0,
            .infinity, -.infinity, .leastNonzeroMagnitude, 0.1, .pi, -Double.leastNormalMagnitude / 3, 7,
        ]
        var fig = Figure()
        fig.axes.heatmap((0..<30).flatMap { _ in special }, rows: 15, columns: 20, range: [0, 1])
        show(fig)
        ```
        """

    static let expected: [UInt64] = (0..<30).flatMap { _ in
        [
            0x7FF8_0000_0000_0ABC, 0x7FF0_0000_0000_0001, (-0.0).bitPattern, Double.infinity.bitPattern,
            (-Double.infinity).bitPattern, Double.leastNonzeroMagnitude.bitPattern, 0.1.bitPattern,
            Double.pi.bitPattern, (-Double.leastNormalMagnitude / 3).bitPattern, 7.0.bitPattern,
        ]
    }

    func heatmapBits(_ cell: RunResult.CellResult?) -> [UInt64]? {
        guard case .figure(let f)? = cell?.outputs.first, case .heatmap(let h)? = f.axes.marks.first else { return nil }
        return h.values.map(\.bitPattern)
    }

    func testLongArraysSurviveTheRunAndTheCacheBitForBit() throws {
        let f = try RunnerFixture()
        let (_, first) = try f.run(Self.heatmapCell)
        XCTAssertEqual(first.cells[0]?.status, .succeeded, "\(String(describing: first.cells[0]))")
        XCTAssertEqual(first.cells[0]?.cache, .ran)
        XCTAssertEqual(heatmapBits(first.cells[0]), Self.expected)
        let (_, second) = try f.run(Self.heatmapCell)
        XCTAssertEqual(second.cells[0]?.cache, .reused)
        XCTAssertEqual(heatmapBits(second.cells[0]), Self.expected)
    }

    func testACellThatTruncatesItsFramesFailsByItselfAtItsLine() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            """
            ```swift
            print("before")
            ```

            ```swift
            import Foundation
            var fig = Figure()
            fig.axes.heatmap((0..<400).map { Double($0) / 3 }, rows: 20, columns: 20)
            show(fig)
            let run = ProcessInfo.processInfo.environment["FOLIO_RUN_DIR"]!
            let frames = URL(fileURLWithPath: run + "/cell-1.numbers")
            try! Data(try! Data(contentsOf: frames).prefix(100)).write(to: frames)
            ```

            ```swift
            print("after")
            ```
            """, cached: false)
        XCTAssertEqual(result.cells[0]?.status, .succeeded)
        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(String(describing: result.cells[1]))") }
        XCTAssertTrue(
            error.message.hasPrefix(
                "the cell's output could not be read: number frame at byte 0 of cell-1.numbers is truncated: it needs 24 + 400 × 8 bytes, 100 are left"),
            error.message)
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(result.cells[2]?.outputs, [.stream(name: "stdout", text: "after\n")])
        XCTAssertEqual(result.failures.map(\.line), [6])
    }

    /// Version 1 kept each result as plain JSON in `<key>.json`. A render after the upgrade
    /// must run the cell again, both when only the old file is there and when a file at the new
    /// path holds the old format.
    func testAResultCachedInTheOldFormatIsRecomputed() throws {
        let f = try RunnerFixture()
        let notebook = "```swift\nprint(\"fresh\")\n```\n"
        let (_, first) = try f.run(notebook)
        guard let key = first.cells[0]?.key else { return XCTFail("no key") }
        let folder = f.cache.root.appendingPathComponent("results/\(key.prefix(2))")
        let new = folder.appendingPathComponent("\(key).result")
        XCTAssertTrue(FileManager.default.fileExists(atPath: new.path))
        // What version 1 wrote for a cell that printed "stale".
        let old = Data(
            """
            {"hasLog":false,"outputs":[{"stream":{"name":"stdout","text":"stale\\n"}}],"seconds":0.5,"status":{"succeeded":{}}}
            """.utf8)
        try FileManager.default.removeItem(at: new)
        try old.write(to: folder.appendingPathComponent("\(key).json"))
        let (_, second) = try f.run(notebook)
        XCTAssertEqual(second.cells[0]?.cache, .ran)
        XCTAssertEqual(second.cells[0]?.outputs, [.stream(name: "stdout", text: "fresh\n")])
        try old.write(to: new)
        let (_, third) = try f.run(notebook)
        XCTAssertEqual(third.cells[0]?.cache, .ran)
        XCTAssertEqual(third.cells[0]?.outputs, [.stream(name: "stdout", text: "fresh\n")])
        let (_, fourth) = try f.run(notebook)
        XCTAssertEqual(fourth.cells[0]?.cache, .reused)
        XCTAssertEqual(fourth.cells[0]?.outputs, [.stream(name: "stdout", text: "fresh\n")])
    }
}
