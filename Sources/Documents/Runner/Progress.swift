import Foundation
import OutputChannel

/// The child's `progress` file: "begin N t" and "end N t" lines (t: CLOCK_MONOTONIC ns).
/// The last begun cell without an end owns a crash or a timeout.
struct Progress {
    var begun: [Int: UInt64] = [:]
    var ended: [Int: UInt64] = [:]
    var order: [Int] = []

    init(runDirectory: URL) {
        let text = (try? String(contentsOf: runDirectory.appendingPathComponent(RunFiles.progress), encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let cell = Int(parts[1]), let t = UInt64(parts[2]) else { continue }
            if parts[0] == "begin" { begun[cell] = t; order.append(cell) } else if parts[0] == "end" { ended[cell] = t }
        }
    }

    /// The cell running now (begun, not ended), with its start time.
    var running: (cell: Int, since: UInt64)? {
        guard let last = order.last, ended[last] == nil, let t = begun[last] else { return nil }
        return (last, t)
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}

/// The progress file read as it grows, for the watchdog that polls it while the program runs:
/// each poll reads only the bytes appended since the last one, so a notebook of many cells
/// costs the same per poll as a short one.
final class ProgressTail {
    private let url: URL
    private var offset: UInt64 = 0
    private var partial = Data()
    private var current: (cell: Int, since: UInt64)?

    init(runDirectory: URL) { url = runDirectory.appendingPathComponent(RunFiles.progress) }

    /// The cell running now (begun, not ended), with its start time.
    func running() -> (cell: Int, since: UInt64)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return current }
        defer { try? handle.close() }
        // A cell that truncated the file: start again from its beginning.
        if let size = try? handle.seekToEnd(), size < offset { offset = 0; partial = Data() }
        try? handle.seek(toOffset: offset)
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return current }
        offset += UInt64(data.count)
        partial.append(data)
        guard let lastNewline = partial.lastIndex(of: UInt8(ascii: "\n")) else { return current }
        let complete = partial[partial.startIndex...lastNewline]
        for line in complete.split(separator: UInt8(ascii: "\n")) {
            let parts = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == 3, let cell = Int(parts[1]), let t = UInt64(parts[2]) else { continue }
            if parts[0] == "begin" { current = (cell, t) } else if parts[0] == "end", current?.cell == cell { current = nil }
        }
        partial = Data(partial[partial.index(after: lastNewline)...])
        return current
    }
}
