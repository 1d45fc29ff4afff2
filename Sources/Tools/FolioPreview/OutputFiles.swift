import Foundation

/// Maps a request path to a file under the output folder, and to nothing else.
///
/// The path is percent-decoded once, then refused if any segment is empty, `.` or `..`, or holds
/// a backslash or NUL (so `..%2f` and `%2e%2e/` are refused after decoding, not walked). The
/// file's real path (symlinks resolved) must still lie inside the output folder's real path: a
/// symlink in `output/` pointing out is not followed out.
public struct OutputFiles: Sendable {
    /// The output folder, with its symlinks resolved.
    public let root: URL

    /// The files of `output`.
    /// - Parameter output: the folder `folio render` writes into.
    public init(output: URL) {
        root = output.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The file a request path names, or nil when it names nothing inside the output folder.
    /// `/` and folders name their `index.html`.
    ///
    /// - Parameter requestPath: the request target's path, still percent-encoded.
    /// - Returns: the file's URL (its real path), or nil.
    public func file(for requestPath: String) -> URL? {
        guard requestPath.hasPrefix("/"), let decoded = requestPath.removingPercentEncoding else { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() + ["index.html"] }
        for s in segments where s.isEmpty || s == "." || s == ".." || s.contains("\\") || s.contains("\0") {
            return nil
        }
        var url = root
        for s in segments { url.appendPathComponent(String(s)) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        return contained(url)
    }

    /// `url` with its symlinks resolved if it is an existing regular file inside the root.
    func contained(_ url: URL) -> URL? {
        guard let real = realpath(url.path, nil) else { return nil }
        defer { free(real) }
        let path = String(cString: real)
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard path.hasPrefix(rootPath) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// The `Content-Type` of a file, by its extension.
    /// - Parameter url: the file.
    /// - Returns: a MIME type; `application/octet-stream` for unknown extensions.
    public static func contentType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        case "webp": "image/webp"
        case "txt", "log": "text/plain; charset=utf-8"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
