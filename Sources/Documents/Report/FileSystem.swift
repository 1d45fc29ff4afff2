import Foundation
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations publication needs, with failures in words (Storage's AtomicFile
/// does the writing) as publication errors.
enum FileSystem {
    enum Kind { case file, directory, other }

    /// What is at `url`, without following a final symlink (a symlink counts as `other`).
    static func kind(_ url: URL) -> Kind? {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func makeDirectory(_ url: URL) throws {
        if kind(url) == .directory { return }
        if let k = kind(url), k != .directory {
            throw PublicationError("cannot create the folder \(url.relativePathForMessages): a file is in the way")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublicationError("cannot create the folder \(url.relativePathForMessages): \(reason(error))")
        }
    }

    /// Writes a new file (creating its folder); `shownAs` names it in an error.
    static func write(_ data: Data, to url: URL, shownAs: String) throws {
        try makeDirectory(url.deletingLastPathComponent())
        do { try AtomicFile.writeNew(data, to: url, shownAs: shownAs) } catch { throw PublicationError(error.description) }
    }

    /// Replaces `destination` by `source` in one step.
    static func rename(_ source: URL, _ destination: URL) throws {
        if Glibc.rename(source.path, destination.path) != 0 {
            throw PublicationError(
                "cannot move \(source.relativePathForMessages) to \(destination.relativePathForMessages): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `data` to a temporary name beside `url`, then renames it over `url`.
    static func replace(_ url: URL, with data: Data) throws {
        do { try AtomicFile.write(data, to: url, shownAs: url.relativePathForMessages) } catch { throw PublicationError(error.description) }
    }

    /// The system's words for a Foundation error, when it carries an errno.
    static func reason(_ error: Error) -> String { StorageError.reason(error) }
}

/// An exclusive lock on a folder (flock on the folder itself, so no lock file is left in the
/// published site). Released by the kernel when the process dies, so a killed render never
/// blocks the next one.
struct FolderLock {
    private let fd: Int32

    init(_ folder: URL) throws {
        fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw PublicationError("cannot open the folder \(folder.relativePathForMessages): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let message = String(cString: strerror(errno))
            close(fd)
            throw PublicationError("cannot lock the folder \(folder.relativePathForMessages): \(message)")
        }
    }

    func release() { close(fd) }
}
