import Foundation
import XCTest
import TestSupport

/// Ctrl-C ends a preview cleanly even mid-render; a burst of saves is one render; the PDF
/// follows the page only with `--pdf`.
final class PreviewLifecycleTests: PreviewTestCase {
    /// Processes other than this test whose command line holds `marker`.
    func processes(_ marker: String) -> [String] {
        var found: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name), pid != getpid() else { continue }
            let stat = String(decoding: FileManager.default.contents(atPath: "/proc/\(pid)/stat") ?? Data(), as: UTF8.self)
            if stat.contains(") Z ") { continue }
            let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
            let line = String(decoding: cmd.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if line.contains(marker) { found.append("\(pid): \(line)") }
        }
        return found
    }

    func testCtrlCDuringARenderStopsTheProgramAndExitsZero() throws {
        try write("notebooks/calm.md", "---\ntitle: Calm\n---\n\nProse.\n")
        try startPreview(["notebooks/calm.md"], page: "/calm.html")
        // Now an edit that starts a long-running program: it sleeps in a child it started.
        try write(
            "notebooks/calm.md",
            "---\ntitle: Calm\n---\n\nProse.\n\n```swift\nimport Foundation\nlet p = Process()\np.executableURL = URL(fileURLWithPath: \"/bin/sleep\")\np.arguments = [\"97531\"]\ntry! p.run()\np.waitUntilExit()\n```\n"
        )
        XCTAssertTrue(waitUntil(180) { !self.processes("sleep 97531").isEmpty }, "the cell never started: \(log)")
        XCTAssertEqual(interruptPreview(), 0, log)
        XCTAssertTrue(log.contains("folio: interrupted"), log)
        XCTAssertTrue(waitUntil(5) { self.processes("sleep 97531").isEmpty }, "left running: \(processes("sleep 97531"))")
        XCTAssertEqual(try get("/calm.html").status, 0, "the server is gone")
    }

    func testABurstOfSavesIsOneRender() throws {
        try write("notebooks/burst.md", "---\ntitle: Burst\n---\n\nStep 0 of 5.\n")
        try startPreview(["notebooks/burst.md"], page: "/burst.html")
        XCTAssertTrue(waitUntil(30) { self.log.components(separatedBy: "burst.md: rendered").count == 2 }, log)
        for i in 1...5 { try write("notebooks/burst.md", "---\ntitle: Burst\n---\n\nStep \(i) of 5.\n") }
        XCTAssertTrue(waitUntil(60) { (try? self.get("/burst.html").body.contains("Step 5 of 5.")) == true }, log)
        usleep(500_000)
        let renders = log.components(separatedBy: "burst.md: rendered").count - 1
        XCTAssertTrue((2...3).contains(renders), "five saves in a row: \(renders - 1) re-renders: \(log)")
        XCTAssertEqual(interruptPreview(), 0, log)
    }

    func testThePDFFollowsOnlyWithThePDFFlag() throws {
        let output = dir.appendingPathComponent("output")
        try write("notebooks/doc.md", "---\ntitle: Doc\n---\n\nOriginal words.\n")
        try startPreview(["notebooks/doc.md"], page: "/doc.pdf", extra: ["--pdf"])
        try write("notebooks/doc.md", "---\ntitle: Doc\n---\n\nRevised words.\n")
        XCTAssertTrue(
            waitUntil(60) { (try? Tools.output("pdftotext", [output.appendingPathComponent("doc.pdf").path, "-"]).contains("Revised")) == true }, log)
        XCTAssertEqual(interruptPreview(), 0, log)

        // Without --pdf: the page follows, the PDF stays as the last full render left it.
        try startPreview(["notebooks/doc.md"], page: "/doc.html")
        try write("notebooks/doc.md", "---\ntitle: Doc\n---\n\nThird words.\n")
        XCTAssertTrue(waitUntil(60) { (try? self.get("/doc.html").body.contains("Third words")) == true }, log)
        XCTAssertTrue(try Tools.output("pdftotext", [output.appendingPathComponent("doc.pdf").path, "-"]).contains("Revised"))
        XCTAssertEqual(try get("/doc.pdf").type, "application/pdf")
        XCTAssertEqual(interruptPreview(), 0, log)
    }

    /// Runs `folio preview` with `args` to its end.
    func runPreview(_ args: [String]) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_CACHE_DIR"] = dir.appendingPathComponent(".cache").path
        return try Command(
            try Tools.builtProduct("folio"), ["preview", "--no-browser"] + args, environment: env, currentDirectory: dir, captureFolder: dir
        ).run()
    }

    func testABadAddressOrABusyPortIsAUsageError() throws {
        try write("notebooks/p.md", "---\ntitle: P\n---\n\nProse.\n")
        let badHost = try runPreview(["--host", "example.com", "notebooks/p.md"])
        XCTAssertEqual(badHost.status, 4)
        XCTAssertTrue(badHost.stderr.contains("folio: error: --host expects an IP address, got 'example.com'"), badHost.stderr)
        let badPort = try runPreview(["--port", "70000", "notebooks/p.md"])
        XCTAssertEqual(badPort.status, 4)
        XCTAssertTrue(badPort.stderr.contains("--port expects a port from 1 to 65535, got 70000"), badPort.stderr)
        try startPreview(["notebooks/p.md"], page: "/p.html")
        let busy = try runPreview(["--port", String(port), "notebooks/p.md"])
        XCTAssertEqual(busy.status, 4)
        XCTAssertTrue(busy.stderr.contains("folio: error: cannot listen on 127.0.0.1:\(port)"), busy.stderr)
        XCTAssertEqual(interruptPreview(), 0, log)
    }
}
