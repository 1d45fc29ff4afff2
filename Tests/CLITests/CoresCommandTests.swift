import Foundation
import TestSupport
import XCTest

/// The thread count a render's notebook programs compute on, seen from the command line: the
/// affinity mask (`taskset`), FOLIO_THREADS (checked before anything runs), `-j` sharing the
/// cores between notebooks, and the count recorded in each manifest.
final class CoresCommandTests: CLITestCase {
    static let notebook = """
        ---
        title: Threads
        ---

        ```swift
        print("computing on", tensorThreads, "threads")
        ```
        """

    func manifestThreads(_ name: String) throws -> Int? {
        let data = try Data(contentsOf: dir.appendingPathComponent("output/\(name)/manifest.json"))
        let m = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return m["tensorThreads"] as? Int
    }

    func testAffinityAndFolioThreadsReachTheProgramAndTheManifest() throws {
        try write("notebooks/a.md", Self.notebook)
        let pinned = try Command(
            URL(fileURLWithPath: try Tools.path("taskset")), ["-c", "0", try Tools.builtProduct("folio").path, "render", "notebooks/a.md", "--no-cache"],
            environment: ProcessInfo.processInfo.environment.merging(["FOLIO_CACHE_DIR": dir.appendingPathComponent(".cache").path]) { $1 }
                .filter { $0.key != "FOLIO_THREADS" },
            currentDirectory: dir, captureFolder: dir
        ).run()
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        XCTAssertTrue(try pdftotext("output/a.pdf").contains("computing on 1 threads"))
        XCTAssertEqual(try manifestThreads("a"), 1)

        let three = try folio(["render", "notebooks/a.md", "--no-cache"], environment: ["FOLIO_THREADS": "3"])
        XCTAssertEqual(three.status, 0, three.stderr)
        XCTAssertTrue(try pdftotext("output/a.pdf").contains("computing on 3 threads"))
        XCTAssertEqual(try manifestThreads("a"), 3)
    }

    func testABadFolioThreadsIsAConfigurationErrorBeforeAnythingRuns() throws {
        try write("notebooks/a.md", Self.notebook)
        for bad in ["0", "many", "1000"] {
            let r = try folio(["render", "notebooks/a.md"], environment: ["FOLIO_THREADS": bad])
            XCTAssertEqual(r.status, 4, r.stderr)
            XCTAssertEqual(
                r.stderr, "folio: error: FOLIO_THREADS=\(bad) is not a number of threads (a whole number from 1 to 64)\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/a.pdf").path))
        }
    }

    /// Notebooks rendered at once share this machine's cores: each program gets its share (at least one).
    func testJobsShareTheCoresBetweenPrograms() throws {
        try write("notebooks/a.md", Self.notebook)
        try write("notebooks/b.md", Self.notebook)
        let cores = try XCTUnwrap(Int(try Tools.output("nproc", []).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Without -j: one notebook per two cores, each program on its share of them.
        let jobs = max(1, min(2, cores / 2)), share = jobs > 1 ? cores / jobs : cores
        let byDefault = try folio(["render"])
        XCTAssertEqual(byDefault.status, 0, byDefault.stderr)
        for name in ["a", "b"] { XCTAssertEqual(try manifestThreads(name), share) }
        let r = try folio(["render", "-j", "2", "--no-cache"])  // the printed count is not part of the cache key
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["a", "b"] {
            XCTAssertEqual(try manifestThreads(name), max(1, cores / 2))
            XCTAssertTrue(try pdftotext("output/\(name).pdf").contains("computing on \(max(1, cores / 2)) threads"))
        }
    }
}
