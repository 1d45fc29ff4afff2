import Foundation
import TestSupport
import XCTest

/// Drives the real `folio` (built beside the tests) against one real Slurm cluster shared by
/// the whole suite: started by the first test that needs it, stopped by its pids when the
/// test bundle finishes — passed or failed — by an XCTest observer.
class SlurmTestCase: XCTestCase {
    var dir: URL!
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    nonisolated(unsafe) private static var shared: Result<SlurmCluster, Error>?
    private static let lock = NSLock()

    /// The suite's cluster, started on first use.
    var cluster: SlurmCluster {
        get throws {
            Self.lock.lock(); defer { Self.lock.unlock() }
            if Self.shared == nil {
                Self.shared = Result { try SlurmCluster(packageRoot: Self.packageRoot) }
                if case .success(let c) = Self.shared { XCTestObservationCenter.shared.addTestObserver(ClusterStopper(c)) }
            }
            return try Self.shared!.get()
        }
    }

    override func setUpWithError() throws {
        dir = uniqueTemporaryURL("folio-slurm")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The environment of a `folio` on this cluster: its `slurm.conf`, a cache of `cache`'s name,
    /// a poll interval of one second (the default is five) unless `extra` says otherwise.
    func environment(cache: String, _ extra: [String: String] = [:]) throws -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SLURM_CONF"] = try cluster.configuration.path
        env["FOLIO_CACHE_DIR"] = dir.appendingPathComponent(cache).path
        env["FOLIO_SLURM_POLL_SECONDS"] = "1"
        env.merge(extra) { $1 }
        return env
    }

    func start(_ args: [String], cache: String, environment extra: [String: String] = [:]) throws -> RunningCommand {
        try Command(
            try Tools.builtProduct("folio"), args, environment: try environment(cache: cache, extra), currentDirectory: dir,
            captureFolder: dir
        ).start()
    }

    @discardableResult
    func folio(_ args: [String], cache: String, environment extra: [String: String] = [:]) throws -> CommandResult {
        try start(args, cache: cache, environment: extra).wait()
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Every file under `a` and `b` byte-identical, but manifest.json, which records timings
    /// and cache reasons (as between any two renders; scripts/same-outputs): of it, the files'
    /// and cells' SHA-256, the parameters, seed and inputs must match.
    func assertSameOutputs(_ a: String, _ b: String, minimumFiles: Int = 10, file: StaticString = #filePath, line: UInt = #line) throws {
        let fm = FileManager.default
        let (ra, rb) = (dir.appendingPathComponent(a), dir.appendingPathComponent(b))
        let list = { (root: URL) in
            (fm.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { p in
                var isDir: ObjCBool = false
                return fm.fileExists(atPath: root.appendingPathComponent(p).path, isDirectory: &isDir) && !isDir.boolValue
            }.sorted()
        }
        let files = list(ra)
        XCTAssertEqual(files, list(rb), "the two renders wrote different files", file: file, line: line)
        XCTAssertGreaterThanOrEqual(files.count, minimumFiles, file: file, line: line)
        for f in files {
            let (da, db) = (try Data(contentsOf: ra.appendingPathComponent(f)), try Data(contentsOf: rb.appendingPathComponent(f)))
            if f.hasSuffix("manifest.json") {
                XCTAssertEqual(try Self.essence(da), try Self.essence(db), "\(f): manifests differ", file: file, line: line)
            } else {
                XCTAssertTrue(da == db, "\(f) differs between \(a) and \(b)", file: file, line: line)
            }
        }
    }

    static func essence(_ manifest: Data) throws -> String {
        let m = try XCTUnwrap(JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let cells = (m["cells"] as? [[String: Any]] ?? []).map { "\($0["line"] ?? ""):\($0["outputSHA256"] ?? "")" }
        let keep: [String: Any] = [
            "files": m["files"] ?? [], "cells": cells, "params": m["params"] ?? [], "seed": m["seed"] ?? 0, "inputs": m["inputs"] ?? [:],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: keep, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The diagnostics (`file.md:line:col: error: …`) of a render's standard error.
    static func errors(_ stderr: String) -> [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") } }

    /// Waits until `condition` holds, polling every 0.2 s, for at most `seconds`.
    func waitUntil(_ seconds: Double, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else { throw SlurmTestFailure("waited \(seconds) s in vain for \(what)") }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}

/// Stops the suite's cluster when the test bundle ends.
private final class ClusterStopper: NSObject, XCTestObservation {
    let cluster: SlurmCluster
    init(_ cluster: SlurmCluster) { self.cluster = cluster }
    func testBundleDidFinish(_ testBundle: Bundle) { cluster.stop() }
}
