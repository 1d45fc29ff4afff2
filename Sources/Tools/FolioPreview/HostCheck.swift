/// Refuses requests whose `Host` header names another site: a page on `evil.example` whose
/// name an attacker re-points at 127.0.0.1 (DNS rebinding) would otherwise read the preview,
/// and with it the notebooks' outputs, from the victim's own browser.
public struct HostCheck: Sendable {
    /// The host names the server answers to, lowercased, without port.
    public let names: Set<String>
    /// The port the server listens on.
    public let port: UInt16

    /// The check for a server bound to `host`:`port`; the loopback names are always accepted.
    /// - Parameters:
    ///   - host: the address or name given with `--host` (default 127.0.0.1).
    ///   - port: the listening port.
    public init(host: String, port: UInt16) {
        names = ["127.0.0.1", "localhost", "[::1]", host.lowercased()]
        self.port = port
    }

    /// Whether a request with this `Host` header may be answered.
    /// - Parameter header: the header's value, nil when the request has none (HTTP/1.0).
    /// - Returns: true for a known name with this server's port (or no port).
    public func allows(_ header: String?) -> Bool {
        guard let header = header?.lowercased(), !header.isEmpty else { return false }
        var name = Substring(header), port: Substring? = nil
        if let colon = header.lastIndex(of: ":"), !header.hasSuffix("]") {
            name = header[..<colon]
            port = header[header.index(after: colon)...]
        }
        if let port, port != Substring(String(self.port)) { return false }
        return names.contains(String(name))
    }
}
