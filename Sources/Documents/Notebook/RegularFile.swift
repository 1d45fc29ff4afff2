import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens only regular files. A FIFO blocks `open` until a writer comes, and `/dev/zero` or
/// `/dev/urandom` never end: reading one as a notebook or hashing one as an input would hang
/// or fill memory, so both are refused by what `stat` says before anything is read. Used for
/// notebooks and declared inputs here, and by Report for images it publishes.
public enum RegularFile {
    public enum Problem: Error, Equatable {
        case missing, directory, tooLarge
        case notRegular(String)  // what it is: "a FIFO", "a character device", …
        case unreadable(String)  // the system's reason

        /// Words after "<path> ": "does not exist", "is a FIFO, not a regular file", …
        public var phrase: String {
            switch self {
            case .missing: "does not exist"
            case .directory: "is a directory, not a file"
            case .tooLarge: "is too large"
            case .notRegular(let kind): "is \(kind), not a regular file"
            case .unreadable(let why): "cannot be read: \(why)"
            }
        }
    }

    /// Why `path` cannot be read as a regular file, or nil when it can.
    static func problem(_ path: String) -> Problem? {
        do { let fd = try open(path); close(fd); return nil } catch { return error }
    }

    /// The bytes of the regular file at `path`, refused when larger than `limit`.
    public static func read(_ path: String, limit: Int) throws(Problem) -> Data {
        let fd = try open(path)
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > limit { throw .tooLarge }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw .unreadable(String(cString: strerror(errno))) }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            if data.count > limit { throw .tooLarge }
        }
    }

    /// Opens without blocking (a FIFO swapped in after `stat` cannot stall us) and checks the
    /// opened file itself, so a name changed in between is caught too.
    private static func open(_ path: String) throws(Problem) -> Int32 {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing }
            throw .unreadable(String(cString: strerror(errno)))
        }
        try kind(st)
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard fstat(fd, &st) == 0 else { close(fd); throw .unreadable(String(cString: strerror(errno))) }
        do { try kind(st) } catch { close(fd); throw error }
        return fd
    }

    private static func kind(_ st: stat) throws(Problem) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .directory
        case S_IFIFO: throw .notRegular("a FIFO")
        case S_IFCHR: throw .notRegular("a character device")
        case S_IFBLK: throw .notRegular("a block device")
        case S_IFSOCK: throw .notRegular("a socket")
        default: throw .notRegular("an unknown kind of file")
        }
    }
}
