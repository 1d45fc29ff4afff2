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
    static func error(
        outputs: inout [CellOutput], killedBecause: String?, stoppedBecause: String? = nil, signaled: Bool, status: Int32,
        backtrace: Backtrace?, document: Document, cell: Cell
    ) -> CellError {
        if let stoppedBecause {
            return CellError(message: "the cell was stopped: \(stoppedBecause)", line: cell.firstLine, column: 1)
        }
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
        var text = message ?? backtrace?.message ?? fallback
        var line = backtrace?.line ?? stderrLine ?? cell.firstLine
        // The backtracer, like the compiler, counts UTF-8 bytes of the tangled line.
        var column = backtrace?.line != nil ? document.markdownColumn(line: line, utf8Column: backtrace?.column ?? 1) : 1
        // An error thrown out of top-level code unwinds to compiler-generated code, so the
        // backtrace has no notebook line; the cell's only top-level `try` is where it came out.
        let uncaught = "Error raised at top level: "
        if text.hasPrefix(uncaught) {
            text = "uncaught error: " + text.dropFirst(uncaught.count).replacingOccurrences(of: "Notebook.", with: "")
            if backtrace?.line == nil, let (l, c) = soleTopLevelTry(in: cell) { (line, column) = (l, c) }
        }
        return CellError(message: text, line: line, column: column)
    }

    /// An error in words, for a message: a decoding error's own explanation rather than its
    /// `DecodingError.dataCorrupted(Context(…))` dump.
    static func describe(_ error: Error) -> String {
        if let d = error as? DecodingError {
            let context: DecodingError.Context
            switch d {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
            @unknown default: return String(describing: d)
            }
            let path = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
            var text = context.debugDescription
            if !path.isEmpty { text += " (at \(path))" }
            if let u = context.underlyingError { text += " (\(CellFailure.describe(u)))" }
            return text
        }
        if let c = (error as Any) as? CustomStringConvertible { return c.description }
        return error.localizedDescription
    }

    /// The Markdown line and column of the cell's `try`, when exactly one unindented line has one.
    static func soleTopLevelTry(in cell: Cell) -> (Int, Int)? {
        var found: [(Int, Int)] = []
        for (i, line) in cell.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, first != " ", first != "\t" else { continue }
            var rest = line[...]
            while let r = rest.range(of: "try") {
                let after = rest[r.upperBound...].first
                let before = r.lowerBound > line.startIndex ? line[line.index(before: r.lowerBound)] : " "
                if (after == " " || after == nil) && !(before.isLetter || before.isNumber || before == "_") {
                    found.append((cell.firstLine + i, line.distance(from: line.startIndex, to: r.lowerBound) + 1))
                    break
                }
                rest = rest[r.upperBound...]
            }
        }
        return found.count == 1 ? found[0] : nil
    }
}
