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
    /// The crashed thread recursed through the same notebook location over and over and then
    /// faulted: the stack ran out.
    var stackOverflow = false
    /// The innermost frame's function when it lies outside the notebook (e.g. `Array.init(repeating:count:)`).
    var innermostFunction: String?

    /// The environment setting that makes a crashing child write `reportFile`.
    static func environmentValue(reportFile: URL) -> String {
        "enable=yes,format=json,interactive=no,threads=crashed,registers=none,images=none,sanitize=yes,output-to=\(reportFile.path)"
    }

    /// Parses the report, keeping the first frame of the crashed thread that lies in `file`.
    static func parse(_ data: Data, file: String) -> Backtrace? {
        // The report is one JSON object; tolerate text before it.
        guard let start = data.firstIndex(of: UInt8(ascii: "{")),
            let object = try? JSONSerialization.jsonObject(with: data[start...]) as? [String: Any]
        else { return nil }
        var result = Backtrace(description: object["description"] as? String ?? "crash")
        let threads = object["threads"] as? [[String: Any]] ?? []
        let crashed = threads.first { $0["crashed"] as? Bool == true } ?? threads.first
        let frames = crashed?["frames"] as? [[String: Any]] ?? []
        var counts: [String: Int] = [:]
        var notebookFrames = 0
        for frame in frames {
            guard let location = frame["sourceLocation"] as? [String: Any],
                let path = location["file"] as? String, Self.same(path, file),
                let line = location["line"] as? Int, line > 0
            else { continue }
            let column = (location["column"] as? Int).flatMap { $0 > 0 ? $0 : nil }
            counts["\(line):\(column ?? 0)", default: 0] += 1
            notebookFrames += 1
            // Column 0 is a function's prologue (where a stack overflow faults): the call that
            // entered it, in the next notebook frame, is the place to show.
            if notebookFrames == 1 || (notebookFrames == 2 && result.column == nil && column != nil) {
                (result.line, result.column) = (line, column)
            }
        }
        // One location repeated through most of a deep stack, then a fault: infinite recursion.
        let deepest = counts.values.max() ?? 0
        result.stackOverflow =
            frames.count >= 32 && deepest >= frames.count / 2
            && (result.description.contains("Bad pointer dereference") || result.description.contains("Segmentation"))
        if let first = frames.first, first["sourceLocation"].flatMap({ ($0 as? [String: Any])?["file"] as? String }).map({ !Self.same($0, file) }) ?? true,
            let d = first["description"] as? String, let plus = d.range(of: " + ")
        {
            result.innermostFunction = String(d[..<plus.lowerBound])
        }
        return result
    }

    /// The debug info may hold the notebook path resolved against the compiler's folder.
    static func same(_ reported: String, _ file: String) -> Bool {
        reported == file || (!file.hasPrefix("/") && reported.hasSuffix("/" + file))
    }

    /// "Swift runtime failure: arithmetic overflow" → "arithmetic overflow".
    var message: String {
        if stackOverflow { return "stack overflow (a recursion that never ends?)" }
        let prefix = "Swift runtime failure: "
        let text = description.hasPrefix(prefix) ? String(description.dropFirst(prefix.count)) : description
        // A bare signal name says little: name the library function it happened in.
        if text == "Bad pointer dereference", let f = innermostFunction, !f.isEmpty, !f.hasPrefix("0x") {
            return "\(text) in \(f)" + (f.contains("Array") || f.contains("alloc") ? " (is the array too large to allocate?)" : "")
        }
        return text
    }
}
