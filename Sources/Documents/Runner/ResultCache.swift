import Foundation
import Storage
import OutputChannel

/// Folio's persistent cache directory:
///
///     results/<k0k1>/<key>.result a cell's outputs and status, by its ExecutionPlan key
///     results/<k0k1>/<key>.log    the full output of a cell whose inline output was capped
///     programs/<digest>           compiled notebook programs, by source + flags + toolchain
///     notebooks/<digest>.json     the last plan of each notebook, for `--explain`
///     memo/                       values saved by `memo(_:_:)` in cells
///     digests/                    remembered file digests (see FileDigest)
///
/// Every write is a temporary file renamed into place, so concurrent renders sharing the
/// cache see either the old entry or the new one, never a torn file.
public struct ResultCache: Sendable {
    public var root: URL
    public init(root: URL) { self.root = root }

    /// One cached cell result. Error lines are stored relative to the cell's first line.
    struct Entry: Codable {
        var outputs: [CellOutput]
        var status: RunResult.CellStatus
        var seconds: Double
        var hasLog: Bool
        /// `CellResult.optimization`; absent in results stored before it was recorded.
        var optimization: String?
    }

    var digests: URL { root.appendingPathComponent("digests") }
    var memo: URL { root.appendingPathComponent("memo") }

    private func resultURL(_ key: String, _ ext: String) -> URL {
        root.appendingPathComponent("results/\(key.prefix(2))/\(key).\(ext)")
    }

    /// The first line of every result file. Version 2 (number frames) replaced the plain JSON
    /// of version 1, kept in `<key>.json`: those files are never read again, and a file at the
    /// new path without this line (an older or foreign format) is a miss, so the cell runs
    /// again rather than being misread.
    static let formatLine = Data("folio-result 2\n".utf8)

    /// The cached result, or nil when there is none or it cannot be read as this version.
    func load(_ key: String) -> Entry? {
        guard let data = try? Data(contentsOf: resultURL(key, "result")), data.starts(with: Self.formatLine) else { return nil }
        let body = data.dropFirst(Self.formatLine.count)
        guard let newline = body.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return try? ChannelCoding.decode(
            Entry.self, from: Data(body[..<newline]), frames: Data(body[(newline + 1)...]), framesName: "cached result \(key)")
    }

    func logURL(_ key: String) -> URL { resultURL(key, "log") }

    func store(_ entry: Entry, key: String, log: String?) throws {
        if let log { try AtomicFile.write(Data(log.utf8), to: resultURL(key, "log")) }
        // The format line, the entry as one JSON line (the encoder escapes newlines), then the
        // frames of its long arrays: one file, so one atomic rename publishes all of it.
        let (json, frames) = try ChannelCoding.encode(entry)
        var file = Self.formatLine
        file.append(json)
        file.append(UInt8(ascii: "\n"))
        file.append(frames)
        try AtomicFile.write(file, to: resultURL(key, "result"))
    }

    func programURL(_ digest: String) -> URL { root.appendingPathComponent("programs/\(digest)") }

    /// The SHA-256 and size of a cached program's bytes, stored beside it.
    func programChecksumURL(_ digest: String) -> URL { root.appendingPathComponent("programs/\(digest).sha256") }

    /// The cached program, if its bytes are the ones that were stored: a truncated or
    /// overwritten program (a full disk, a stray write) is deleted, to be compiled again,
    /// rather than run into a report with missing cells or a failure on every render.
    func verifiedProgram(_ digest: String) -> URL? {
        let url = programURL(digest), sum = programChecksumURL(digest)
        guard FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        if let expected = try? String(contentsOf: sum, encoding: .utf8),
            let data = FileManager.default.contents(atPath: url.path),
            expected.trimmingCharacters(in: .whitespacesAndNewlines) == "\(data.count) \(SHA256.hex(data))"
        {
            return url
        }
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: sum)
        return nil
    }

    /// Moves a freshly compiled program into the cache (a rename, so it is atomic), its
    /// checksum written first: a program without a matching checksum is never used.
    func storeProgram(_ binary: URL, digest: String) throws -> URL {
        let target = programURL(digest)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(digest).\(UUID().uuidString)")
        try FileManager.default.copyItem(at: binary, to: staging)
        guard let data = FileManager.default.contents(atPath: staging.path) else {
            try? FileManager.default.removeItem(at: staging)
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: staging.path])
        }
        try AtomicFile.write(Data("\(data.count) \(SHA256.hex(data))\n".utf8), to: programChecksumURL(digest))
        guard rename(staging.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: staging)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        return target
    }

    func notebookRecordURL(_ path: String) -> URL {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return root.appendingPathComponent("notebooks/\(SHA256.hex(absolute)).json")
    }

    func loadRecord(for path: String) -> ExecutionRecord? {
        guard let data = try? Data(contentsOf: notebookRecordURL(path)) else { return nil }
        return try? JSONDecoder().decode(ExecutionRecord.self, from: data)
    }

    func storeRecord(_ record: ExecutionRecord, for path: String) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try e.encode(record), to: notebookRecordURL(path))
    }

    /// Removes everything but the compiler's module cache; returns the number of bytes freed.
    @discardableResult
    public func clear() throws -> Int {
        var freed = 0
        for sub in ["results", "programs", "notebooks", "memo", "digests"] {
            let dir = root.appendingPathComponent(sub)
            if let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.fileSizeKey]) {
                for case let f as URL in e { freed += (try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
            }
            if FileManager.default.fileExists(atPath: dir.path) { try FileManager.default.removeItem(at: dir) }
        }
        return freed
    }

}

/// The plan of a notebook's last render, kept so the next one can say what changed.
struct ExecutionRecord: Codable {
    var context: ExecutionContext
    var entries: [ExecutionPlan.Entry]
}
