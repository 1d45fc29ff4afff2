import Foundation
import TestSupport
import XCTest

/// `folio render --on slurm` on a real cluster: a sweep as one job array, byte-identical to
/// the local sweep; a failing task reported at its Markdown line as locally; an interrupted
/// sweep's jobs cancelled, and the rerun submitting only the points not yet cached.
final class SlurmSweepTests: SlurmTestCase {
    static let grid = """
        ---
        title: Grid
        params:
          width: 2
          lr: 0.5
        sweep:
          width: [2, 3]
          lr: [0.5, 0.25]
        ---

        # Grid

        ```swift
        let loss = 1.0 / (Double(params.width) * params.lr)
        print("loss", loss)
        publish("loss", loss)
        ```

        The loss falls with the width.
        """

    func testSweepAsJobArrayIsByteIdenticalToTheLocalSweep() throws {
        try write("notebooks/grid.md", Self.grid)
        // Side by side: the local render compiles while the Slurm one submits and waits.
        let running = try start(["render", "notebooks/grid.md", "-o", "slurm", "--on", "slurm"], cache: "cache-slurm")
        let local = try folio(["render", "notebooks/grid.md", "-o", "local"], cache: "cache-local")
        XCTAssertEqual(local.status, 0, local.stderr)
        let slurm = try running.wait()
        XCTAssertEqual(slurm.status, 0, slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("folio: grid: submitted Slurm job array "), slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("(4 tasks)"), slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("slurm: 0 pending, 0 running, 4 done, 0 failed"), slurm.stderr)
        XCTAssertTrue(slurm.stdout.contains("rendered sweep notebooks/grid.md (4 points, 4 run)"), slurm.stdout)
        try assertSameOutputs("local", "slurm")
        // One compile for the four points: they run one program, their parameters as arguments.
        let explained = try folio(["render", "notebooks/grid.md", "-o", "slurm", "--on", "slurm", "--explain"], cache: "cache-slurm")
        XCTAssertTrue(explained.stdout.contains("0 compiles, 0 runs"), explained.stdout)
        XCTAssertFalse(explained.stderr.contains("submitted"), "a cached sweep submits nothing: \(explained.stderr)")
    }

