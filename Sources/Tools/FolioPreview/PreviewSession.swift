import Foundation

/// What one render of a notebook told the preview.
public struct PreviewRender: Sendable {
    /// The notebook's name: its page is `output/<page>.html`.
    public var page: String
    /// Why the render failed, or nil when the page was published.
    public var failure: RenderFailure?
    /// Every file the notebook depends on, itself included: its `inputs`, bibliographies,
    /// citation style and local images. A change to any of them renders it again.
    public var dependencies: Set<String>

    /// A render's result.
    /// - Parameters:
    ///   - page: the notebook's name.
    ///   - failure: the failure, or nil.
    ///   - dependencies: the files to watch.
    public init(page: String, failure: RenderFailure?, dependencies: Set<String>) {
        self.page = page
        self.failure = failure
        self.dependencies = dependencies
    }
}

/// The preview's loop: renders every notebook once, watches what each depends on, renders a
/// notebook again when one of those files changes, and tells the open pages (`PreviewEvents`).
///
/// It renders nothing itself: `render` (folio's load → execute → publish) is given to it, so
/// this module depends on no layer of the document stack.
public final class PreviewSession: @unchecked Sendable {
    /// The channel the pages listen to.
    public let events: PreviewEvents
    private let lock = NSLock()
    private var dependencies: [String: Set<String>] = [:]
    private var pages: [String: String] = [:]
    private var queue: RenderQueue!
    private var watcher: FileWatcher!
    private let render: @Sendable (String) -> PreviewRender
    private let log: @Sendable (String) -> Void

    /// A session over `notebooks`.
    /// - Parameters:
    ///   - notebooks: the notebooks' paths.
    ///   - events: the channel to tell.
    ///   - render: renders one notebook (never called twice at once).
    ///   - log: receives one line per render for the terminal.
    public init(
        notebooks: [String], events: PreviewEvents, render: @escaping @Sendable (String) -> PreviewRender,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.events = events
        self.render = render
        self.log = log
        for n in notebooks {
            let absolute = URL(fileURLWithPath: n).standardizedFileURL.path
            dependencies[n] = [absolute]
            pages[n] = ((n as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        queue = RenderQueue { [unowned self] in self.renderNow($0) }
        watcher = FileWatcher { [unowned self] in self.changed($0) }
    }

    /// Starts watching and queues the first render of every notebook.
    public func start() {
        lock.lock()
        let all = dependencies.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let notebooks = dependencies.keys.sorted()
        lock.unlock()
        watcher.watch(all)
        watcher.start()
        for n in notebooks { queue.request(n) }
    }

    /// Whether no render is running or waiting.
    public var isIdle: Bool { queue.isIdle }

    /// Whether the watcher uses inotify (false: polling).
    public var usesInotify: Bool { watcher.usesInotify }

    /// Files changed: every notebook depending on one is marked stale and queued.
    func changed(_ files: Set<String>) {
        lock.lock()
        let hit = dependencies.filter { !$0.value.isDisjoint(with: files) }.keys.sorted()
        let names = hit.map { pages[$0] ?? $0 }
        lock.unlock()
        for (notebook, page) in zip(hit, names) {
            events.set(page, .rendering)
            queue.request(notebook)
        }
    }

    private func renderNow(_ notebook: String) {
        let started = Date()
        let result = render(notebook)
        let seconds = Date().timeIntervalSince(started)
        lock.lock()
        pages[notebook] = result.page
        dependencies[notebook] = Set(result.dependencies.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            .union([URL(fileURLWithPath: notebook).standardizedFileURL.path])
        let all = dependencies.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        lock.unlock()
        watcher.watch(all)
        if let failure = result.failure {
            events.set(result.page, .failed(failure))
            log(String(format: "folio preview: %@: render failed (%.2f s): %@: %@", notebook, seconds, failure.location, failure.message))
        } else {
            events.set(result.page, .fresh)
            log(String(format: "folio preview: %@: rendered (%.2f s)", notebook, seconds))
        }
    }
}
