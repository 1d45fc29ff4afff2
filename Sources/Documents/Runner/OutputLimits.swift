import OutputChannel

/// How much printed text a cell may show inline. A cell that prints more keeps the first
/// part inline, followed by a note, and its full text goes to a log file beside the report.
public struct OutputLimits: Sendable, Equatable, Codable {
    public var lines = 10_000
    public var bytes = 1 << 20
    public init(lines: Int = 10_000, bytes: Int = 1 << 20) { (self.lines, self.bytes) = (lines, bytes) }

    /// The outputs with printed text cut at the limits, and — when something was cut — the
    /// cell's full printed text (all streams, in order) for the log file.
    func cap(_ outputs: [CellOutput], logName: String) -> (outputs: [CellOutput], log: String?) {
        var lineBudget = lines, byteBudget = bytes
        var result: [CellOutput] = []
        var cut = false, hiddenLines = 0, hiddenBytes = 0
        for output in outputs {
            guard case .stream(let name, let text) = output else { result.append(output); continue }
            if cut { hiddenLines += text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }; hiddenBytes += text.utf8.count; continue }
            let bytes = Array(text.utf8)
            var linesSeen = 0, end = 0, overLines = false
            while end < bytes.count {
                if bytes[end] == 0x0A && linesSeen + 1 > lineBudget { cut = true; overLines = true; break }
                if end + 1 > byteBudget { cut = true; break }
                if bytes[end] == 0x0A { linesSeen += 1 }
                end += 1
            }
            if cut {
                // Keep whole lines; a cell whose first line is already too long keeps whole characters.
                if let nl = bytes[..<end].lastIndex(of: 0x0A) {
                    end = nl + 1
                } else if overLines {
                    end = 0
                } else {
                    while end > 0 && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                }
                hiddenLines += bytes[end...].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                hiddenBytes += bytes.count - end
            }
            let kept = String(decoding: bytes[..<end], as: UTF8.self)
            let bytesSeen = end
            linesSeen = bytes[..<end].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            lineBudget -= linesSeen
            byteBudget -= bytesSeen
            if !kept.isEmpty { result.append(.stream(name: name, text: kept)) }
        }
        guard cut else { return (outputs, nil) }
        let full = outputs.compactMap { if case .stream(_, let t) = $0 { t } else { nil } }.joined()
        result.append(.stream(name: "stdout", text: "[output truncated: \(hiddenLines) more lines (\(hiddenBytes) bytes) in \(logName)]\n"))
        return (result, full)
    }
}
