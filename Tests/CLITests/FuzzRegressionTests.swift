import XCTest

/// Every committed fuzz seed and every crash the fuzzers found (Tests/Fuzz/corpus, Tests/Fuzz/crashes)
/// replayed through its harness by the normal build of `folio-fuzz`: what crashed, hung or broke
/// an invariant once must never do so again. One test per harness, so a failure names the layer.
final class FuzzRegressionTests: XCTestCase {
    let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    func testNotebookInputs() throws { try replay("notebook") }
    func testPDFInputs() throws { try replay("pdf", inputs: "notebook") }
    func testMathInputs() throws { try replay("math") }
    func testOutputsInputs() throws { try replay("outputs") }
    func testURLInputs() throws { try replay("url") }

    /// Runs `folio-fuzz HARNESS corpus/INPUTS crashes/INPUTS` (INPUTS: the harness's own by default): exit 0 and every file counted,
    /// else the message names the input that was running (the last `replay` line on stderr).
    func replay(_ harness: String, inputs: String? = nil) throws {
        let folders = ["corpus", "crashes"].map { fuzzRoot.appendingPathComponent($0).appendingPathComponent(inputs ?? harness) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let expected = folders.reduce(0) { n, folder in
            n + ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).filter { name in
                var isDir: ObjCBool = false
                return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                    && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir)
                    && !isDir.boolValue
            }.count
        }
        XCTAssertGreaterThan(expected, 0, "no committed inputs for \(harness) under \(fuzzRoot.path)")

        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio-fuzz")
        let p = Process()
        p.executableURL = exe
        p.arguments = [harness] + folders.map(\.path)
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_FUZZ_TIMEOUT"] = "10"     // seconds one input may take before it is a hang (SIGALRM)
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        // Output to files, not pipes: a full pipe would stall the child.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("folio-fuzz-replay-\(UUID())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("stdout"), errURL = tmp.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        let stdout = try String(contentsOf: outURL, encoding: .utf8)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        let last = stderr.split(separator: "\n").last { $0.hasPrefix("replay ") } ?? "(none)"
        let how = p.terminationReason == .uncaughtSignal ? "signal \(p.terminationStatus)" : "exit \(p.terminationStatus)"
        XCTAssertEqual(p.terminationStatus, 0, "\(harness): \(how) while replaying \(last.dropFirst(7))\n"
                       + stderr.split(separator: "\n").filter { !$0.hasPrefix("replay ") }.suffix(15).joined(separator: "\n"))
        XCTAssertEqual(p.terminationReason, .exit)
        XCTAssertEqual(stdout, "\(harness): \(expected) inputs replayed, none crashed\n")
    }
}
