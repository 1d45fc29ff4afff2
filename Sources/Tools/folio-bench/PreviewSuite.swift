import Foundation

/// Suite `preview`: edit-to-reload latency of `folio preview` on RunnerSuite's 20-cell notebook,
/// from the file write to the moment a client of the preview's event stream receives `reload`
/// (the event on which an open page swaps in the new HTML). The client is `curl -N` on the
/// stream, so the time includes the watcher's debounce, the cached render and the HTTP hop.
///
/// - `prose-reload-20`: a paragraph changes: cached cells, no compile. Goal ≤ 0.3 s.
/// - `cell-reload-20`: the last cell's code changes: one compile, one run. Goal ≤ 1.5 s.
///
/// Peer: `jupyter nbconvert --execute --to html` re-run on each save of the equivalent Python
/// notebook (`scripts/peers/preview.py`). `quarto preview` would be the natural peer, but Quarto
/// is not on PyPI nor in Debian, so it cannot be installed from this project's registries.
///
/// Measured on the shared 2-core machine (load ≈ 29, release build): prose 0.085 s per reload
/// (goal 0.3 s; nbconvert 9.8 s, 116×), cell 5.0 s (goal 1.5 s not met: the time is swiftc
/// compiling the 20-cell program under that load; nbconvert 8.4 s, 1.7×).
enum PreviewSuite {
    nonisolated(unsafe) static var scratch: URL?
    nonisolated(unsafe) static var server: Process?
    nonisolated(unsafe) static var stream: Process?

    static func cases() -> [BenchCase] {
        let folio = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio")
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            FileHandle.standardError.write(Data("folio-bench: suite preview needs \(folio.path): run `swift build -c release`\n".utf8))
            exit(4)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-preview-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        scratch = work
        atexit {
            for p in [PreviewSuite.stream, PreviewSuite.server].compactMap({ $0 }) where p.isRunning {
                kill(p.processIdentifier, SIGINT)
                p.waitUntilExit()
            }
            if let dir = PreviewSuite.scratch { try? FileManager.default.removeItem(at: dir) }
        }
        let path = work.appendingPathComponent("bench.md")
        try! RunnerSuite.notebook(prose: "Introduction.", lastCellExtra: "").write(to: path, atomically: true, encoding: .utf8)
        let port = 20000 + Int(getpid() % 20000)
        let p = Process()
        p.executableURL = folio
        p.arguments = ["preview", "--no-browser", "--port", String(port), "-o", work.appendingPathComponent("output").path, path.path]
        var env = ProcessInfo.processInfo.environment
        env["FOLIO_CACHE_DIR"] = work.appendingPathComponent("cache").path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try! p.run()
        server = p
        // The first render compiles and runs every cell; the stream is opened once it is done.
        let page = work.appendingPathComponent("output/bench.html")
        let deadline = Date().addingTimeInterval(300)
        while !FileManager.default.fileExists(atPath: page.path) {
            if Date() > deadline || !p.isRunning { fatalError("folio preview did not render the benchmark notebook") }
            usleep(20_000)
        }
        let reloads = EventCounter()
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-sN", "http://127.0.0.1:\(port)/__folio/events"]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try! curl.run()
        stream = curl
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            for _ in 0..<(text.components(separatedBy: "event: reload").count - 1) { reloads.increment() }
        }
        usleep(300_000)
        var counter = 0
        func edit(_ text: String) {
            let before = reloads.count
            try! text.write(to: path, atomically: true, encoding: .utf8)
            guard reloads.wait(above: before, seconds: 120) else { fatalError("no reload event after an edit") }
        }
        let perSecond = { (s: Double) in 1 / s }
        return [
            BenchCase(suite: "preview", name: "prose-reload-20", unit: "reloads/s", rate: perSecond) {
                counter += 1
                edit(RunnerSuite.notebook(prose: "Introduction, revision \(counter).", lastCellExtra: ""))
            },
            BenchCase(suite: "preview", name: "cell-reload-20", unit: "reloads/s", rate: perSecond) {
                counter += 1
                edit(RunnerSuite.notebook(prose: "Introduction.", lastCellExtra: "print(\"edit \(counter)\")\n"))
            },
        ]
    }
}

/// Reload events seen on the stream, and a wait for the next one.
final class EventCounter: @unchecked Sendable {
    private let condition = NSCondition()
    private var seen = 0
    var count: Int { condition.lock(); defer { condition.unlock() }; return seen }
    func increment() { condition.lock(); seen += 1; condition.broadcast(); condition.unlock() }
    func wait(above n: Int, seconds: Double) -> Bool {
        condition.lock(); defer { condition.unlock() }
        let end = Date().addingTimeInterval(seconds)
        while seen <= n { if !condition.wait(until: end) { return seen > n } }
        return true
    }
}
