import Foundation
import OutputChannel

/// The notebook process's side of the output channel. The runner's generated `main.swift`
/// calls `_folioBeginCell(n)` before each cell's code and `_folioEndCell(n)` after it; in
/// between, stdout and stderr go to that cell's files and `show(_:)` appends records.
enum CellSession {
    nonisolated(unsafe) static var current = -1
    nonisolated(unsafe) static var directory: URL? = ProcessInfo.processInfo.environment[RunFiles.environmentKey]
        .map { URL(fileURLWithPath: $0) }
    nonisolated(unsafe) static var stdoutFD: Int32 = -1
    /// Scope of `memo` values in the running cell (set by the runner, see `Memo.swift`).
    nonisolated(unsafe) static var memoScope = ""

    static func begin(_ cell: Int, seed: UInt64, memoScope: String) {
        _ = MemoryPolicy.applied
        #if canImport(Glibc)
        _ = AbortTrace.installed
        #endif
        cellSeed = seed
        self.memoScope = memoScope
        guard let dir = directory else { current = cell; return }
        fflush(stdout); fflush(stderr)
        let out = open(dir.appendingPathComponent(RunFiles.stdout(cell)).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let err = open(dir.appendingPathComponent(RunFiles.stderr(cell)).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard out >= 0, err >= 0 else { fatalError("Folio: cannot open output files in \(dir.path)") }
        dup2(out, 1); dup2(err, 2)
        close(out); close(err)
        // Line-buffered, so what a cell printed before a trap is on disk when the process dies.
        setvbuf(stdout, nil, _IOLBF, 0)
        current = cell
        appendProgress("begin \(cell) \(monotonicNanoseconds())\n")
    }

    static func end(_ cell: Int) {
        fflush(stdout); fflush(stderr)
        appendProgress("end \(cell) \(monotonicNanoseconds())\n")
    }

    /// CLOCK_MONOTONIC is shared by all processes, so the runner can time cells from these stamps.
    static func monotonicNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func append(_ output: CellOutput) {
        fflush(stdout)
        guard let dir = directory, current >= 0 else {
            // Outside the runner (a plain `swift run`), show prints.
            if case .value(let s) = output { print(s) }
            return
        }
        let offset = Int(lseek(1, 0, SEEK_CUR))
        let record = OutputRecord(stdoutOffset: max(offset, 0), output: output)
        guard var data = try? ChannelCoding.encoder().encode(record) else { fatalError("Folio: cannot encode output") }
        data.append(UInt8(ascii: "\n"))
        appendBytes(data, to: dir.appendingPathComponent(RunFiles.outputs(current)))
    }

    private static func appendProgress(_ line: String) {
        guard let dir = directory else { return }
        appendBytes(Data(line.utf8), to: dir.appendingPathComponent(RunFiles.progress))
    }

    private static func appendBytes(_ data: Data, to url: URL) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { fatalError("Folio: cannot write \(url.path)") }
        data.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// The running cell's random seed, derived by the runner from the document `seed` and the
/// cell's label (or its index when unlabelled): inserting a cell elsewhere does not change it.
/// Seed your generator with it, e.g. `var rng = Philox(seed: cellSeed)`.
public nonisolated(unsafe) internal(set) var cellSeed: UInt64 = 0

public func _folioBeginCell(_ cell: Int, seed: UInt64 = 0, memoScope: String = "") {
    CellSession.begin(cell, seed: seed, memoScope: memoScope)
}
public func _folioEndCell(_ cell: Int) { CellSession.end(cell) }
