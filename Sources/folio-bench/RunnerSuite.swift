import Foundation

/// Suite `runner`: rendering a 20-cell notebook with the real `folio` binary (built beside
/// folio-bench), against `jupyter nbconvert --execute --to html` on the equivalent Python
/// notebook (`scripts/peers/runner.py`). Folio writes PDF and HTML; the peer HTML only.
///
/// - `cold-render-20`: nothing cached (`--no-cache`): tangle, compile, run, write.
/// - `prose-edit-20`: a paragraph changes before every render: cached cells, zero compiles.
/// - `cell-edit-20`: the last cell's code changes before every render: one compile, one run.
enum RunnerSuite {
    static let cellCount = 20
    /// Removed when folio-bench exits.
    nonisolated(unsafe) static var scratch: URL?

    /// Cell i sums a thousand numbers and prints the total, like the peer's cell i.
    static func notebook(prose: String, lastCellExtra: String) -> String {
        var s = "---\ntitle: Runner benchmark\n---\n\n\(prose)\n\n"
        for i in 0..<cellCount {
            s += "Cell \(i) computes a sum.\n\n```swift\nlet v\(i) = (0..<1000).map { Double($0) * \(i) }.reduce(0, +)\nprint(\"cell \(i):\", v\(i))\n"
            if i == cellCount - 1 { s += lastCellExtra }
            s += "```\n\n"
        }
        return s
    }

    static func cases() -> [BenchCase] {
        let folio = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio")
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            FileHandle.standardError.write(Data("folio-bench: suite runner needs \(folio.path): run `swift build -c release` (the runner suite drives folio and its runtime library)\n".utf8))
            exit(4)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-runner-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        scratch = work
        atexit { if let dir = RunnerSuite.scratch { try? FileManager.default.removeItem(at: dir) } }
        let path = work.appendingPathComponent("bench.md")
        var counter = 0
        func render(_ text: String, _ extra: [String]) {
            try! text.write(to: path, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = folio
            p.arguments = ["render", path.path, "-o", work.appendingPathComponent("output").path] + extra
            var env = ProcessInfo.processInfo.environment
            env["FOLIO_CACHE_DIR"] = work.appendingPathComponent("cache").path
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            try! p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { fatalError("folio render failed with status \(p.terminationStatus) on \(path.path)") }
        }
        let perSecond = { (s: Double) in 1 / s }
        return [
            BenchCase(suite: "runner", name: "cold-render-20", unit: "renders/s", rate: perSecond) {
                render(notebook(prose: "Introduction.", lastCellExtra: ""), ["--no-cache"])
            },
            BenchCase(suite: "runner", name: "prose-edit-20", unit: "renders/s", rate: perSecond) {
                counter += 1
                render(notebook(prose: "Introduction, revision \(counter).", lastCellExtra: ""), [])
            },
            BenchCase(suite: "runner", name: "cell-edit-20", unit: "renders/s", rate: perSecond) {
                counter += 1
                render(notebook(prose: "Introduction.", lastCellExtra: "print(\"edit \(counter)\")\n"), [])
            },
        ]
    }
}
