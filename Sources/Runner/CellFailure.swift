import Foundation
import Notebook
import OutputChannel

/// The error of a cell whose run did not end: a trap, an uncaught error, or a time limit.
enum CellFailure {
    /// Lines the Swift runtime and backtracer print around a crash; they are replaced by the
    /// cell's error, so the report shows the message once.
    static func isCrashNoise(_ line: Substring) -> Bool {
        line.contains("Fatal error") || line.hasPrefix("*** Signal") || line.hasPrefix("💣")
            || line.hasPrefix("Current stack trace:") || line.contains("Backtracing from")
            || line.hasPrefix("swift-runtime: ")
    }

    /// Builds the error and removes the crash noise from the cell's stderr output.
    static func error(outputs: inout [CellOutput], killedBecause: String?, signaled: Bool, status: Int32,
                      backtrace: Backtrace?, document: Document, cell: Cell) -> CellError {
        if let killedBecause {
            return CellError(message: "the cell was stopped: it exceeded the \(killedBecause)", line: cell.firstLine, column: 1)
        }
        var stderrText = ""
        outputs = outputs.compactMap { output in
            guard case .stream("stderr", let text) = output else { return output }
            stderrText += text
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !isCrashNoise($0) }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
            return kept.isEmpty ? nil : .stream(name: "stderr", text: kept + "\n")
        }
        // "Module/file.swift:LINE: Fatal error: message" — the message is the part after "Fatal error: ".
        var message: String?
        var stderrLine: Int?
        for line in stderrText.split(separator: "\n") {
            for marker in ["Fatal error", "Precondition failed", "Assertion failed"] {
                guard let r = line.range(of: marker) else { continue }
                var m = line[r.upperBound...]
                if m.hasPrefix(": ") { m = m.dropFirst(2) }
                message = m.isEmpty ? marker.lowercased() : String(m)
                // The prefix names the file and line; use it when it is the notebook.
                let prefix = line[..<r.lowerBound].dropLast(2)
                if let colon = prefix.lastIndex(of: ":"), prefix[..<colon].hasSuffix(URL(fileURLWithPath: document.path).lastPathComponent) {
                    stderrLine = Int(prefix[prefix.index(after: colon)...])
                }
                break
            }
            if message != nil { break }
        }
        let fallback = signaled ? "the cell crashed (signal \(status))" : "the cell failed (the program exited with status \(status))"
        let text = message ?? backtrace?.message ?? fallback
        let line = backtrace?.line ?? stderrLine ?? cell.firstLine
        let column = backtrace?.line != nil ? (backtrace?.column ?? 1) : 1
        return CellError(message: text, line: line, column: column)
    }
}
