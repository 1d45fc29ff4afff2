import XCTest

/// Drives the real `folio` executable, built beside this test bundle, as a user would.
class CLITestCase: XCTestCase {
    var dir: URL!
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    @discardableResult
    func folio(_ args: [String]) throws -> Run { try start(args).wait() }

    /// A running `folio`, with this test's own cache folder; `wait()` collects its result.
    struct Started {
        var process: Process
        var out: URL, err: URL
        func wait() throws -> Run {
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                       stderr: try String(contentsOf: err, encoding: .utf8))
        }
    }

    func start(_ args: [String]) throws -> Started {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio")
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_CACHE_DIR"] = dir.appendingPathComponent(".cache").path
        p.environment = env
        let id = UUID().uuidString
        let out = dir.appendingPathComponent(".out-\(id)"), err = dir.appendingPathComponent(".err-\(id)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        return Started(process: p, out: out, err: err)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func pdftotext(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [dir.appendingPathComponent(path).path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let d = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: d, as: UTF8.self)
    }

}
