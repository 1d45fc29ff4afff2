internal import Foundation

/// A `[Double]` that crosses the output channel as a binary frame when it is long (see
/// ``NumberFrames``): `@FramedNumbers public var values: [Double]`. The property reads and
/// writes as a plain array; only its Codable form changes, and only when the encoder or
/// decoder carries frames: everywhere else it is the plain JSON array it always was.
@propertyWrapper
public struct FramedNumbers: Codable, Equatable, Sendable {
    /// The numbers.
    public var wrappedValue: [Double]

    /// Wraps `wrappedValue`.
    ///
    /// - Parameter wrappedValue: The numbers.
    public init(wrappedValue: [Double]) { self.wrappedValue = wrappedValue }

    /// Reads a plain JSON array, or a ``FrameReference`` when the decoder has a ``NumberFrameReader``.
    ///
    /// - Parameter decoder: Any decoder.
    /// - Throws: `DecodingError` for a value that is neither, or a frame that cannot be read
    ///   (with the reader's explanation as its underlying error).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let reference = try? container.decode(FrameReference.self) else {
            wrappedValue = try container.decode([Double].self)
            return
        }
        guard let reader = decoder.userInfo[NumberFrames.readerKey] as? NumberFrameReader else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "the record refers to a number frame, but no frames came with it")
        }
        do { wrappedValue = try reader.values(at: reference) } catch let damage as NumberFrameReader.Damage {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: damage.description)
        }
    }

    /// Writes a frame and its reference when the encoder has a ``NumberFrameWriter`` and the
    /// array is long, else a plain JSON array.
    ///
    /// - Parameter encoder: Any encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if wrappedValue.count >= NumberFrames.threshold, let writer = encoder.userInfo[NumberFrames.writerKey] as? NumberFrameWriter {
            try container.encode(writer.append(wrappedValue))
        } else {
            try container.encode(wrappedValue)
        }
    }
}
