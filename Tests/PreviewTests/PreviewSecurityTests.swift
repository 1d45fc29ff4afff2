import Foundation
import XCTest
import TestSupport

/// The preview server exposes only `output/`, only to this machine, only to pages of its own
/// origin: it binds to loopback, refuses every way out of the folder, and refuses requests
/// whose `Host` header names another site (DNS rebinding).
final class PreviewSecurityTests: PreviewTestCase {
    /// A notebook without cells: nothing to compile, so the server is up in a second.
    func startProsePreview() throws {
        try write("notebooks/plain.md", "---\ntitle: Plain\n---\n\nNothing but prose.\n")
        try write("secret.txt", "top secret\n")
        try startPreview(["notebooks/plain.md"], page: "/plain.html")
    }

    /// Local addresses of listening TCP sockets on `port`, from /proc/net/tcp and tcp6.
    func listeningAddresses(_ port: UInt16) -> [String] {
        var found: [String] = []
        let hexPort = String(format: "%04X", port)
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            let text = (try? String(contentsOfFile: table, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { continue }  // 0A: LISTEN
                let local = fields[1].split(separator: ":")
                if local.count == 2, local[1] == Substring(hexPort) { found.append(String(local[0])) }
            }
        }
        return found
    }

    func testItListensOnLoopbackOnly() throws {
        try startProsePreview()
        // 0100007F is 127.0.0.1 in the kernel's byte order; 0.0.0.0 or :: would be every interface.
        XCTAssertEqual(listeningAddresses(port), ["0100007F"])
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("preview.out"), encoding: .utf8).contains("http://127.0.0.1:\(port)/"))
    }

    func testNothingOutsideOutputIsServed() throws {
        try startProsePreview()
        let output = dir.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(
            atPath: output.appendingPathComponent("escape.txt").path, withDestinationPath: dir.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("up").path, withDestinationPath: dir.path)
        try "inside\n".write(to: output.appendingPathComponent("inside.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try get("/inside.txt").body, "inside\n", "a file inside output/ is served")
        for path in [
            "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/plain/..%2f..%2fsecret.txt",
            "/escape.txt", "/up/secret.txt", "/up/notebooks/plain.md", "/%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
            "/..\\secret.txt", "/%00", "/plain.html%00.txt",
        ] {
            let r = try get(path)
            XCTAssertEqual(r.status, 404, "\(path) was answered: \(r.body.prefix(80))")
            XCTAssertFalse(r.body.contains("top secret") || r.body.contains("root:"), path)
        }
        XCTAssertEqual(try get("/plain.html").status, 200)
    }

    func testAForeignHostHeaderIsRefused() throws {
        try startProsePreview()
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example:\(port)", "localhost:1", ""] {
            let r = try get("/plain.html", host: host)
            XCTAssertEqual(r.status, 403, "Host '\(host)' was answered")
            XCTAssertFalse(r.body.contains("Nothing but prose"))
        }
        XCTAssertEqual(try get("/__folio/events", host: "evil.example").status, 403, "the event stream too")
        XCTAssertEqual(try get("/plain.html", host: "localhost:\(port)").status, 200)
        XCTAssertEqual(try get("/plain.html", host: "127.0.0.1:\(port)").status, 200)
    }

    func testPagesGetTheScriptAndFilesAreServedAsWritten() throws {
        try startProsePreview()
        let served = try get("/plain.html")
        XCTAssertTrue(served.type.hasPrefix("text/html"))
        XCTAssertTrue(served.body.contains("<script src=\"/__folio/live.js\"></script></body>"))
        let written = try String(contentsOf: dir.appendingPathComponent("output/plain.html"), encoding: .utf8)
        XCTAssertEqual(served.body, written.replacingOccurrences(of: "</body>", with: "<script src=\"/__folio/live.js\"></script></body>"))
        XCTAssertFalse(written.contains("<script"))
        XCTAssertEqual(try get("/__folio/live.js").type, "text/javascript; charset=utf-8")
        XCTAssertEqual(interruptPreview(), 0, log)
    }
}
