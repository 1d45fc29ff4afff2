import Foundation
import TestSupport
import XCTest

/// Faults of tasks on a real cluster, each reported as the same point's failure a local run
/// reports (message and Markdown line); `--retry`; polling that stays bounded for 50 tasks.
final class SlurmFaultTests: SlurmTestCase {
    static let slow = """
        ---
        title: Slow
        params:
          width: 1
        sweep:
          width: [1, 2]
        ---

        ```swift
        print("start", params.width)
        if params.width == 2 { Thread.sleep(forTimeInterval: 120) }
        print("end", params.width)
        ```
        """

    func testScancelOfARunningTaskFailsThatPointAtItsCell() throws {
        try write("notebooks/slow.md", Self.slow)
        let cluster = try cluster
        let running = try start(["render", "notebooks/slow.md", "-o", "out", "--on", "slurm"], cache: "cache")
        var task = ""
        try waitUntil(120, "the slow task running") {
            let s = try cluster.states(name: "folio-slow")
            task = s.first { $0.key.hasSuffix("_1") && $0.value == "RUNNING" }?.key ?? ""
            return !task.isEmpty && s.values.filter { $0 == "COMPLETED" }.count == 1
        }
        _ = try cluster.client("scancel", [task])
        let r = try running.wait()
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(
            Self.errors(r.stderr).contains(
                "notebooks/slow.md:10:1: error: the cell was stopped: its Slurm task \(task) was cancelled on node \(try hostname()) (scancel)"),
            r.stderr)
        XCTAssertTrue(r.stderr.contains("folio: notebooks/slow.md [width-2]: not rendered (a cell failed)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 done, 1 failed"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/slow/width-1/slow.pdf").path))
    }

    func testTheTimeLimitStopsATaskAsItStopsALocalRun() throws {
        try write(
            "notebooks/limit.md",
            """
            ---
            title: Limit
            execute:
              timeout: 3
            ---

            Text.

            ```swift
            Thread.sleep(forTimeInterval: 120)
            ```
            """)
        let local = try folio(["render", "notebooks/limit.md", "-o", "local"], cache: "cache-local")
        let started = Date()
        let slurm = try folio(["render", "notebooks/limit.md", "-o", "slurm", "--on", "slurm"], cache: "cache-slurm")
        XCTAssertEqual(slurm.status, 1, slurm.stderr)
        XCTAssertEqual(Self.errors(slurm.stderr), Self.errors(local.stderr))
        XCTAssertEqual(Self.errors(slurm.stderr), ["notebooks/limit.md:10:1: error: the cell was stopped: it exceeded the time limit of 3 s"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the task must be cancelled at the limit, not run out its sleep")
    }

    func testRetrySubmitsAFailedTaskAgain() throws {
        let marker = dir.appendingPathComponent("first-attempt").path
        try write(
            "notebooks/flaky.md",
            """
            ---
            title: Flaky
            ---

            ```swift
            if !FileManager.default.fileExists(atPath: "\(marker)") {
                FileManager.default.createFile(atPath: "\(marker)", contents: nil)
                fatalError("the node had a bad day")
            }
            print("second attempt")
            ```
            """)
        let r = try folio(["render", "notebooks/flaky.md", "-o", "out", "--on", "slurm", "--retry", "2"], cache: "cache")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("folio: flaky: a task failed; submitting it again (retry 1 of 2)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("retry 2 of 2"), r.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("out/flaky.html"), encoding: .utf8).contains("second attempt"))
    }

    /// 50 tasks, one `squeue` call per poll interval for all of them: counted by a wrapper
    /// `squeue` first on PATH, which logs each call and runs the real one.
    func testFiftyTasksArePolledAtABoundedRate() throws {
        try write(
            "notebooks/fifty.md",
            """
            ---
            title: Fifty
            params:
              n: 1
            sweep:
              n: {from: 1, to: 50, step: 1}
            ---

            ```swift
            publish("square", params.n * params.n)
            ```
            """)
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let calls = dir.appendingPathComponent("squeue-calls")
        let real = try XCTUnwrap(Tools.find("squeue"))
        try write("bin/squeue", "#!/bin/sh\necho \"$*\" >> '\(calls.path)'\nexec '\(real)' \"$@\"\n")
        chmod(bin.appendingPathComponent("squeue").path, 0o755)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let started = Date()
        let r = try folio(
            ["render", "notebooks/fifty.md", "-o", "out", "--on", "slurm"], cache: "cache",
            environment: ["PATH": path, "FOLIO_SLURM_POLL_SECONDS": "2"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("submitted Slurm job array"), r.stderr)
        XCTAssertTrue(r.stderr.contains("(50 tasks)"), r.stderr)
        XCTAssertTrue(r.stdout.contains("(50 points, 50 run)"), r.stdout)
        let lines = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n")
        // At most one call per 2 s of the whole render (which also compiles and publishes).
        XCTAssertGreaterThanOrEqual(lines.count, 1)
        XCTAssertLessThanOrEqual(Double(lines.count), elapsed / 2 + 1, "\(lines.count) squeue calls in \(elapsed) s")
        // Each call asks for whole jobs (`-j 12`), never task by task (`12_3`).
        XCTAssertTrue(lines.allSatisfy { $0.contains("-j ") && !$0.contains("_") }, lines.joined(separator: "\n"))
        XCTAssertFalse(r.stderr.contains("sacct"))
    }

    func hostname() throws -> String { try Tools.output("hostname", ["-s"]).trimmingCharacters(in: .whitespacesAndNewlines) }
}
