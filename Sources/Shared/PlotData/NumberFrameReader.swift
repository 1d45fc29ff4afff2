public import Foundation

/// Reads back the frames a ``NumberFrameWriter`` wrote, checking each one: anything the
/// notebook process (or a disk) damaged becomes an error naming the frame, never a crash or a
/// wrong value.
///
///     let decoder = JSONDecoder()
///     decoder.userInfo[NumberFrames.readerKey] = NumberFrameReader(frames, name: "cell-3.numbers")
///     let figure = try decoder.decode(Figure.self, from: json)
public struct NumberFrameReader: Sendable {
    /// The frames, as written (offsets count from its first byte).
    public let frames: Data
    /// What messages call the frames (a file name).
    public let name: String

    /// A reader of `frames`, called `name` in errors.
    ///
    /// - Parameters:
    ///   - frames: The bytes the writer produced (a slice is fine).
    ///   - name: The file they came from, for messages.
    public init(_ frames: Data, name: String) { (self.frames, self.name) = (frames, name) }

    /// Why a frame cannot be read.
    public struct Damage: Error, CustomStringConvertible {
        /// The explanation, naming the file and the offset.
        public var description: String
    }

    /// The values of the frame `reference` points to.
    ///
    /// - Parameter reference: Offset and count, from the JSON record.
    /// - Returns: The values, bit for bit as written; O(n).
    /// - Throws: ``Damage`` when the frame is outside the file, truncated, has a bad header,
    ///   another count, or a payload that does not match its checksum.
    public func values(at reference: FrameReference) throws -> [Double] {
        let at = reference.frame
        func damage(_ why: String) -> Damage { Damage(description: "number frame at byte \(at) of \(name) \(why)") }
        guard at >= 0, at <= frames.count - NumberFrames.headerSize else {
            throw damage("is missing: the file has \(frames.count) bytes")
        }
        return try frames.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Double] in
            let header = UnsafeRawBufferPointer(rebasing: raw[at..<at + NumberFrames.headerSize])
            guard Array(header[0..<4]) == NumberFrames.magic, header[5] == 0, header[6] == 0, header[7] == 0,
                header[4] == 4 || header[4] == 8
            else { throw damage("has a damaged header") }
            let width = Int(header[4])
            let count = header.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
            guard count == UInt64(max(reference.count, 0)), reference.count >= 0 else {
                throw damage("holds \(count) values, the record expects \(reference.count)")
            }
            let start = at + NumberFrames.headerSize
            let (size, overflow) = reference.count.multipliedReportingOverflow(by: width)
            guard !overflow, size <= raw.count - start else {
                throw damage("is truncated: it needs \(NumberFrames.headerSize) + \(reference.count) × \(width) bytes, \(raw.count - at) are left")
            }
            let payload = UnsafeRawBufferPointer(rebasing: raw[start..<start + size])
            let expected = header.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
            guard NumberFrames.checksum(payload) == expected else { throw damage("does not match its checksum (it was overwritten or damaged)") }
            return Self.decode(payload, count: reference.count, width: width)
        }
    }

    private static func decode(_ payload: UnsafeRawBufferPointer, count: Int, width: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if width == 8 {
                #if _endian(little)
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: payload)
                #else
                for i in 0..<count {
                    buffer[i] = Double(bitPattern: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                }
                #endif
            } else {
                for i in 0..<count {
                    let bits = UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                    buffer[i] = Double(Float(bitPattern: bits))
                }
            }
            initialized = count
        }
    }
}
