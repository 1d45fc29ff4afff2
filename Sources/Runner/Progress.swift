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
