import Foundation
import XCTest
import TestSupport

/// Runs the real `folio preview` (built beside this bundle) in a folder of its own, on a free
/// port, and talks to it over HTTP with curl, which sends request paths exactly as written.
class PreviewTestCase: XCTestCase {
    var dir: URL!
    var port: UInt16 = 0
    var preview: Process?

    override func setUpWithError() throws {
        dir = uniqueTemporaryURL("folio-preview")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let p = preview, p.isRunning {
            kill(p.processIdentifier, SIGINT)
            p.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dir)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// A TCP port nobody listens on now: the kernel's choice for port 0, released at once.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw MissingTool("a free TCP port on 127.0.0.1") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Starts `folio preview --no-browser` on a free port and waits until `page` is served.
    func startPreview(_ args: [String], page: String, extra: [String] = [], seconds: Double = 180) throws {
        port = try Self.freePort()
        let p = Process()
        p.executableURL = try Tools.builtProduct("folio")
        p.arguments = ["preview", "--no-browser", "--port", String(port)] + extra + args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_CACHE_DIR"] = dir.appendingPathComponent(".cache").path
        env["FOLIO_PREVIEW_TRACE"] = "1"
        p.environment = env
        FileManager.default.createFile(atPath: dir.appendingPathComponent("preview.out").path, contents: nil)
        FileManager.default.createFile(atPath: dir.appendingPathComponent("preview.err").path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: dir.appendingPathComponent("preview.out"))
        p.standardError = try FileHandle(forWritingTo: dir.appendingPathComponent("preview.err"))
        try p.run()
        preview = p
        let ready = waitUntil(seconds) { (try? self.get(page).status) == 200 }
        XCTAssertTrue(ready, "the preview never served \(page): \(log)")
    }

    /// What folio preview printed on standard error so far.
    var log: String { (try? String(contentsOf: dir.appendingPathComponent("preview.err"), encoding: .utf8)) ?? "" }

    /// A GET through curl: `path` is sent as written (`--path-as-is`), with `host` as the Host header.
    func get(_ path: String, host: String? = nil) throws -> (status: Int, body: String, type: String) {
        var args = ["-s", "--path-as-is", "--max-time", "10", "-o", "-", "-w", "\n%{http_code} %{content_type}"]
        if let host { args += ["-H", "Host: \(host)"] }
        args.append("http://127.0.0.1:\(port)\(path)")
        let (_, out, _) = try Tools.run("curl", args)
        guard let split = out.lastIndex(of: "\n") else { return (0, out, "") }
        let tail = out[out.index(after: split)...].split(separator: " ", maxSplits: 1)
        return (Int(tail.first ?? "") ?? 0, String(out[..<split]), tail.count > 1 ? String(tail[1]) : "")
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    func waitUntil(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    /// Ctrl-C, as a terminal sends it, then the exit status.
    func interruptPreview() -> Int32? {
        guard let p = preview else { return nil }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        return p.terminationStatus
    }
}
