public import Foundation
import PlotData

/// One thing a cell displays. The notebook process appends these, one JSON object per line,
/// to `cell-N.outputs.jsonl` in its run directory (long arrays as binary frames in
/// `cell-N.numbers`, see `ChannelFrames.swift`); the runner reads them back in order.
public enum CellOutput: Codable, Equatable, Sendable {
    /// Text the cell printed (stdout or stderr), in order with the other outputs.
    case stream(name: String, text: String)
    /// A value passed to `show(_:)` or left as the cell's last line, rendered as text.
    case value(String)
    /// A figure, drawn by the report at its physical size.
    case figure(Figure)
    /// A results table (text, numbers with formats, small inline plots).
    case table(Table)
    /// A thrown error or trap, with the Markdown location when known.
    case error(CellError)
    /// A number for a sweep's aggregate page (PublishedValue); not drawn in the cell's report.
    case published(PublishedValue)
}

/// Why a cell failed, with the notebook location when the runner could attribute it.
public struct CellError: Codable, Equatable, Sendable, Error {
    /// What went wrong, as the compiler, the trap or the thrown error said it.
    public var message: String
    /// The Markdown line (1-based), when known.
    public var line: Int?
    /// The column (1-based, in characters of the Markdown line), when known.
    public var column: Int?
    /// An error with its message and, when known, its location.
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        (self.message, self.line, self.column) = (message, line, column)
    }
}

/// A displayed item together with the stdout offset at which it was shown, so printed text
/// and shown values interleave in the order the cell produced them.
public struct OutputRecord: Codable, Equatable, Sendable {
    /// How many bytes the cell had printed when it showed the item.
    public var stdoutOffset: Int
    /// The item shown.
    public var output: CellOutput
    /// An item shown after `stdoutOffset` bytes of printed output.
    public init(stdoutOffset: Int, output: CellOutput) { (self.stdoutOffset, self.output) = (stdoutOffset, output) }
}

/// JSON as the channel writes it: sorted keys, and NaN/±∞ as strings (a line with gaps is data).
public enum ChannelCoding {
    /// The encoder the notebook process writes records with.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// The decoder the runner reads records with.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }
}

/// File names inside a run directory, shared by the writer (Folio) and the reader (Runner).
public enum RunFiles {
    /// The file holding cell `cell`'s standard output.
    public static func stdout(_ cell: Int) -> String { "cell-\(cell).stdout" }
    /// The file holding cell `cell`'s standard error.
    public static func stderr(_ cell: Int) -> String { "cell-\(cell).stderr" }
    /// The file of cell `cell`'s output records, one JSON object a line.
    public static func outputs(_ cell: Int) -> String { "cell-\(cell).outputs.jsonl" }
    /// Appended "begin N" / "end N" lines: the last begun cell owns a crash.
    public static let progress = "progress"
    /// The environment variable naming the run directory to the notebook process.
    public static let environmentKey = "FOLIO_RUN_DIR"

    /// Reads the displayed items of `cell`, merged with its stdout in order.
    public static func read(cell: Int, in dir: URL) throws -> [CellOutput] {
        let out = (try? Data(contentsOf: dir.appendingPathComponent(stdout(cell)))) ?? Data()
        let err = (try? Data(contentsOf: dir.appendingPathComponent(stderr(cell)))) ?? Data()
        var records: [OutputRecord] = []
        if let data = try? Data(contentsOf: dir.appendingPathComponent(outputs(cell))) {
            // Long arrays are frames in the cell's numbers file (ChannelFrames.swift).
            let frames = (try? Data(contentsOf: dir.appendingPathComponent(numbers(cell)))) ?? Data()
            let decoder = ChannelCoding.decoder(frames: NumberFrameReader(frames, name: numbers(cell)))
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
