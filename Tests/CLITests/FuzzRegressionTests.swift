import XCTest
import TestSupport

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
    func testBibliographyInputs() throws { try replay("bib") }
    func testCSLStyleInputs() throws { try replay("csl") }
    func testDivInputs() throws { try replay("divs") }
    func testCitationInputs() throws { try replay("citations") }
    func testTangleInputs() throws { try replay("tangle") }

    /// Runs `folio-fuzz HARNESS corpus/INPUTS crashes/INPUTS` (INPUTS: the harness's own by default): exit 0 and every file counted,
    /// else the message names the input that was running (the last `replay` line on stderr).
    func replay(_ harness: String, inputs: String? = nil) throws {
        let folders = ["corpus", "crashes"].map { fuzzRoot.appendingPathComponent($0).appendingPathComponent(inputs ?? harness) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let expected = folders.reduce(0) { n, folder in
            n
                + ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).filter { name in
                    var isDir: ObjCBool = false
                    return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                        && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir)
                        && !isDir.boolValue
                }.count
        }
        XCTAssertGreaterThan(expected, 0, "no committed inputs for \(harness) under \(fuzzRoot.path)")

        var env = ProcessInfo.processInfo.environment
        env["FOLIO_FUZZ_TIMEOUT"] = "10"  // seconds one input may take before it is a hang (SIGALRM)
        env["SWIFT_BACKTRACE"] = "enable=no"
        let r = try Command(try Tools.builtProduct("folio-fuzz"), [harness] + folders.map(\.path), environment: env).run()
        let last = r.stderr.split(separator: "\n").last { $0.hasPrefix("replay ") } ?? "(none)"
        let how = r.reason == .uncaughtSignal ? "signal \(r.status)" : "exit \(r.status)"
        XCTAssertEqual(
            r.status, 0,
            "\(harness): \(how) while replaying \(last.dropFirst(7))\n"
                + r.stderr.split(separator: "\n").filter { !$0.hasPrefix("replay ") }.suffix(15).joined(separator: "\n"))
        XCTAssertEqual(r.reason, .exit)
        XCTAssertEqual(r.stdout, "\(harness): \(expected) inputs replayed, none crashed\n")
    }
}
