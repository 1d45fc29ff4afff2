import Foundation

/// Suite `runner`: rendering a 20-cell notebook with the real `folio` binary (built beside
/// folio-bench), against `jupyter nbconvert --execute --to html` on the equivalent Python
/// notebook (`scripts/peers/runner.py`). Folio writes PDF and HTML; the peer HTML only.
///
/// - `cold-render-20`: nothing cached (`--no-cache`): tangle, compile, run, write.
/// - `prose-edit-20`: a paragraph changes before every render: cached cells, zero compiles.
/// - `cell-edit-20`: the last cell's code changes before every render: one compile, one run.
/// - `cold-scaling-500-1000`: a cold render of 1 000 one-line cells over one of 500 (no peer;
///   bound 3). Linear is 2; the compiler's cost per top-level statement grows with the
///   statements above it (see `Tangler`), so generated code per cell shows up here first.
/// - `cold-scaling-mixed-500-1000`: the same with cells that mix a declaration and statements
///   (`let vN = N` + `print(vN)`, and `print(N)` alone; bound 3), lifted out of `main.swift`
///   since stmtlift (docs/cold-render-scaling.md): 3.76 before, 1.85 after (load 4–5).
///   Measured on a shared 2-core machine: 3.8 with two boundary calls per cell (wall
///   18.4 s / 4.9 s), 2.6 with one (8.8 s / 3.4 s); the rest is the cells' own statements.
/// - `monte-carlo-default-vs-optimize`: a cold render of a loop-heavy Monte Carlo cell under the
///   default policy over the same render with `--optimize` (no peer; bound 1.3): a new user's
///   cell must run at optimised speed without asking (README, "Cells run optimised").
/// - `cold-render-20-default-vs-onone`: what the default costs a compile, a cold render of the
///   20-cell notebook by default over the same render with `--no-optimize` (bound 1.5).
/// - `trap-placed-20`: a cold render of the 20-cell notebook whose last cell traps (so it is
///   compiled at -O and again at -Onone to place the trap) over the same render that succeeds
///   (no peer; bound 2.5): the price of a failure under the default.
///
/// Under the -O default, two runs on the shared 2-core machine while four other engineers
/// built: monte-carlo-default-vs-optimize 1.07 and 1.03, cold-render-20-default-vs-onone 1.45
/// and 1.42, trap-placed-20 1.68 and 1.56; cold-render-20 5.0 s and 4.3 s (1.30× and 1.40×
/// nbconvert), cell-edit-20 5.2 s and 2.9 s (1.14× and 1.29×).
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

    /// One Monte Carlo cell, as a new user writes it: plain loops over arrays, no Tensor. The
    /// fraction of uniform d-vectors that come out sorted is 1/d!.
    static let monteCarlo = """
        ---
        title: Monte Carlo benchmark
        ---

        ```swift
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        for d in 2...6 {
            let samples = 400_000
            var b = [Double](repeating: 0, count: samples * d)
            for i in b.indices { b[i] = uniform() }
            var sorted = 0
            for s in 0..<samples {
                var ok = true
                for k in 1..<d where b[s * d + k - 1] < b[s * d + k] { ok = false; break }
                if ok { sorted += 1 }
            }
            print(d, Double(sorted) / Double(samples))
        }
        ```

        """

    /// `n` one-line cells, each declaring a value the next could use.
    static func oneLineCells(_ n: Int) -> String {
        "---\ntitle: Scaling benchmark\n---\n\n" + (0..<n).map { "```swift\nlet v\($0) = \($0)\n```\n\n" }.joined()
    }

    /// `n` cells alternating a declaration with a statement (`let vN = N` / `print(vN)`, two
    /// lines) and a statement alone (`print(N)`), the shape of real notebooks' cells.
    static func mixedCells(_ n: Int) -> String {
        "---\ntitle: Scaling benchmark\n---\n\n"
            + (0..<n).map { $0 % 2 == 0 ? "```swift\nlet v\($0) = \($0)\nprint(v\($0))\n```\n\n" : "```swift\nprint(\($0))\n```\n\n" }.joined()
    }

    /// Whether `FOLIO_BENCH_CASES` (a comma-separated list; unset: every case) names `name`.
    static func wants(_ name: String) -> Bool {
        guard let only = ProcessInfo.processInfo.environment["FOLIO_BENCH_CASES"] else { return true }
        return only.split(separator: ",").contains { $0 == name }
    }

    static func cases() -> [BenchCase] {
        let folio = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio")
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            FileHandle.standardError.write(
                Data(
                    "folio-bench: suite runner needs \(folio.path): run `swift build -c release` (the runner suite drives folio and its runtime library)\n".utf8
                ))
            exit(4)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-runner-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        scratch = work
        atexit { if let dir = RunnerSuite.scratch { try? FileManager.default.removeItem(at: dir) } }
        let path = work.appendingPathComponent("bench.md")
        var counter = 0
        func render(_ text: String, _ extra: [String], expectingFailure: Bool = false) {
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
            if (p.terminationStatus != 0) != expectingFailure {
                fatalError("folio render ended with status \(p.terminationStatus) on \(path.path)")
            }
        }
        let perSecond = { (s: Double) in 1 / s }
        let all = [
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
            BenchCase(
                suite: "runner", name: "cold-scaling-500-1000", unit: "time(1000)/time(500)", rate: { $0 },
                body: { render(oneLineCells(1000), ["--no-cache"]) },
                baseline: { render(oneLineCells(500), ["--no-cache"]) }, bound: 3),
            BenchCase(
                suite: "runner", name: "cold-scaling-mixed-500-1000", unit: "time(1000)/time(500)", rate: { $0 },
                body: { render(mixedCells(1000), ["--no-cache"]) },
                baseline: { render(mixedCells(500), ["--no-cache"]) }, bound: 3),
            BenchCase(
                suite: "runner", name: "monte-carlo-default-vs-optimize", unit: "time(default)/time(-O)", rate: { $0 },
                body: { render(monteCarlo, ["--no-cache"]) },
                baseline: { render(monteCarlo, ["--no-cache", "--optimize"]) }, bound: 1.3),
            BenchCase(
                suite: "runner", name: "cold-render-20-default-vs-onone", unit: "time(default)/time(-Onone)", rate: { $0 },
                body: { render(notebook(prose: "Introduction.", lastCellExtra: ""), ["--no-cache"]) },
                baseline: { render(notebook(prose: "Introduction.", lastCellExtra: ""), ["--no-cache", "--no-optimize"]) }, bound: 1.5),
            BenchCase(
                suite: "runner", name: "trap-placed-20", unit: "time(trap)/time(success)", rate: { $0 },
                body: {
                    render(notebook(prose: "Introduction.", lastCellExtra: "let xs = [v0]\nprint(xs[2])\n"), ["--no-cache"], expectingFailure: true)
                },
                baseline: { render(notebook(prose: "Introduction.", lastCellExtra: "let xs = [v0]\nprint(xs[0])\n"), ["--no-cache"]) }, bound: 2.5),
        ]
        return all.filter { wants($0.name) }
    }
}
