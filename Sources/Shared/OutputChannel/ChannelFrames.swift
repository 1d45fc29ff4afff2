public import Foundation
import PlotData

/// The binary half of the channel: each cell's long arrays (heatmaps, surfaces, contour grids,
/// long lines and point clouds) go to `cell-N.numbers` as ``NumberFrames``, and its JSON
/// records refer to them by offset.
///
/// Why a frames file per cell beside the JSON lines rather than frames inside one stream: the
/// JSON lines stay lines (a damaged line or frame fails only the cell that owns the file, as
/// before), the notebook process only ever appends, and the frames are written before the
/// record that refers to them, so a process that dies between the two leaves an unreferenced
/// frame, never a reference to bytes that are not there. Each frame carries its count and a
/// checksum, so truncation or a cell that overwrites the file is an error of that cell.
extension ChannelCoding {
    /// The encoder the notebook process writes a record with, its long arrays into `frames`.
    ///
    /// - Parameter frames: Collects the frames (its `base` is the frames file's size).
    /// - Returns: An encoder like ``encoder()`` that writes frames.
    public static func encoder(frames: NumberFrameWriter) -> JSONEncoder {
        let e = encoder()
        e.userInfo[NumberFrames.writerKey] = frames
        return e
    }

    /// The decoder that reads records whose long arrays are in `frames`.
    ///
    /// - Parameter frames: The frames file's bytes.
    /// - Returns: A decoder like ``decoder()`` that resolves frame references.
    public static func decoder(frames: NumberFrameReader) -> JSONDecoder {
        let d = decoder()
        d.userInfo[NumberFrames.readerKey] = frames
        return d
    }

    /// A value as JSON with its long arrays as frames: what a cell's record or a cached
    /// result is on disk.
    ///
    ///     let (json, frames) = try ChannelCoding.encode(record, frameBase: 0)
    ///     let back = try ChannelCoding.decode(OutputRecord.self, from: json, frames: frames, framesName: "x")
    ///
    /// - Parameters:
    ///   - value: What to encode (a record, a cache entry).
    ///   - frameBase: The size of the file the frames will be appended to.
    /// - Returns: The JSON (one line: the encoder escapes newlines) and the frames (empty when
    ///   no array was long enough).
    /// - Throws: `EncodingError` for a value JSON cannot hold.
    public static func encode<Value: Encodable>(_ value: Value, frameBase: Int = 0) throws -> (json: Data, frames: Data) {
        let writer = NumberFrameWriter(base: frameBase)
        let json = try encoder(frames: writer).encode(value)
        return (json, writer.bytes)
    }

    /// Reads back what ``encode(_:frameBase:)`` wrote.
    ///
    /// - Parameters:
    ///   - type: The type encoded.
    ///   - json: The JSON.
    ///   - frames: The frames file's bytes (offsets count from its first byte).
    ///   - framesName: What errors call the frames (a file name).
    /// - Returns: The value, its arrays bit for bit as encoded.
    /// - Throws: `DecodingError`, naming the frame, for damaged JSON or frames.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from json: Data, frames: Data, framesName: String
    ) throws -> Value {
        try decoder(frames: NumberFrameReader(frames, name: framesName)).decode(type, from: json)
    }
}

extension RunFiles {
    /// The file of cell `cell`'s number frames, referred to from its output records.
    public static func numbers(_ cell: Int) -> String { "cell-\(cell).numbers" }
}
