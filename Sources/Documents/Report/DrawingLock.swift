import Foundation

/// One report is drawn at a time in a process. Pango keeps a font map per thread, but the
/// threads share fontconfig and cairo's font caches, and two notebooks drawn at once (`-j 2`)
/// were seen to break one paragraph's lines differently from a serial render, and once to
/// crash, when a page needed a fallback font that no thread had loaded yet. Drawing is a small
/// part of a render (the cells run, in parallel, outside it), so drawing in turn costs little
/// and makes every report the same whatever `-j` is.
enum DrawingLock {
    private static let lock = NSLock()

    static func draw<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
