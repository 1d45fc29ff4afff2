public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file writes that a crash, a kill or a full disk never leave half done: the bytes go
/// to a temporary name beside the destination, which a rename then replaces in one step. The
/// one helper for the result cache and for publication, on POSIX calls so that a failure says
/// what failed in words ("cannot write output/x.pdf: No space left on device") rather than
/// Foundation's `NSCocoaErrorDomain Code=512 "(null)"`.
public enum AtomicFile {
    /// Replaces (or creates) `url` with `data`, creating its folder. `shownAs` names the file
    /// in an error (a path relative to what the user typed, say); by default its path.
    public static func write(_ data: Data, to url: URL, shownAs: String? = nil) throws(StorageError) {
        let name = shownAs ?? url.path
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StorageError("cannot create the folder for \(name): \(StorageError.reason(error))")
        }
        let temp = folder.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        do throws(StorageError) {
            try writeNew(data, to: temp, shownAs: name)
            if rename(temp.path, url.path) != 0 { throw StorageError("cannot write \(name): \(StorageError.errnoText())") }
        } catch {
            _ = unlink(temp.path)
            throw error
        }
    }

    /// Writes `data` to `url`, creating or truncating it in place (for files inside a folder
    /// that is itself published in one step, such as a staging folder).
    public static func writeNew(_ data: Data, to url: URL, shownAs: String) throws(StorageError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StorageError("cannot write \(shownAs): \(StorageError.errnoText())") }
        defer { close(fd) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure != 0 { throw StorageError("cannot write \(shownAs): \(String(cString: strerror(failure)))") }
    }

    /// `.<file>.<n>.<pid>.tmp`: hidden, unique among the threads of this process (`n`) and
    /// among processes (`pid`, last, so that a later run can tell a dead writer's leftover).
    public static func temporaryName(for file: String) -> String {
        ".\(file).\(counter.next()).\(getpid()).tmp"
    }

    /// The process id of the writer that left the temporary file `entry`, if it is one.
    public static func temporaryOwner(_ entry: String) -> pid_t? {
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp") else { return nil }
        return entry.dropLast(4).split(separator: ".").last.flatMap { pid_t($0) }
    }

    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}

/// A file operation that failed, in words: which file, and what the system said.
public struct StorageError: Error, CustomStringConvertible {
    public var description: String
    /// An error saying `message`.
    public init(_ message: String) { description = message }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// The system's words for a Foundation error, when it carries an errno.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
