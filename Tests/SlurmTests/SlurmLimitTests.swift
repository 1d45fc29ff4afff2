import Foundation
import TestSupport
import XCTest

/// Slurm's own limits and faults, each that point's failure at its cell's Markdown line, said
/// in Slurm's terms: its time limit (`execute.time`; Slurm counts whole minutes and checks
/// every 30 s, so this waits 60–95 s once for all of them), its memory limit (`execute.mem`,
/// enforced on this cluster by sampling: scripts/slurm-cluster), a failed node; and a cell's
/// own `exit(130)`, which must not read as an interrupted task.
final class SlurmLimitTests: SlurmTestCase {
    /// Three points in one job array, run side by side so that the minute of the time limit
    /// is waited once: one allocates past its memory, one calls exit(130), one sleeps past
    /// Slurm's time limit.
    static let faults = """
        ---
        title: Faults
        params:
          mode: oom
        sweep:
          mode: [oom, exit, slow]
        execute:
          time: "1"
          mem: 300M
        ---

        ```swift
        print("mode", params.mode)
        if params.mode == "exit" { exit(130) }
        if params.mode == "oom" {
            // 1.5 GB, touched page by page, held long enough for a sample to see it.
            var blocks: [[UInt8]] = []
            for _ in 0..<30 { blocks.append([UInt8](repeating: 1, count: 50 << 20)); Thread.sleep(forTimeInterval: 0.05) }
            Thread.sleep(forTimeInterval: 30)
            print(blocks.count)
        }
        if params.mode == "slow" { Thread.sleep(forTimeInterval: 300) }
        ```
        """

    func testSlurmsTimeAndMemoryLimitsAndACellsExitStatusAreEachThatPointsFailure() throws {
        try write("notebooks/faults.md", Self.faults)
        let started = Date()
        let running = try start(["render", "notebooks/faults.md", "-o", "slurm", "--on", "slurm"], cache: "cache-slurm")
        // The local render of the exit point runs while Slurm's minute passes.
        let local = try folio(["render", "notebooks/faults.md", "-o", "local", "-P", "mode=exit"], cache: "cache-local")
        let slurm = try running.wait()
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(slurm.status, 1, slurm.stderr)
        let job = try XCTUnwrap(
            slurm.stderr.components(separatedBy: "submitted Slurm job array ").dropFirst().first?.prefix { $0.isNumber }, slurm.stderr)
        let node = try Tools.output("hostname", ["-s"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = Self.errors(slurm.stderr)
        XCTAssertTrue(
            errors.contains(
                "notebooks/faults.md:13:1: error: the cell was stopped: its Slurm task \(job)_0 ran out of memory on node \(node): "
                    + "it needed more than its limit of 300 MB (execute.mem)"), slurm.stderr)
        XCTAssertTrue(
            errors.contains(
                "notebooks/faults.md:13:1: error: the cell was stopped: its Slurm task \(job)_2 reached its Slurm time limit on node \(node) (execute.time)"
            ), slurm.stderr)
        XCTAssertLessThan(elapsed, 200, "Slurm's time limit of one minute, checked every 30 s, and a kill")
        for point in ["oom", "exit", "slow"] {
            XCTAssertTrue(slurm.stderr.contains("folio: notebooks/faults.md [mode-\(point)]: not rendered (a cell failed)"), slurm.stderr)
        }
        XCTAssertTrue(slurm.stderr.contains("0 done, 3 failed"), slurm.stderr)

        // exit(130) is the program's own exit status, as a local run says — not a signal, not an interrupt.
        XCTAssertEqual(local.status, 1, local.stderr)
        let exitError = try XCTUnwrap(Self.errors(local.stderr).first, local.stderr)
        XCTAssertTrue(exitError.contains("130") && !exitError.contains("signal"), exitError)
        XCTAssertTrue(errors.contains(exitError), "Slurm's errors \(errors) lack the local one: \(exitError)")
        XCTAssertFalse(slurm.stderr.contains("interrupted"), slurm.stderr)
    }

    /// A node set DOWN under a running task, as slurmctld does when a node stops answering:
    /// the task is lost (NODE_FAIL, not requeued behind folio's back), reported at its cell.
    func testANodeFailureIsThatPointsFailure() throws {
        let began = dir.appendingPathComponent("cell-began").path
        try write(
            "notebooks/lost.md",
            """
            ---
            title: Lost
            ---

            ```swift
            FileManager.default.createFile(atPath: "\(began)", contents: nil)
            Thread.sleep(forTimeInterval: 120)
            ```
            """)
        let cluster = try cluster
        let node = try Tools.output("hostname", ["-s"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let running = try start(["render", "notebooks/lost.md", "-o", "out", "--on", "slurm"], cache: "cache")
        try waitUntil(120, "the cell running") { FileManager.default.fileExists(atPath: began) }
        let task = try XCTUnwrap(try cluster.states(name: "folio-lost").first { $0.value == "RUNNING" }?.key)
        _ = try cluster.client("scontrol", ["update", "nodename=\(node)", "state=down", "reason=folio-test"])
        // Back in service whatever happens below, for the suite's next test (it may be already: ReturnToService).
        defer {
            _ = try? cluster.client("scontrol", ["update", "nodename=\(node)", "state=resume"])
            try? waitUntil(30, "the node idle again") { try cluster.client("sinfo", ["-h", "-o", "%t"]).contains("idle") }
        }
        let r = try running.wait()
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(
            Self.errors(r.stderr), ["notebooks/lost.md:6:1: error: the cell was stopped: its Slurm task \(task) was lost when node \(node) failed"],
            r.stderr)
        XCTAssertEqual(try cluster.states(name: "folio-lost")[task], "NODE_FAIL")
    }
}
