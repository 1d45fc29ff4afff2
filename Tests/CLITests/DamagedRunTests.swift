import XCTest
import TestSupport

/// Two ways a render's own files go bad, through the real `folio` as a user meets them: a
/// cached notebook program that was cut short or overwritten with noise (a full disk, a
/// crash while it was copied) is compiled again, not run and not trusted; and a cell that
/// writes over its own output channel is that cell's failure at its line, not a crash of
/// `folio` with a decoder's dump (issue #16).
final class DamagedRunTests: CLITestCase {
    static let notebook = """
        ---
        title: Cached program
        inputs: [value.txt]
        ---

        ```swift
        import Foundation
        let value = try! String(contentsOfFile: "value.txt", encoding: .utf8)
        print("value", value)
        ```

        ```swift
        show("second \\(value)")
        ```

        """

    /// The compiled programs in the render's cache (`programs/<digest>`, without the
    /// checksum files beside them).
    func cachedPrograms() throws -> [URL] {
        let cache = dir.appendingPathComponent(".cache")
        let all = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return all.filter { $0.deletingLastPathComponent().lastPathComponent == "programs" && !$0.lastPathComponent.contains(".") }
    }

    func testADamagedCachedProgramIsCompiledAgainAndItsCellsRun() throws {
        for damage in ["truncated", "random"] {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(".cache"))
            try write("notebooks/value.txt", "1")
            try write("notebooks/cached.md", Self.notebook)
            let first = try folio(["render", "notebooks/cached.md"])
            XCTAssertEqual(first.status, 0, first.stderr)
            let program = try XCTUnwrap(try cachedPrograms().first, "\(damage): no cached program under .cache")
            let whole = try Data(contentsOf: program)
            let damaged =
                damage == "truncated"
                ? whole.prefix(whole.count / 2) : Data((0..<whole.count).map { _ in UInt8.random(in: 0...255) })
            try damaged.write(to: program)
            try write("notebooks/value.txt", "2")
            for run in 1...2 {
                // At the level it was built at: a cheap notebook's re-render would otherwise build
                // at -Onone (OptimizationTier) and leave the damaged -O program's path empty.
                let r = try folio(["render", "notebooks/cached.md", "--optimize"])
                XCTAssertEqual(r.status, 0, "\(damage), render \(run) after the damage: \(r.stderr)")
                let text = try pdftotext("output/cached.pdf")
                XCTAssertTrue(text.contains("value 2"), "\(damage), render \(run): the first cell's output is in the report\n\(text)")
                XCTAssertTrue(text.contains("second 2"), "\(damage), render \(run): the second cell's value is in the report\n\(text)")
            }
            XCTAssertEqual(try Data(contentsOf: program).count, whole.count, "\(damage): the cache holds a whole program again")
        }
    }

    func testACellThatOverwritesItsOutputChannelFailsAtItsLine() throws {
        try write(
            "notebooks/channel.md",
            """
            # Channel

            ```swift
            print("before")
            ```

            ```swift
            import Foundation
            let run = ProcessInfo.processInfo.environment["FOLIO_RUN_DIR"]!
            try! Data("{not json\\n".utf8).write(to: URL(fileURLWithPath: run + "/cell-1.outputs.jsonl"))
            ```

            ```swift
            print("after")
            ```

            """)
        let r = try folio(["render", "notebooks/channel.md"])
        XCTAssertEqual(r.status, 1, "the cell's failure, not a render error (3): \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("notebooks/channel.md:8:"), "at the cell's first line: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("the cell's output could not be read"), r.stderr)
        XCTAssertFalse(r.stderr.contains("DecodingError"), r.stderr)
        XCTAssertFalse(r.stderr.contains("dataCorrupted"), r.stderr)
    }
}
