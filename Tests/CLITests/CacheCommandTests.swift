import TestSupport
import XCTest

/// `--explain`, the result cache seen from the command line, `folio cache clear`, the
/// provenance manifest, and parallel and concurrent renders.
final class CacheCommandTests: CLITestCase {
    static let notebook = """
        ---
        title: Cached study
        seed: 3
        ---

        The first paragraph.

        ```swift
        //| label: sum
        let total = (1...10).reduce(0, +)
        print("total is", total)
        ```
        """

    /// With a cell whose output is capped (at 200 lines here; 10 000 by default).
    static let chatty =
        notebook.replacingOccurrences(of: "seed: 3", with: "seed: 3\nexecute:\n  output-lines: 200")
        + "\n\n```swift\n//| label: many\nfor i in 0..<250 { print(i) }\n```\n"

    func testProseEditRendersWithZeroCompilerInvocations() throws {
        try write("notebooks/study.md", Self.notebook)
        let first = try folio(["render", "notebooks/study.md", "--explain"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("notebooks/study.md: 1 compile, 1 run\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("  line 10 [sum]: ran: no cached result (first render with this cache)"), first.stdout)

        try write("notebooks/study.md", Self.notebook.replacingOccurrences(of: "The first paragraph.", with: "A rewritten paragraph,\nnow on two lines."))
        let second = try folio(["render", "notebooks/study.md", "--explain"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("notebooks/study.md: 0 compiles, 0 runs\n"), second.stdout)
        XCTAssertTrue(second.stdout.contains("  line 11 [sum]: reused: unchanged"), second.stdout)
        let text = try pdftotext("output/study.pdf")
        XCTAssertTrue(text.contains("A rewritten paragraph"), "the report shows the edit")
        XCTAssertTrue(text.contains("total is 55"), "and the cached output")

        let cleared = try folio(["cache", "clear"])
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        let third = try folio(["render", "notebooks/study.md", "--explain"])
        XCTAssertTrue(third.stdout.contains("1 run\n"), third.stdout)
        XCTAssertTrue(third.stdout.contains("[sum]: ran: no cached result (first render with this cache)"), third.stdout)
    }

    func testManifestRecordsProvenanceAndHashesOfWhatWasWritten() throws {
        try write("notebooks/study.md", Self.chatty)
        let r = try folio(["render", "notebooks/study.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try Data(contentsOf: dir.appendingPathComponent("output/study/manifest.json"))
        let m = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(m["tool"] as? String, "folio 0.1.0")
        XCTAssertTrue((m["compiler"] as? String ?? "").hasPrefix("Swift version "), "\(m["compiler"] ?? "")")
        XCTAssertEqual(m["seed"] as? Int, 3)
        XCTAssertEqual(m["compilerInvocations"] as? Int, 1)
        XCTAssertGreaterThan(m["threads"] as? Int ?? 0, 0)
        let cells = try XCTUnwrap(m["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["label"] as? String }, ["sum", "many"])
        XCTAssertEqual(cells.map { $0["cache"] as? String }, ["ran", "ran"])
        XCTAssertEqual(Set(cells.compactMap { $0["seed"] as? UInt64 }).count, 2, "each cell has its own seed")
        // Every file listed is there with the recorded digest, including the capped cell's log.
        let files = try XCTUnwrap(m["files"] as? [String: String])
        XCTAssertTrue(
            files.keys.contains("study.pdf") && files.keys.contains("study.html") && files.keys.contains("study/cell-many.log"),
            "\(files.keys.sorted())")
        for (path, digest) in files { XCTAssertEqual(try sha256(path), digest, path) }
        // The capped cell: 200 lines inline, the whole in the log.
        let log = try String(contentsOf: dir.appendingPathComponent("output/study/cell-many.log"), encoding: .utf8)
        XCTAssertEqual(log.split(separator: "\n").count, 250)
        XCTAssertTrue(try pdftotext("output/study.pdf").contains("[output truncated: 50 more lines"))
    }

    func testExpectedErrorCellThatSucceedsFailsTheRender() throws {
        try write("notebooks/e.md", "```swift\n//| error: expected\nlet fine = 1\n```\n")
        let r = try folio(["render", "notebooks/e.md"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/e.md:3:1: error: cell is marked `error: expected` but ran without error"), r.stderr)
    }

    func testParallelAndConcurrentRendersNeverCorruptAnOutput() throws {
        for i in 1...3 {
            try write("notebooks/n\(i).md", "---\ntitle: Notebook \(i)\n---\n\nText of notebook \(i).\n\n```swift\nprint(\"value\", \(i) * 111)\n```\n")
        }
        // Two processes render the same project at once, each with -j 2, sharing the cache.
        let a = try start(["render", "-j", "2"]), b = try start(["render", "-j", "2"])
        let ra = try a.wait(), rb = try b.wait()
        XCTAssertEqual(ra.status, 0, ra.stderr)
        XCTAssertEqual(rb.status, 0, rb.stderr)
        // Messages come in input order whatever the scheduling.
        XCTAssertEqual(ra.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] }, ["notebooks/n1.md", "notebooks/n2.md", "notebooks/n3.md"])
        for i in 1...3 {
            XCTAssertTrue(try pdftotext("output/n\(i).pdf").contains("value \(i * 111)"))
            let html = try String(contentsOf: dir.appendingPathComponent("output/n\(i).html"), encoding: .utf8)
            XCTAssertTrue(html.contains("value \(i * 111)") && html.hasSuffix("</html>\n"), "n\(i).html is whole")
            let m = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("output/n\(i)/manifest.json"))) as? [String: Any]
            for (path, digest) in m?["files"] as? [String: String] ?? [:] { XCTAssertEqual(try sha256(path), digest, path) }
        }
        let index = try String(contentsOf: dir.appendingPathComponent("output/index.html"), encoding: .utf8)
        for i in 1...3 { XCTAssertTrue(index.contains("Notebook \(i)"), "index lists notebook \(i)") }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("output").path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func sha256(_ path: String) throws -> String {
        String(try Tools.output("sha256sum", [dir.appendingPathComponent("output").appendingPathComponent(path).path]).prefix(64))
    }
}
