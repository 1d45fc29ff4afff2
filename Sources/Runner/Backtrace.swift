import Foundation

/// Where a crashed notebook process was, from the Swift runtime's backtracer
/// (`SWIFT_BACKTRACE=…,format=json,output-to=FILE`). The generated program wraps each cell in
/// `#sourceLocation`, so the crashed thread's innermost frame in the notebook file names the
/// Markdown line and column of the trapping expression — for every trap kind, including those
/// (arithmetic overflow) that print no "Fatal error" line.
struct Backtrace {
    /// The backtracer's summary, e.g. "Swift runtime failure: arithmetic overflow".
    var description: String
    var line: Int?
    var column: Int?

    /// The environment setting that makes a crashing child write `reportFile`.
    static func environmentValue(reportFile: URL) -> String {
        "enable=yes,format=json,interactive=no,threads=crashed,registers=none,images=none,sanitize=yes,output-to=\(reportFile.path)"
    }

    /// Parses the report, keeping the first frame of the crashed thread that lies in `file`.
    static func parse(_ data: Data, file: String) -> Backtrace? {
        // The report is one JSON object; tolerate text before it.
        guard let start = data.firstIndex(of: UInt8(ascii: "{")),
              let object = try? JSONSerialization.jsonObject(with: data[start...]) as? [String: Any] else { return nil }
        var result = Backtrace(description: object["description"] as? String ?? "crash")
        let threads = object["threads"] as? [[String: Any]] ?? []
        let crashed = threads.first { $0["crashed"] as? Bool == true } ?? threads.first
        for frame in crashed?["frames"] as? [[String: Any]] ?? [] {
            guard let location = frame["sourceLocation"] as? [String: Any],
                  let path = location["file"] as? String, Self.same(path, file),
                  let line = location["line"] as? Int, line > 0 else { continue }
            result.line = line
            result.column = (location["column"] as? Int).flatMap { $0 > 0 ? $0 : nil }
            break
        }
        return result
    }

    /// The debug info may hold the notebook path resolved against the compiler's folder.
    static func same(_ reported: String, _ file: String) -> Bool {
        reported == file || (!file.hasPrefix("/") && reported.hasSuffix("/" + file))
    }

    /// "Swift runtime failure: arithmetic overflow" → "arithmetic overflow".
    var message: String {
        let prefix = "Swift runtime failure: "
        return description.hasPrefix(prefix) ? String(description.dropFirst(prefix.count)) : description
    }
}
