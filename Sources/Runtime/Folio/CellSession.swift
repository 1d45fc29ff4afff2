internal import Foundation
import OutputChannel

/// The notebook process's side of the output channel. The runner's generated `main.swift`
/// hands over its table of cells once (`_folioCells`) and calls `_folioNextCell()` before
/// each cell's code and after the last: each call ends the running cell and begins the next
/// of the table; in between, stdout and stderr go to that cell's files and `show(_:)`
/// appends records. (Why the boundary takes no arguments: see `Tangler` in Runner.)
enum CellSession {
    nonisolated(unsafe) static var current = -1
    /// The cells of the program in order: index, seed, memo scope; `next` is the one to begin.
    nonisolated(unsafe) static var table: [(index: Int, seed: UInt64, memoScope: String)] = []
    nonisolated(unsafe) static var next = 0
    nonisolated(unsafe) static var directory: URL? = ProcessInfo.processInfo.environment[RunFiles.environmentKey]
        .map { URL(fileURLWithPath: $0) }
    nonisolated(unsafe) static var stdoutFD: Int32 = -1
    /// Scope of `memo` values in the running cell (set by the runner, see `Memo.swift`).
    nonisolated(unsafe) static var memoScope = ""

    /// `table`: "index:seed:memoScope" per cell, separated by spaces (memo scopes are hex).
    static func load(_ table: String) {
        self.table = table.split(separator: " ").map { entry in
            let f = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard f.count == 3, let index = Int(f[0]), let seed = UInt64(f[1]) else {
                fatalError("Folio: malformed cell table entry \(entry)")
            }
            return (index, seed, String(f[2]))
        }
        next = 0
    }

    /// Ends the running cell, then begins the next one of the table, if any is left.
    static func advance() {
        let (ending, beginning) = step()
        if let ending { end(ending) }
        if let cell = beginning { begin(cell.index, seed: cell.seed, memoScope: cell.memoScope) }
    }

    /// What the next boundary ends and begins, moving on through the table.
    static func step() -> (ending: Int?, beginning: (index: Int, seed: UInt64, memoScope: String)?) {
        let ending = next > 0 && next <= table.count ? table[next - 1].index : nil
        guard next < table.count else { next = table.count + 1; return (ending, nil) }
        next += 1
        return (ending, table[next - 1])
    }

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
        // Long arrays go to the numbers file as frames, written before the record that refers to them.
        let numbers = dir.appendingPathComponent(RunFiles.numbers(current))
        var info = stat()
        let frameBase = stat(numbers.path, &info) == 0 ? Int(info.st_size) : 0
        guard let (json, frames) = try? ChannelCoding.encode(record, frameBase: frameBase) else {
            fatalError("Folio: cannot encode output")
        }
        var line = json
        line.append(UInt8(ascii: "\n"))
        if !frames.isEmpty { appendBytes(frames, to: numbers) }
        appendBytes(line, to: dir.appendingPathComponent(RunFiles.outputs(current)))
    }

    private static func appendProgress(_ line: String) {
        guard let dir = directory else { return }
        appendBytes(Data(line.utf8), to: dir.appendingPathComponent(RunFiles.progress))
    }

    private static func appendBytes(_ data: Data, to url: URL) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { fatalError("Folio: cannot write \(url.path)") }
        // One write can be short (a frame of megabytes): loop until every byte is out.
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; fatalError("Folio: cannot write \(url.path)") }
                done += n
            }
        }
        close(fd)
    }
}

/// The running cell's random seed, derived by the runner from the document `seed` and the
/// cell's label (or its index when unlabelled): inserting a cell elsewhere does not change it.
/// Seed your generator with it: `var rng = RNG(seed: cellSeed)`. The document's own seed (front
/// matter `seed:`) is `seed`, a constant the runner declares for the notebook.
public nonisolated(unsafe) internal(set) var cellSeed: UInt64 = 0

/// For the generated program only: its cells, "index:seed:memoScope" separated by spaces.
public func _folioCells(_ table: String) { CellSession.load(table) }
/// For the generated program only: between two cells, and after the last.
public func _folioNextCell() { CellSession.advance() }
