import XCTest
import TestSupport

/// `folio render` compiles cells with -O unless told `--no-optimize`, places a trap under -O
/// by a re-run at -Onone, and the manifest says which level produced each cell's outputs.
final class OptimizedCellsCommandTests: CLITestCase {
    /// An allowed trap (so the render publishes), then a cell that says which build ran it.
    static let notebook = """
        ---
        title: Optimised cells
        ---

        ```swift
        //| error: allow
        let xs = [1]
        print(xs[2])
        ```

        ```swift
        print("debug", _isDebugAssertConfiguration())
        ```
        """

    func manifest() throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent("output/opt/manifest.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testTheManifestRecordsEachCellsOptimisationLevel() throws {
        try write("notebooks/opt.md", Self.notebook)
        let r = try folio(["render", "notebooks/opt.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let m = try manifest()
        XCTAssertEqual((m["flags"] as? [String])?.first, "-O", "the default")
        XCTAssertEqual(m["compilerInvocations"] as? Int, 3, "-O, -Onone to place the trap, -O without the failed cell")
        let cells = try XCTUnwrap(m["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["optimization"] as? String }, ["-Onone", "-O"])
        let text = try pdftotext("output/opt.pdf")
        XCTAssertTrue(text.contains("debug false"), "the cell below the trap ran optimised: \(text)")
        XCTAssertTrue(text.contains("opt.md:8: Index out of range"), "the trap at its -Onone line (-O reports the line of `let xs`): \(text)")
    }

    func testNoOptimizeCompilesAtOnoneOnce() throws {
        try write("notebooks/opt.md", Self.notebook)
        let r = try folio(["render", "notebooks/opt.md", "--no-optimize"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let m = try manifest()
        XCTAssertEqual((m["flags"] as? [String])?.first, "-Onone")
        XCTAssertEqual(m["compilerInvocations"] as? Int, 2, "the notebook, then the notebook without the failed cell")
        let cells = try XCTUnwrap(m["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["optimization"] as? String }, ["-Onone", "-Onone"])
        XCTAssertTrue(try pdftotext("output/opt.pdf").contains("debug true"))
    }
}
