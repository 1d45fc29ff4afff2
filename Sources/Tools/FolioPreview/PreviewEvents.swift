import Foundation

/// The live-reload channel: every open preview page holds one Server-Sent Events stream, and
/// each change of a notebook's `PageState` is sent to all of them.
///
/// A page that connects while a notebook is rendering or failed is told at once, so a page
/// opened after the failure still shows the overlay. Thread-safe.
public final class PreviewEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var states: [String: PageState] = [:]

    /// An empty channel, with no clients and every page fresh.
    public init() {}

    /// Sets the state of the page named `page` (the notebook's name, `output/<page>.html`) and
    /// tells every connected client.
    /// - Parameters:
    ///   - page: the notebook's name.
    ///   - state: its new state.
    public func set(_ page: String, _ state: PageState) {
        lock.lock()
        states[page] = state
        let targets = Array(clients.values)
        lock.unlock()
        let event = Array(Self.event(page, state).utf8)
        for client in targets { client.yield(event) }
    }

    /// The current state of a page (fresh when nothing was said about it).
    /// - Parameter page: the notebook's name.
    /// - Returns: the page's state.
    public func state(of page: String) -> PageState {
        lock.lock(); defer { lock.unlock() }
        return states[page] ?? .fresh
    }

    /// The number of connected clients (open preview pages).
    public var clientCount: Int {
        lock.lock(); defer { lock.unlock() }
        return clients.count
    }

    /// A new client's stream of encoded events: first a `hello` and the state of every page that
    /// is not fresh, then every change. The stream ends when the client's connection fails.
    /// - Returns: the stream and a function that removes the client.
    func subscribe() -> (AsyncStream<[UInt8]>, () -> Void) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(256))
        lock.lock()
        clients[id] = continuation
        let current = states.filter { $0.value != .fresh }.sorted { $0.key < $1.key }
        lock.unlock()
        // `retry` makes a browser reconnect quickly after the server restarts.
        continuation.yield(Array("retry: 500\nevent: hello\ndata: {}\n\n".utf8))
        for (page, state) in current { continuation.yield(Array(Self.event(page, state).utf8)) }
        let remove: () -> Void = { [weak self] in
            guard let self else { return }
            self.lock.lock()
            let c = self.clients.removeValue(forKey: id)
            self.lock.unlock()
            c?.finish()
        }
        continuation.onTermination = { _ in remove() }
        return (stream, remove)
    }

    /// One event in the `text/event-stream` format: `event:` names what happened, `data:` is a
    /// one-line JSON object (JSONEncoder escapes newlines, so the message never breaks the frame).
    static func event(_ page: String, _ state: PageState) -> String {
        struct Payload: Encodable {
            var page: String
            var failure: RenderFailure?
        }
        let name: String
        var payload = Payload(page: page)
        switch state {
        case .fresh: name = "reload"
        case .rendering: name = "rendering"
        case .failed(let f):
            name = "failed"
            payload.failure = f
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\ndata: \(json)\n\n"
    }
}

extension PreviewEvents {
    /// A comment line to every client: proxies and browsers keep an idle stream open, and the
    /// server learns of a closed page when the write fails.
    func heartbeat() {
        lock.lock()
        let targets = Array(clients.values)
        lock.unlock()
        for client in targets { client.yield(Array(": keep-alive\n\n".utf8)) }
    }
}
