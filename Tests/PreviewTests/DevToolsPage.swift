import Foundation
import XCTest
import TestSupport

/// A page in headless Chromium, driven through the DevTools protocol: Chromium listens on a
/// port it chooses (written to `DevToolsActivePort` in its profile), and a small Python bridge
/// (websocket-client, from PyPI: scripts/setup-test-peers) holds the page's WebSocket, reading
/// one expression per line on stdin and printing its JSON value per line on stdout. Foundation's
/// URLSessionWebSocketTask cannot be used here: Debian's libcurl is built without WebSockets.
final class DevToolsPage {
    private let browser: Process
    private let bridge: Process
    private let toBridge: FileHandle
    private let fromBridge: FileHandle
    private var buffer = Data()

    static let bridgeSource = #"""
        import json, sys, websocket
        ws = websocket.create_connection(sys.argv[1], timeout=30, suppress_origin=True)
        n = 0
        for line in sys.stdin:
            n += 1
            ws.send(json.dumps({"id": n, "method": "Runtime.evaluate",
                                "params": {"expression": line.strip(), "returnByValue": True, "awaitPromise": True}}))
            while True:
                reply = json.loads(ws.recv())
                if reply.get("id") == n:
                    break
            result = reply.get("result", {})
            if "exceptionDetails" in result:
                print(json.dumps({"error": result["exceptionDetails"].get("text", "exception")}), flush=True)
            else:
                print(json.dumps({"value": result.get("result", {}).get("value")}), flush=True)
        """#

    /// Opens `url` in a new headless Chromium whose profile lives in `folder`.
    init(url: String, folder: URL) throws {
        let profile = folder.appendingPathComponent("chromium-profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        _ = try Tools.path("python3")
        let check = try Tools.run("python3", ["-c", "import websocket"])
        if check.0 != 0 { throw MissingTool("websocket-client", remedy: "scripts/setup-test-peers installs it from PyPI") }
        browser = Process()
        browser.executableURL = URL(fileURLWithPath: try Tools.path("chromium"))
        browser.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--remote-debugging-port=0", url,
        ]
        browser.standardOutput = FileHandle.nullDevice
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        var port = ""
        let end = Date().addingTimeInterval(60)
        while Date() < end, port.isEmpty {
            port = (try? String(contentsOf: portFile, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
            usleep(50_000)
        }
        guard !port.isEmpty else { throw MissingTool("chromium's DevTools port (no DevToolsActivePort in \(profile.path))") }
        // The page's WebSocket, from the list of targets.
        var socketURL: String?
        while Date() < end, socketURL == nil {
            let list = (try? Tools.run("curl", ["-s", "http://127.0.0.1:\(port)/json/list"]).1) ?? "[]"
            let targets = (try? JSONSerialization.jsonObject(with: Data(list.utf8))) as? [[String: Any]] ?? []
            socketURL =
                targets.first { $0["type"] as? String == "page" && ($0["url"] as? String ?? "").hasPrefix(url) }?["webSocketDebuggerUrl"]
                as? String
            if socketURL == nil { usleep(100_000) }
        }
        guard let socketURL else { throw MissingTool("the page's DevTools target for \(url)") }
        bridge = Process()
        bridge.executableURL = URL(fileURLWithPath: try Tools.path("python3"))
        bridge.arguments = ["-c", Self.bridgeSource, socketURL]
        let input = Pipe(), output = Pipe()
        bridge.standardInput = input
        bridge.standardOutput = output
        toBridge = input.fileHandleForWriting
        fromBridge = output.fileHandleForReading
        try bridge.run()
    }

    /// The value of a JavaScript expression in the page (promises awaited).
    func evaluate(_ expression: String) throws -> Any? {
        toBridge.write(Data((expression.replacingOccurrences(of: "\n", with: " ") + "\n").utf8))
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = fromBridge.availableData
            guard !chunk.isEmpty else { throw MissingTool("the DevTools bridge (it ended)") }
            buffer.append(chunk)
        }
        let end = buffer.firstIndex(of: UInt8(ascii: "\n"))!
        let line = buffer[..<end]
        buffer = Data(buffer[(end + 1)...])
        let reply = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) as? [String: Any] ?? [:]
        if let error = reply["error"] { XCTFail("the page threw: \(error) for \(expression)") }
        return reply["value"] is NSNull ? nil : reply["value"]
    }

    /// A string-valued expression ("" when it is not a string).
    func string(_ expression: String) throws -> String { try evaluate(expression) as? String ?? "" }

    /// Polls a boolean expression until it holds, for at most `seconds`.
    func waitFor(_ expression: String, seconds: Double) throws -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try evaluate("Boolean(\(expression))") as? Bool == true { return true }
            usleep(50_000)
        }
        return false
    }

    /// Ends the bridge and the browser (the processes this object started).
    func close() {
        try? toBridge.close()
        bridge.waitUntilExit()
        if browser.isRunning {
            browser.terminate()
            browser.waitUntilExit()
        }
    }

    deinit { close() }
}
