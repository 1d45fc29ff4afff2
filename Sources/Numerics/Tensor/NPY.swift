public import Foundation

/// NumPy `.npy` files (format version 1.0/2.0, C order, little-endian): float32, float64,
/// int64 and bool, so arrays move between notebooks and Python.
public enum NPY {
    /// A file that is not a `.npy` file Folio reads, with the reason.
    public struct FormatError: Error, CustomStringConvertible {
        /// The file.
        public var path: String
        /// What is wrong with it ("dtype '<i2' is not float64", "truncated payload").
        public var reason: String
        public var description: String { "npy \(path): \(reason)" }
    }

    /// The header fields and raw little-endian payload of a file.
    struct Contents { var descr: String; var shape: [Int]; var payload: Data }

    static func encode(descr: String, shape: [Int], payload: Data) -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        // Pad with spaces so magic (6) + version (2) + length (2) + header + "\n" is a multiple of 64.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let len = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(len & 0xFF), UInt8(len >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.append(payload)
        return data
    }

    static func decode(_ data: Data, path: String) throws -> Contents {
        func fail(_ r: String) -> FormatError { FormatError(path: path, reason: r) }
        let bytes = [UInt8](data)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else { throw fail("not a .npy file (bad magic)") }
        let major = bytes[6]
        let (headerLen, start): (Int, Int)
        switch major {
        case 1: headerLen = Int(bytes[8]) | Int(bytes[9]) << 8; start = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated header") }
            headerLen = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }; start = 12
        default: throw fail("unsupported format version \(major)")
        }
        guard bytes.count >= start + headerLen, let header = String(bytes: bytes[start..<(start + headerLen)], encoding: .utf8) else {
            throw fail("truncated header")
        }
        func field(_ key: String) throws -> String {
            guard let r = header.range(of: "'\(key)':") else { throw fail("header has no '\(key)': \(header)") }
            return String(header[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        let descrField = try field("descr")
        guard descrField.first == "'", let end = descrField.dropFirst().firstIndex(of: "'") else { throw fail("bad descr in \(header)") }
        let descr = String(descrField[descrField.index(after: descrField.startIndex)..<end])
        if try field("fortran_order").hasPrefix("True") { throw fail("Fortran-order arrays are not supported (save with order='C')") }
        let shapeField = try field("shape")
        guard let open = shapeField.firstIndex(of: "("), let close = shapeField.firstIndex(of: ")") else { throw fail("bad shape in \(header)") }
        let dims = shapeField[shapeField.index(after: open)..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let shape = try dims.map { d -> Int in
            guard let v = Int(d), v >= 0 else { throw fail("bad dimension '\(d)' in \(header)") }
            return v
        }
        return Contents(descr: descr, shape: shape, payload: data.subdata(in: (start + headerLen)..<data.count))
    }

    static func read(_ url: URL) throws -> Contents {
        try decode(Data(contentsOf: url), path: url.path)
    }

    /// Reinterprets `payload` as `count` values of a fixed-width little-endian type.
    static func values<V>(_ payload: Data, count: Int, path: String, as _: V.Type) throws -> [V] {
        guard payload.count == count * MemoryLayout<V>.size else {
            throw FormatError(path: path, reason: "payload has \(payload.count) bytes, expected \(count * MemoryLayout<V>.size)")
        }
        return payload.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<V>.size, as: V.self) } }
    }
}

extension Tensor {
    /// Writes this tensor as a `.npy` file (float32 or float64).
    public func save(npy url: URL) throws {
        let payload = scalars.withUnsafeBytes { Data($0) }
        try NPY.encode(descr: Scalar.npyDescr, shape: shape, payload: payload).write(to: url)
    }

    /// Reads a float32 or float64 `.npy` file, converting to this tensor's precision.
    public init(npy url: URL) throws {
        let c = try NPY.read(url), n = c.shape.reduce(1, *)
        switch c.descr {
        case "<f4": self.init(shape: c.shape, scalars: try NPY.values(c.payload, count: n, path: url.path, as: Float.self).map { Scalar($0) })
        case "<f8": self.init(shape: c.shape, scalars: try NPY.values(c.payload, count: n, path: url.path, as: Double.self).map { Scalar($0) })
        default: throw NPY.FormatError(path: url.path, reason: "dtype '\(c.descr)' is not float32/float64 (use IntTensor or BoolTensor)")
        }
    }
}

extension IntTensor {
    /// Writes an int64 `.npy` file.
    public func save(npy url: URL) throws {
        let payload = scalars.map { Int64($0) }.withUnsafeBytes { Data($0) }
        try NPY.encode(descr: "<i8", shape: shape, payload: payload).write(to: url)
    }

    /// Reads an int64 (or int32) `.npy` file.
    public init(npy url: URL) throws {
        let c = try NPY.read(url), n = c.shape.reduce(1, *)
        switch c.descr {
        case "<i8": self.init(shape: c.shape, scalars: try NPY.values(c.payload, count: n, path: url.path, as: Int64.self).map { Int($0) })
        case "<i4": self.init(shape: c.shape, scalars: try NPY.values(c.payload, count: n, path: url.path, as: Int32.self).map { Int($0) })
        default: throw NPY.FormatError(path: url.path, reason: "dtype '\(c.descr)' is not int64/int32")
        }
    }
}

extension BoolTensor {
    /// Writes a bool `.npy` file (one byte per element).
    public func save(npy url: URL) throws {
        try NPY.encode(descr: "|b1", shape: shape, payload: Data(scalars.map { $0 ? 1 : 0 })).write(to: url)
    }

    /// Reads a bool `.npy` file (NumPy `np.load` of a `bool` array).
    ///
    /// - Parameter url: The file.
    /// - Throws: ``NPY/FormatError`` when it is not a C-order bool `.npy` file.
    public init(npy url: URL) throws {
        let c = try NPY.read(url), n = c.shape.reduce(1, *)
        guard c.descr == "|b1" else { throw NPY.FormatError(path: url.path, reason: "dtype '\(c.descr)' is not bool") }
        self.init(shape: c.shape, scalars: try NPY.values(c.payload, count: n, path: url.path, as: UInt8.self).map { $0 != 0 })
    }
}
