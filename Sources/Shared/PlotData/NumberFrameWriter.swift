public import Foundation

/// Collects the frames of the arrays an encoder meets (see ``NumberFrames``); the caller
/// writes ``bytes`` next to the encoded JSON.
///
///     let writer = NumberFrameWriter()
///     let encoder = JSONEncoder()
///     encoder.userInfo[NumberFrames.writerKey] = writer
///     let json = try encoder.encode(figure)   // long arrays are now in writer.bytes
///
/// A reference type because `Encoder.userInfo` is read-only inside `encode(to:)`; one writer
/// serves one encoding on one thread (hence `@unchecked Sendable`).
public final class NumberFrameWriter: @unchecked Sendable {
    /// The frames appended so far, in order.
    public private(set) var bytes = Data()
    /// Offset of `bytes` in the file it will be appended to (frame offsets include it).
    public let base: Int

    /// A writer whose first frame will sit at byte `base` of its file.
    ///
    /// - Parameter base: The file's current size (0 for a fresh file).
    public init(base: Int = 0) { self.base = base }

    /// Appends `values` as one frame (Float32 when that loses no bit, else Float64).
    ///
    /// - Parameter values: Any doubles.
    /// - Returns: The reference the JSON record holds instead; O(n).
    public func append(_ values: [Double]) -> FrameReference {
        let reference = FrameReference(frame: base + bytes.count, count: values.count)
        let narrow = values.allSatisfy { Double(Float($0)).bitPattern == $0.bitPattern }
        var header = NumberFrames.magic + [narrow ? 4 : 8, 0, 0, 0]
        withUnsafeBytes(of: UInt64(values.count).littleEndian) { header += $0 }
        let payload: Data =
            narrow ? Self.littleEndianBytes(values.map { Float($0).bitPattern }) : Self.littleEndianBytes(values.map(\.bitPattern))
        let sum = payload.withUnsafeBytes { NumberFrames.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { header += $0 }
        bytes.append(contentsOf: header)
        bytes.append(payload)
        return reference
    }

    private static func littleEndianBytes<W: FixedWidthInteger>(_ words: [W]) -> Data {
        #if _endian(little)
        return words.withUnsafeBytes { Data($0) }
        #else
        return words.map(\.littleEndian).withUnsafeBytes { Data($0) }
        #endif
    }
}
