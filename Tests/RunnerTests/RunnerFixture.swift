import XCTest
import Notebook
import TestSupport
@testable import Runner

/// A temporary project folder with its own Folio cache, for tests that run real notebooks.
final class RunnerFixture {
    let root: URL
    let cache: ResultCache

    init() throws {
        root = try makeTemporaryFolder("folio-runner")
        cache = ResultCache(root: root.appendingPathComponent("cache"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)  // not `atomically`: that leaves TemporaryDirectory.* in TMPDIR
        return url.path
    }

    /// Writes and runs a notebook; `cached: false` runs without the result cache.
    func run(
        _ text: String, name: String = "nb.md", cached: Bool = true, optimize: Bool? = nil,
        overrides: [String: String] = [:], limits: OutputLimits? = nil
    ) throws -> (Document, RunResult) {
        let doc = try Document.load(path: try write(name, text))
        var runner = NotebookRunner(
            toolchain: try Toolchain.locate(), workDirectory: root.appendingPathComponent("scratch-\(UUID())"),
            cache: cached ? cache : nil, optimize: optimize)
        runner.limits = limits
        return (doc, try runner.run(doc, params: try NotebookRunner.resolveParams(doc, overrides: overrides)))
    }
}
