internal import Foundation
import Storage
import OutputChannel

/// Computes `value` once and keeps it across renders: the next run of any cell that asks
/// for the same key (and the same value type) loads it instead. Use it for expensive
/// results — trained weights, long sweeps — whose code you will not change while you edit
/// the prose or the plots around them.
///
/// The saved value is found again while the key, the value's type, the notebook's `params`
/// and `seed` stay the same. In a cell marked `//| cache: true` it is also tied to that
/// cell's code and every cell above it, so editing any of them recomputes it; elsewhere,
/// change the key when you change how the value is computed. Outside `folio render`
/// (no cache directory), `memo` simply computes.
///
/// ```swift
/// let weights = memo("trained-\(params.width)") { train(width: params.width) }
/// ```
///
/// - Parameters:
///   - key: Names the value; two values of the same type under one key are the same value.
///   - compute: Computes the value when no saved one matches.
/// - Returns: The saved value, or the newly computed one (which is then saved as JSON).
/// - Throws: Whatever `compute` throws (nothing is saved then).
/// - Precondition: The value encodes as JSON (a `Double.nan` inside it does not); otherwise the
///   cell stops with a message naming the key.
public func memo<Value: Codable>(_ key: String, _ compute: () throws -> Value) rethrows -> Value {
    guard let dir = Memo.directory else { return try compute() }
    let file = dir.appendingPathComponent(Memo.fileName(key: key, type: Value.self))
    if let data = try? Data(contentsOf: file),
        let value = try? ChannelCoding.decoder().decode(Memo.Box<Value>.self, from: data)
    {
        return value.value
    }
    let value = try compute()
    guard let data = try? ChannelCoding.encoder().encode(Memo.Box(value: value)) else {
        fatalError("memo(\"\(key)\"): a value of type \(Value.self) could not be encoded as JSON")
    }
    Memo.write(data, to: file)
    return value
}

enum Memo {
    nonisolated(unsafe) static var directory: URL? = ProcessInfo.processInfo.environment["FOLIO_MEMO_DIR"]
        .map { URL(fileURLWithPath: $0) }

    /// Top-level values (a bare number) are not valid JSON documents everywhere; wrap them.
    struct Box<Value: Codable>: Codable { var value: Value }

    static func fileName<Value>(key: String, type: Value.Type) -> String {
        SHA256.hex("\(CellSession.memoScope)\n\(String(reflecting: type))\n\(key)") + ".json"
    }

    /// Temporary file and rename: two renders computing the same value never tear it.
    static func write(_ data: Data, to file: URL) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tmp = file.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        guard (try? data.write(to: tmp)) != nil, rename(tmp.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: tmp)
            return
        }
    }
}

/// `memo` for tensors, saved as their shape and scalars (Tensor itself is not Codable).
///
/// ```swift
/// let gram = memo("gram-4096") { TangentKernel.gram(net, inputs: x) }
/// ```
///
/// - Parameters:
///   - key: Names the tensor (see ``memo(_:_:)-(_,()->Value)``, which this calls).
///   - compute: Computes the tensor when no saved one matches.
/// - Returns: The saved tensor, or the newly computed one.
/// - Throws: Whatever `compute` throws.
public func memo<Scalar: TensorScalar>(_ key: String, _ compute: () throws -> Tensor<Scalar>) rethrows -> Tensor<Scalar> {
    let saved = try memo(key) { () throws -> Memo.SavedTensor<Scalar> in
        let t = try compute()
        return Memo.SavedTensor(shape: t.shape, scalars: t.scalars)
    }
    return Tensor(shape: saved.shape, scalars: saved.scalars)
}

extension Memo {
    struct SavedTensor<Scalar: TensorScalar>: Codable {
        var shape: [Int]
        var scalars: [Scalar]
    }
}
