internal import Foundation

/// Who hears about formulas that did not typeset. A bad formula still lays out (as a red box),
/// so without a listener the only trace of it is on the page; a renderer binds one around its
/// drawing — a report around its pages and figure files — and every formula typeset inside,
/// by any layer (a page's text, a plot's labels, a table's cells), is reported to it with its
/// source and errors. Bound per thread, so notebooks rendered on other threads report to their
/// own. (Not a `@TaskLocal`: bound outside a task on a dispatch worker, as `-j` renders are,
/// `swift_task_localValuePush` crashed in release builds.)
public enum MathErrorSink {
    /// Hears one formula that did not typeset: its TeX source and its errors (never empty), called
    /// on the thread that typeset it.
    public typealias Listener = @Sendable (_ tex: String, _ errors: [MathError]) -> Void

    private static let lock = NSLock()
    nonisolated(unsafe) private static var listeners: [UInt: Listener] = [:]

    private static var thread: UInt { UInt(pthread_self()) }

    /// Runs `body` with `listener` hearing this thread's bad formulas, then restores the one before.
    public static func withListener<R>(_ listener: @escaping Listener, _ body: () throws -> R) rethrows -> R {
        let key = thread
        lock.lock()
        let previous = listeners[key]
        listeners[key] = listener
        lock.unlock()
        defer {
            lock.lock()
            listeners[key] = previous
            lock.unlock()
        }
        return try body()
    }

    /// Reports to this thread's listener, if any.
    static func report(_ tex: String, _ errors: [MathError]) {
        lock.lock()
        let listener = listeners[thread]
        lock.unlock()
        listener?(tex, errors)
    }
}
