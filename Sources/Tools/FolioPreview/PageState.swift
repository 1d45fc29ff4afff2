import Foundation

/// What the preview knows about one notebook's page: fresh, being rendered, or failed.
///
/// The browser learns it through the event stream (`PreviewEvents`): `rendering` makes the page
/// show that it is stale, `reload` brings the new page in, `failed` lays the error over the last
/// good page, which stays.
public enum PageState: Sendable, Equatable {
    /// The page under `output/` is the notebook's current state.
    case fresh
    /// A render of the notebook is running; the page shown is the last good one.
    case rendering
    /// The last render failed; the page shown is the last good one.
    case failed(RenderFailure)
}

/// Why a render failed, in the form the error overlay shows it.
public struct RenderFailure: Sendable, Equatable, Codable {
    /// `file.md:line:col` of the first error, or the notebook's path when the message has none.
    public var location: String
    /// The first error's message, without its location.
    public var message: String
    /// Everything else the render said: further errors, the failed cell's last printed lines.
    public var details: String

    /// A failure from its parts.
    /// - Parameters:
    ///   - location: `file.md:line:col`, or the notebook's path.
    ///   - message: the error's text.
    ///   - details: the rest of what the render printed.
    public init(location: String, message: String, details: String) {
        self.location = location
        self.message = message
        self.details = details
    }

    /// Reads a failure from what a render printed on standard error: the first line of the form
    /// `path:line:col: error: message` (or `folio: error: message`) gives the location and the
    /// message, every other line is kept as details.
    ///
    /// - Parameters:
    ///   - stderr: the render's messages, one per line.
    ///   - notebook: the notebook's path, the location when no line names one.
    /// - Returns: the failure; its message is the whole text when no line is an error.
    /// - Complexity: O(n) in the length of `stderr`.
    public static func parse(_ stderr: String, notebook: String) -> RenderFailure {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            guard let marker = line.range(of: ": error: ") else { continue }
            let head = String(line[..<marker.lowerBound])
            let message = String(line[marker.upperBound...])
            var rest = lines
            rest.remove(at: i)
            let details = rest.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return RenderFailure(location: head == "folio" ? notebook : head, message: message, details: details)
        }
        return RenderFailure(location: notebook, message: stderr.trimmingCharacters(in: .whitespacesAndNewlines), details: "")
    }
}
