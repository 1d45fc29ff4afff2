import Foundation

/// The terminal's view of the submitted tasks: pending, running, done, failed. On a terminal
/// one line redrawn in place with a bar; otherwise a line each time the counts change.
struct SlurmProgress: Equatable {
    var pending = 0
    var running = 0
    var done = 0
    var failed = 0

    nonisolated(unsafe) private static var last: SlurmProgress?
    private static let lock = NSLock()

    mutating func move(from old: String, to new: String) {
        if old == "PENDING" { pending -= 1 } else { running -= 1 }
        if new == "PENDING" { pending += 1 } else { running += 1 }
    }

    mutating func finish(from old: String, succeeded: Bool) {
        if old == "PENDING" { pending -= 1 } else { running -= 1 }
        if succeeded { done += 1 } else { failed += 1 }
    }

    var line: String { "slurm: \(pending) pending, \(running) running, \(done) done, \(failed) failed" }

    func show() {
        Self.lock.lock(); defer { Self.lock.unlock() }
        guard Self.last != self else { return }
        Self.last = self
        if isatty(2) != 0 {
            let total = max(1, pending + running + done + failed)
            let width = 30
            let filled = (done + failed) * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let end = pending + running == 0 ? "\n" : ""
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(line)\(end)".utf8))
        } else {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
    }
}
