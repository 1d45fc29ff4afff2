internal import Foundation

/// Long arrays of numbers as binary frames beside a JSON record, instead of JSON numbers.
///
/// A 1024² heatmap written as JSON numbers is about 20 MB of text that takes longer to format
/// and parse than to draw. When an encoder carries a ``NumberFrameWriter`` in its `userInfo`
/// (under ``writerKey``), every ``FramedNumbers`` array of at least ``threshold`` values is
/// appended to the writer as a frame and the JSON holds only `{"count":n,"frame":offset}`;
/// a decoder carrying a ``NumberFrameReader`` (under ``readerKey``) reads it back. Without
/// them, arrays stay plain JSON, so every other use of the same types is unchanged.
///
/// A frame is, little-endian:
///
///     bytes 0..<4    "FNUM"
///     byte  4        element width: 8 (Float64) or 4 (Float32, used only when every value
///                    converts to Float and back with the same bit pattern)
///     bytes 5..<8    zero
///     bytes 8..<16   count of values (UInt64)
///     bytes 16..<24  checksum of the payload (UInt64, see ``checksum(_:)``)
///     bytes 24...    count × width bytes of values
///
/// Values round-trip bit for bit: NaN payloads, −0, infinities and subnormals included.
public enum NumberFrames {
    /// Arrays shorter than this stay JSON: small values keep records readable and a frame
    /// header (24 bytes) is not worth it.
    public static let threshold = 256
    /// The `userInfo` key of the ``NumberFrameWriter`` an encoder appends frames to.
    public static let writerKey = CodingUserInfoKey(rawValue: "folio.numberFrames.writer")!
    /// The `userInfo` key of the ``NumberFrameReader`` a decoder reads frames from.
    public static let readerKey = CodingUserInfoKey(rawValue: "folio.numberFrames.reader")!
    /// Size of a frame's header in bytes.
    public static let headerSize = 24
    static let magic: [UInt8] = Array("FNUM".utf8)

    /// A 64-bit checksum of `bytes`, eight bytes at a time (the tail zero-padded): it catches a
    /// frame that a cell overwrote or a disk damaged, at memory speed. Not cryptographic: the
    /// channel defends against accidents and a cell's own bugs, and the JSON record is as
    /// writable as the frames.
    ///
    /// - Parameter bytes: The payload.
    /// - Returns: The checksum; O(n).
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for i in 0..<words {
            let w = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self).littleEndian
            h = (h ^ (w &* 0xC2B2_AE3D_27D4_EB4F)).rotateLeft31 &* 0x1656_67B1_9E37_79F9
        }
        var tail: UInt64 = 0
        for (k, i) in (words * 8..<bytes.count).enumerated() { tail |= UInt64(bytes[i]) << (8 * UInt64(k)) }
        h = (h ^ (tail &* 0xC2B2_AE3D_27D4_EB4F)).rotateLeft31 &* 0x1656_67B1_9E37_79F9
        return h ^ (h >> 29)
    }
}

/// Where a frame is: what the JSON record holds in place of a long array.
public struct FrameReference: Codable, Equatable, Sendable {
    /// Byte offset of the frame in the frames the record came with.
    public var frame: Int
    /// Number of values, repeated from the frame header so a mismatch is caught.
    public var count: Int
    /// A reference to `count` values at byte `frame`.
    public init(frame: Int, count: Int) { (self.frame, self.count) = (frame, count) }
}

extension UInt64 {
    fileprivate var rotateLeft31: UInt64 { (self << 31) | (self >> 33) }
}