    func testFrontMatterExecuteOnSlurmSubmitsWithItsOptions() throws {
        try write(
            "notebooks/one.md",
            """
            ---
            title: One
            execute: {on: slurm, partition: debug, time: "5", cpus: 1, mem: 100M, extra: [--job-name=folio-one]}
            ---

            ```swift
            print("threads", ProcessInfo.processInfo.environment["FOLIO_THREADS"] ?? "none")
            ```
            """)
        let r = try folio(["render", "notebooks/one.md", "-o", "out"], cache: "cache")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("folio: one: submitted Slurm job "), r.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("out/one.html"), encoding: .utf8).contains("threads 1"))
        let bad = try folio(["render", "notebooks/one.md", "-o", "out", "--no-cache"], cache: "cache", environment: ["SLURM_CONF": "/nonexistent/slurm.conf"])
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("folio: error: notebooks/one.md: "), bad.stderr)
        try write("notebooks/bad.md", "---\ntitle: Bad\nexecute:\n  on: cluster\n---\n\nText.\n")
        let wrong = try folio(["render", "notebooks/bad.md", "-o", "out"], cache: "cache")
        XCTAssertEqual(wrong.status, 4)
        XCTAssertTrue(wrong.stderr.contains("notebooks/bad.md:4:3: error: execute.on must be local or slurm"), wrong.stderr)
    }

    func testAFailingTaskIsReportedAtItsLineAsLocally() throws {
        try write(
            "notebooks/fails.md",
            """
            ---
            title: Fails
            params:
              width: 1
            sweep:
              width: [1, 2]
            ---

            ```swift
            let w = params.width
            precondition(w != 2, "width 2 diverges")
            print("ok", w)
            ```
            """)
        let running = try start(["render", "notebooks/fails.md", "-o", "slurm", "--on", "slurm"], cache: "cache-slurm")
        let local = try folio(["render", "notebooks/fails.md", "-o", "local"], cache: "cache-local")
        let slurm = try running.wait()
        XCTAssertEqual(slurm.status, 1, slurm.stderr)
        XCTAssertEqual(local.status, 1, local.stderr)
        let errors = Self.errors(slurm.stderr)
        XCTAssertEqual(errors, Self.errors(local.stderr))
        XCTAssertTrue(errors.contains { $0.hasPrefix("notebooks/fails.md:11:") && $0.contains("width 2 diverges") }, slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("folio: notebooks/fails.md [width-2]: not rendered (a cell failed)"), slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("1 done, 1 failed"), slurm.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("slurm/fails/width-1/fails.pdf").path))
    }

    /// Ctrl-C while a task runs: the job is cancelled and folio says so; the rerun submits only
    /// the point whose result is not cached (the slow one).
    func testInterruptedSweepIsCancelledAndTheRerunSubmitsOnlyMissingPoints() throws {
        try write(
            "notebooks/resume.md",
            """
            ---
            title: Resume
            params:
              width: 1
            sweep:
              width: [1, 2, 3]
            ---

            ```swift
            if ProcessInfo.processInfo.environment["FOLIO_TEST_SLOW"] == String(params.width) { Thread.sleep(forTimeInterval: 120) }
            print("width", params.width)
            ```
            """)
        let cluster = try cluster
        let running = try start(["render", "notebooks/resume.md", "-o", "out", "--on", "slurm"], cache: "cache", environment: ["FOLIO_TEST_SLOW": "3"])
        try waitUntil(120, "points 1 and 2 done, point 3 running") {
            let s = try cluster.states(name: "folio-resume")
            return s.filter { $0.value == "COMPLETED" }.count == 2 && s.values.contains("RUNNING")
        }
        Thread.sleep(forTimeInterval: 1.5)  // folio sees the finished tasks' files within 0.2 s
        kill(running.process.processIdentifier, SIGINT)
        let interrupted = try running.wait()
        XCTAssertEqual(interrupted.status, 130, interrupted.stderr)
        XCTAssertTrue(interrupted.stderr.contains("folio: interrupted"), interrupted.stderr)
        let job = try XCTUnwrap(try cluster.states(name: "folio-resume").keys.first { $0.hasSuffix("_2") }).prefix { $0 != "_" }
        XCTAssertTrue(interrupted.stderr.contains("folio: cancelled Slurm job \(job) (scancel)"), interrupted.stderr)
        try waitUntil(30, "the cancelled task to leave the node") { try cluster.states(name: "folio-resume")["\(job)_2"] == "CANCELLED" }

        let rerun = try folio(["render", "notebooks/resume.md", "-o", "out", "--on", "slurm"], cache: "cache")
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("folio: resume: submitted Slurm job "), rerun.stderr)
        XCTAssertFalse(rerun.stderr.contains("job array"), "only one point was missing: \(rerun.stderr)")
        XCTAssertTrue(rerun.stdout.contains("(3 points, 1 run)"), rerun.stdout)
    }
}

/// `//| on: slurm`: a heavy cell sends the notebook's whole program to Slurm; `--on local`
/// keeps it here; a bad value is an error at its line.
final class SlurmHeavyCellTests: SlurmTestCase {
    func testAHeavyCellSendsTheProgramToSlurm() throws {
        try write(
            "notebooks/heavy.md",
            """
            ---
            title: Heavy
            ---

            ```swift
            let data = (1...1000).map(Double.init)
            ```

            ```swift
            //| on: slurm
            let total = data.reduce(0, +)
            print("total", total)
            ```
            """)
        let running = try start(["render", "notebooks/heavy.md", "-o", "slurm"], cache: "cache-slurm")
        let local = try folio(["render", "notebooks/heavy.md", "-o", "local", "--on", "local"], cache: "cache-local")
        let slurm = try running.wait()
        XCTAssertEqual(slurm.status, 0, slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("folio: heavy: submitted Slurm job "), slurm.stderr)
        XCTAssertEqual(local.status, 0, local.stderr)
        XCTAssertFalse(local.stderr.contains("submitted"), local.stderr)
        try assertSameOutputs("local", "slurm", minimumFiles: 3)
        try write("notebooks/bad.md", "---\ntitle: Bad\n---\n\n```swift\n//| on: cloud\nprint(1)\n```\n")
        let bad = try folio(["render", "notebooks/bad.md", "-o", "out"], cache: "cache-local")
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("notebooks/bad.md:6:"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("cell option 'on' must be slurm"), bad.stderr)
    }
}
