import Foundation

/// Renders notebooks one at a time, each at most once at a time, with edits during a render
/// queued as one more render of that notebook.
///
/// A request for a notebook that is waiting does nothing (it is already going to be rendered,
/// and the render reads the file when it starts: the last state wins). A request for the one
/// being rendered queues exactly one more render after it. Notebooks wait in the order they
/// were asked for. One render at a time keeps the machine's cores for the compiler and the
/// notebook program, and never lets two renders of one notebook publish over each other.
public final class RenderQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let wake = NSCondition()
    private var waiting: [String] = []
    private var running: String?
    private let work: @Sendable (String) -> Void
    private var renders = 0

    /// A queue that calls `work` with each notebook's path, on its own thread.
    /// - Parameter work: renders one notebook; it is never called twice at once.
    public init(work: @escaping @Sendable (String) -> Void) {
        self.work = work
        let t = Thread { [self] in loop() }
        t.name = "folio.preview.render"
        t.start()
    }

    /// Asks for a render of `notebook`.
    /// - Parameter notebook: the notebook's path.
    /// - Returns: false when the request joined one already waiting.
    @discardableResult
    public func request(_ notebook: String) -> Bool {
        wake.lock()
        defer { wake.unlock() }
        guard !waiting.contains(notebook) else { return false }
        waiting.append(notebook)
        wake.signal()
        return true
    }

    /// Whether nothing is rendering or waiting.
    public var isIdle: Bool {
        wake.lock(); defer { wake.unlock() }
        return waiting.isEmpty && running == nil
    }

    /// The number of renders started so far.
    public var started: Int {
        wake.lock(); defer { wake.unlock() }
        return renders
    }

    private func loop() {
        while true {
            wake.lock()
            while waiting.isEmpty { wake.wait() }
            let next = waiting.removeFirst()
            running = next
            renders += 1
            wake.unlock()
            work(next)
            wake.lock()
            running = nil
            wake.unlock()
        }
    }
}
