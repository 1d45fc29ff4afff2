import Foundation
import PlotData

/// One thing a cell displays. The notebook process appends these, one JSON object per line,
/// to `cell-N.outputs.jsonl` in its run directory; the runner reads them back in order.
public enum CellOutput: Codable, Equatable, Sendable {
    /// Text the cell printed (stdout or stderr), in order with the other outputs.
    case stream(name: String, text: String)
    /// A value passed to `show(_:)` or left as the cell's last line, rendered as text.
    case value(String)
    case figure(Figure)
    /// A results table (text, numbers with formats, small inline plots).
    case table(Table)
    /// A thrown error or trap, with the Markdown location when known.
    case error(CellError)
    /// A number for a sweep's aggregate page (PublishedValue); not drawn in the cell's report.
    case published(PublishedValue)
}

public struct CellError: Codable, Equatable, Sendable, Error {
    public var message: String
    public var line: Int?
    public var column: Int?
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        (self.message, self.line, self.column) = (message, line, column)
    }
}

/// A displayed item together with the stdout offset at which it was shown, so printed text
/// and shown values interleave in the order the cell produced them.
public struct OutputRecord: Codable, Equatable, Sendable {
    public var stdoutOffset: Int
    public var output: CellOutput
    public init(stdoutOffset: Int, output: CellOutput) { (self.stdoutOffset, self.output) = (stdoutOffset, output) }
}

/// JSON as the channel writes it: sorted keys, and NaN/±∞ as strings (a line with gaps is data).
public enum ChannelCoding {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }
}

/// File names inside a run directory, shared by the writer (Folio) and the reader (Runner).
public enum RunFiles {
    public static func stdout(_ cell: Int) -> String { "cell-\(cell).stdout" }
    public static func stderr(_ cell: Int) -> String { "cell-\(cell).stderr" }
    public static func outputs(_ cell: Int) -> String { "cell-\(cell).outputs.jsonl" }
    /// Appended "begin N" / "end N" lines: the last begun cell owns a crash.
    public static let progress = "progress"
    public static let environmentKey = "FOLIO_RUN_DIR"

    /// Reads the displayed items of `cell`, merged with its stdout in order.
    public static func read(cell: Int, in dir: URL) throws -> [CellOutput] {
        let out = (try? Data(contentsOf: dir.appendingPathComponent(stdout(cell)))) ?? Data()
        let err = (try? Data(contentsOf: dir.appendingPathComponent(stderr(cell)))) ?? Data()
        var records: [OutputRecord] = []
        if let data = try? Data(contentsOf: dir.appendingPathComponent(outputs(cell))) {
            let decoder = ChannelCoding.decoder()
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                let record = try decoder.decode(OutputRecord.self, from: Data(line))
                // Any value can arrive here (a buggy or hostile cell writes the file): a figure or
                // table the drawing code cannot draw fails its cell now, with the field named.
                switch record.output {
                case .figure(let f): try f.validate()
                case .table(let t): try t.validate()
                default: break
                }
                records.append(record)
            }
        }
        var result: [CellOutput] = []
        var cursor = 0
        func flush(upTo end: Int) {
            let end = min(end, out.count)
            guard end > cursor else { return }
            result.append(.stream(name: "stdout", text: String(decoding: out[cursor..<end], as: UTF8.self)))
            cursor = end
        }
        for r in records {
            flush(upTo: r.stdoutOffset)
            result.append(r.output)
        }
        flush(upTo: out.count)
        if !err.isEmpty { result.append(.stream(name: "stderr", text: String(decoding: err, as: UTF8.self))) }
        return result
    }
}
