import XCTest
import TestSupport

/// Drives the real `folio` executable, built beside this test bundle, as a user would.
class CLITestCase: XCTestCase {
    var dir: URL!
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        dir = uniqueTemporaryURL("folio-cli")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func folio(_ args: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        try start(args, environment: extra).wait()
    }

    /// A running `folio` in this test's folder, with its own cache folder; `wait()` collects its
    /// result. Its outputs are caught in the test's folder, not in TMPDIR, which tests watch.
    func start(_ args: [String], environment extra: [String: String] = [:]) throws -> RunningCommand {
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_CACHE_DIR"] = dir.appendingPathComponent(".cache").path
        env.merge(extra) { $1 }
        return try Command(
            try Tools.builtProduct("folio"), args, environment: env, currentDirectory: dir,
            captureFolder: dir
        ).start()
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func pdftotext(_ path: String) throws -> String {
        try Tools.output("pdftotext", [dir.appendingPathComponent(path).path, "-"])
    }

}
