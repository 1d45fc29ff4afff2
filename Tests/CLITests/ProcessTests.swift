import XCTest
import TestSupport

/// Nothing a render starts outlives it: not the notebook program, not what its cells start
/// (a `Process`, a background shell job, a `setsid` child, a double-forked daemon), not the
/// compiler — whether the program ends by itself, by a time limit, or because folio was
/// interrupted. Checked in /proc by markers in the command lines (`sleep 98…`) and by this
/// test's folder, which every process of the render has in its command line or environment.
final class ProcessTests: CLITestCase {
    /// A cell that leaves five kinds of descendants behind, `tag` making their sleeps unique.
    func spawningCell(_ tag: Int, then rest: String = "") -> String {
        """
        ```swift
        import Foundation
        func start(_ exe: String, _ args: [String], environment: [String: String]? = nil) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = args
            if let environment { p.environment = environment }
            try! p.run()
        }
        start("/bin/sleep", ["98\(tag)1"])
        start("/bin/sh", ["-c", "sleep 98\(tag)2 &"])
        start("/usr/bin/setsid", ["sleep", "98\(tag)3"])
        start("/bin/sh", ["-c", "(setsid sleep 98\(tag)4 &) &"])
        start("/bin/sh", ["-c", "sleep 98\(tag)5 &"], environment: [:])
        usleep(300_000)
        print("started")
        \(rest)
        ```
        """
    }

    /// Processes (other than this test) whose command line holds `marker` or whose command
    /// line or environment names this test's folder.
    func survivors(_ marker: String) -> [String] {
        let me = getpid()
        var found: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name), pid != me else { continue }
            func read(_ f: String) -> String {
                let d = FileManager.default.contents(atPath: "/proc/\(pid)/\(f)") ?? Data()
                return String(decoding: d.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            }
            let stat = read("stat")
            if stat.contains(") Z ") { continue }  // a zombie holds no resources and runs nothing
            let cmd = read("cmdline")
            if cmd.contains(marker) || cmd.contains(dir.path) || read("environ").contains(dir.path) {
                found.append("\(pid): \(cmd)")
            }
        }
        return found
    }

    /// Waits until a process whose command line holds `marker` exists.
    func waitFor(_ marker: String, alsoContaining other: String = "", seconds: Double = 120) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if !survivors(marker).filter({ $0.contains(marker) && (other.isEmpty || $0.contains(other)) }).isEmpty { return true }
            usleep(50_000)
        }
        return false
    }

    /// A render with TMPDIR inside this test's folder, so its scratch folders can be checked.
    func startWithPrivateTemp(_ args: [String]) throws -> RunningCommand {
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        setenv("TMPDIR", tmp.path, 1)
        defer { unsetenv("TMPDIR") }
        return try start(args)
    }

    func scratchLeft() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path)) ?? []).sorted()
    }

    func testWhatACellStartsDoesNotOutliveTheRender() throws {
        try write("notebooks/spawn.md", "# Spawn\n\n" + spawningCell(71))
        let r = try startWithPrivateTemp(["render", "notebooks/spawn.md"]).wait()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(survivors("sleep 9871"), [])
        XCTAssertEqual(scratchLeft(), [], "no scratch folder nor an empty TemporaryDirectory.* is left in TMPDIR")
        XCTAssertTrue(try pdftotext("output/spawn.pdf").contains("started"))
    }

    func testACellStoppedByItsTimeLimitTakesItsChildrenWithIt() throws {
        try write(
            "notebooks/slow.md",
            "# Slow\n\n"
                + spawningCell(72, then: "while true {}").replacingOccurrences(
                    of: "```swift\n", with: "```swift\n//| timeout: 2\n"))
        let r = try folio(["render", "notebooks/slow.md"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/slow.md:5:1: error: the cell was stopped: it exceeded the cell time limit of 2 s"), r.stderr)
        XCTAssertEqual(survivors("sleep 9872"), [])
    }

    func interrupt(_ sig: Int32, tag: Int, expect code: Int32) throws {
        try write("notebooks/spin.md", "# Spin\n\n" + spawningCell(tag, then: "while true {}"))
        let started = try startWithPrivateTemp(["render", "notebooks/spin.md"])
        XCTAssertTrue(waitFor("sleep 98\(tag)5"), "the cell did not start its children")
        usleep(200_000)
        // Like a terminal's Ctrl-C: to folio's whole group (Foundation made it a group leader).
        let pid = started.process.processIdentifier
        if kill(-pid, sig) != 0 { kill(pid, sig) }
        let r = try started.wait()
        XCTAssertEqual(r.status, code, r.stderr)
        XCTAssertTrue(r.stderr.contains(sig == SIGINT ? "folio: interrupted" : "folio: terminated"), r.stderr)
        XCTAssertEqual(survivors("sleep 98\(tag)"), [], "the spinning program and the cell's children are gone")
        XCTAssertEqual(scratchLeft(), [], "the scratch folder is removed")
    }

    func testCtrlCStopsTheProgramAndEverythingItStarted() throws { try interrupt(SIGINT, tag: 73, expect: 130) }

    func testSIGTERMStopsTheProgramAndEverythingItStarted() throws { try interrupt(SIGTERM, tag: 74, expect: 143) }

    func testCtrlCDuringTheCompileStopsTheCompiler() throws {
        // Many distinct lines keep swiftc busy for a few seconds.
        let body = (0..<3000).map { "let v\($0) = \($0) * 2 + 1" }.joined(separator: "\n")
        try write("notebooks/big.md", "# Big\n\n```swift\n\(body)\nprint(v1)\n```\n")
        let started = try startWithPrivateTemp(["render", "notebooks/big.md"])
        XCTAssertTrue(waitFor("swift-frontend", alsoContaining: dir.path), "the compiler did not start")
        kill(started.process.processIdentifier, SIGINT)
        let r = try started.wait()
        XCTAssertEqual(r.status, 130, r.stderr)
        XCTAssertEqual(survivors("swift-frontend").filter { $0.contains(dir.path) }, [], "the compiler was stopped")
        XCTAssertEqual(scratchLeft(), [])
    }
}
