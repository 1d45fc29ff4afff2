import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server: the files under `output/`, HTML pages with the live-reload tag
/// added, the script itself and the event stream.
///
/// It binds to `127.0.0.1` unless told otherwise, answers only requests whose `Host` names it
/// (`HostCheck`), only `GET` and `HEAD`, and only files inside the output folder
/// (`OutputFiles`). Every response says `Cache-Control: no-store`: a page must never come back
/// stale from the browser's cache after a render.
///
/// ```swift
/// let server = try PreviewServer(output: URL(fileURLWithPath: "output"), host: "127.0.0.1", port: 4848, events: PreviewEvents())
/// try await server.run()
/// ```
public final class PreviewServer: Sendable {
    /// The files served.
    public let files: OutputFiles
    /// The live-reload channel the event stream follows.
    public let events: PreviewEvents
    /// The address bound to.
    public let host: String
    /// The port bound to.
    public let port: UInt16
    private let server: HTTPServer

    /// A server over `output`, not yet listening.
    /// - Parameters:
    ///   - output: the folder to serve.
    ///   - host: the IPv4 or IPv6 address to bind (`127.0.0.1` by default in `folio preview`).
    ///   - port: the TCP port (1–65535).
    ///   - events: the channel whose events the pages receive.
    /// - Throws: `PreviewError` when `host` is not a numeric address.
    public init(output: URL, host: String, port: UInt16, events: PreviewEvents) throws {
        files = OutputFiles(output: output)
        self.events = events
        self.host = host
        self.port = port
        let address: any SocketAddress
        if host.contains(":") {
            guard let a = try? sockaddr_in6.inet6(ip6: host, port: port) else { throw PreviewError("--host expects an IP address, got '\(host)'") }
            address = a
        } else {
            guard let a = try? sockaddr_in.inet(ip4: host, port: port) else { throw PreviewError("--host expects an IP address, got '\(host)'") }
            address = a
        }
        // The event stream's handler returns at once (its body streams afterwards), so the
        // handler timeout only bounds reading a file.
        let check = HostCheck(host: host, port: port)
        let files = self.files
        server = HTTPServer(
            config: .init(address: address, timeout: 30, logger: .disabled),
            handler: ClosureHTTPHandler { request in Self.respond(to: request, files: files, events: events, check: check) })
    }

    /// Listens until the task is cancelled or `stop` is called.
    /// - Throws: the socket's error when the address cannot be bound (a port in use).
    public func run() async throws {
        // Idle streams are written to every 10 s, so closed pages are noticed and dropped.
        let beat = Task { [events] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 10_000_000_000)
                events.heartbeat()
            }
        }
        defer { beat.cancel() }
        try await server.run()
    }

    /// Waits until the socket is bound and listening.
    /// - Parameter timeout: seconds to wait at most.
    /// - Throws: a timeout error when it does not listen in time.
    public func waitUntilListening(timeout: TimeInterval = 10) async throws {
        try await server.waitUntilListening(timeout: timeout)
    }

    /// Stops listening and closes the connections.
    public func stop() async { await server.stop(timeout: 0.5) }

    /// The response to one request. Pure apart from reading the file: testable without a socket.
    static func respond(to request: HTTPRequest, files: OutputFiles, events: PreviewEvents, check: HostCheck) -> HTTPResponse {
        guard check.allows(request.headers[.host]) else {
            return text(.forbidden, "folio preview: refused: the Host header names another site (DNS rebinding protection)\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "folio preview: only GET and HEAD\n")
        }
        let path = request.target.path(percentEncoded: true)
        if path == LiveReloadScript.eventsPath {
            let (stream, _) = events.subscribe()
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store", HTTPHeader("X-Accel-Buffering"): "no"],
                body: HTTPBodySequence(from: EventStreamBody(events: stream), suggestedBufferSize: 64 * 1024))
        }
        if path == LiveReloadScript.path {
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: Data(LiveReloadScript.source.utf8))
        }
        guard let url = files.file(for: path), var data = FileManager.default.contents(atPath: url.path) else {
            return text(.notFound, "folio preview: not found: nothing under output/ has this path\n")
        }
        let type = OutputFiles.contentType(url)
        if type.hasPrefix("text/html") { data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8) }
        let headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
        return HTTPResponse(
            statusCode: .ok, headers: headers,
            body: request.method == .HEAD ? Data() : data)
    }

    static func text(_ status: HTTPStatusCode, _ body: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data(body.utf8))
    }
}

/// A preview that cannot start or go on, with the reason in words.
public struct PreviewError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// An error saying `description`.
    /// - Parameter description: the reason.
    public init(_ description: String) { self.description = description }
}
