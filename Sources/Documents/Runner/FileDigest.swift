import Foundation
import Storage

/// SHA-256 of files, remembered by (path, size, modification time, inode) in a small
/// directory so that fingerprinting the Folio library costs a `stat`, not a read, per render.
struct FileDigest {
    var memoDirectory: URL?

    /// The file's digest, or nil when it cannot be read.
    func sha256(_ url: URL) -> String? {
        let path = url.resolvingSymlinksInPath().path
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let identity = SHA256.hex("\(path)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)|\(st.st_ino)|\(st.st_dev)")
        let memo = memoDirectory?.appendingPathComponent(identity)
        if let memo, let known = try? String(contentsOf: memo, encoding: .utf8), known.count == 64 { return known }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let digest = SHA256.hex(data)
        if let memo, let dir = memoDirectory {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? AtomicFile.write(Data(digest.utf8), to: memo)
        }
        return digest
    }
}
