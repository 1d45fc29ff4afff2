import Foundation

/// Watches a set of files and reports which changed, once a burst of saves is over.
///
/// On Linux it uses inotify on the files' folders, not on the files: editors save by writing a
/// new file and renaming it over the old one, which a watch on the old file's inode never sees.
/// Elsewhere, or when inotify is unavailable (`FOLIO_PREVIEW_POLL=1` forces it), it polls each
/// file's modification time, size and inode every `pollInterval`. Either way, changes are
/// collected until `quiet` seconds pass without another, so an editor's write-rename-chmod is one
/// change, not three renders.
public final class FileWatcher: @unchecked Sendable {
    /// Seconds without a further change before a batch is reported.
    public let quiet: Double
    /// Seconds between two looks at the files when polling.
    public let pollInterval: Double
    /// Whether inotify is used (false: polling).
    public private(set) var usesInotify = false

    private let lock = NSLock()
    private var files: Set<String> = []
    private var stamps: [String: Stamp] = [:]
    private var watchedFolders: [String: Int32] = [:]
    private var inotify: Int32 = -1
    private let onChange: @Sendable (Set<String>) -> Void
    private var thread: Thread?
    /// `FOLIO_PREVIEW_TRACE=1`: every file event is said on standard error.
    private let trace = ProcessInfo.processInfo.environment["FOLIO_PREVIEW_TRACE"] == "1"

    /// A watcher that calls `onChange` (on its own thread) with the changed files' paths.
    /// - Parameters:
    ///   - quiet: the debounce interval, in seconds.
    ///   - pollInterval: the polling period when inotify is not used, in seconds.
    ///   - onChange: receives each batch of changed paths, as they were given to `watch`.
    public init(quiet: Double = 0.04, pollInterval: Double = 0.2, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.quiet = quiet
        self.pollInterval = pollInterval
        self.onChange = onChange
        #if os(Linux)
        if ProcessInfo.processInfo.environment["FOLIO_PREVIEW_POLL"] != "1" {
            // IN_NONBLOCK | IN_CLOEXEC
            inotify = inotify_init1(0o4000 | 0o2000000)
            usesInotify = inotify >= 0
        }
        #endif
    }

    /// Replaces the set of watched files. Paths are made absolute; files that do not exist yet
    /// are watched for their creation.
    /// - Parameter paths: the files to watch.
    public func watch(_ paths: Set<String>) {
        let absolute = Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        lock.lock()
        files = absolute
        for f in absolute where stamps[f] == nil { stamps[f] = Stamp(f) }
        #if os(Linux)
        if usesInotify {
            for folder in Set(absolute.map { ($0 as NSString).deletingLastPathComponent }) where watchedFolders[folder] == nil {
                // IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE
                let wd = inotify_add_watch(inotify, folder, 0x002 | 0x004 | 0x008 | 0x080 | 0x100 | 0x200)
                if wd >= 0 { watchedFolders[folder] = wd }
            }
        }
        #endif
        lock.unlock()
    }

    /// Starts the watching thread. Call once.
    public func start() {
        let t = Thread { [self] in loop() }
        t.name = "folio.preview.watch"
        thread = t
        t.start()
    }

    /// The watching loop: wait for a first change, then for `quiet` seconds of calm, report.
    private func loop() {
        var pending: Set<String> = []
        var lastChange = Date.distantPast
        while true {
            let waitSeconds = pending.isEmpty ? (usesInotify ? 1.0 : pollInterval) : min(quiet, usesInotify ? quiet : pollInterval)
            let changed = usesInotify ? readInotify(timeout: waitSeconds) : pollOnce(after: waitSeconds)
            if !changed.isEmpty {
                pending.formUnion(changed)
                lastChange = Date()
            } else if !pending.isEmpty, Date().timeIntervalSince(lastChange) >= quiet {
                let batch = pending
                pending = []
                onChange(batch)
            }
        }
    }

    /// The watched files named by inotify events arriving within `timeout` seconds.
    private func readInotify(timeout: Double) -> Set<String> {
        var changed: Set<String> = []
        #if os(Linux)
        var pfd = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let n = read(inotify, &buffer, buffer.count)
        guard n > 0 else { return [] }
        lock.lock()
        let folders = Dictionary(uniqueKeysWithValues: watchedFolders.map { ($1, $0) })
        let watched = files
        lock.unlock()
        var offset = 0
        // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
        while offset + 16 <= n {
            let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
            let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
            let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
            offset += 16 + length
            guard let folder = folders[wd], !nameBytes.isEmpty else {
                if trace { FileHandle.standardError.write(Data("folio preview: event on watch \(wd) not known\n".utf8)) }
                continue
            }
            let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            if trace { FileHandle.standardError.write(Data("folio preview: event on \(path)\(watched.contains(path) ? " (watched)" : "")\n".utf8)) }
            if watched.contains(path) { changed.insert(path) }
        }
        #endif
        return changed
    }

    /// Sleeps `seconds`, then returns the watched files whose stamp changed.
    private func pollOnce(after seconds: Double) -> Set<String> {
        usleep(useconds_t(seconds * 1_000_000))
        lock.lock(); defer { lock.unlock() }
        var changed: Set<String> = []
        for f in files {
            let now = Stamp(f)
            if stamps[f] != now {
                stamps[f] = now
                changed.insert(f)
            }
        }
        return changed
    }

    /// What polling compares: a rename over the file changes the inode even when the size and
    /// the second-resolution time do not.
    struct Stamp: Equatable {
        var exists = false
        var seconds = 0, nanoseconds = 0, size: Int64 = 0, inode: UInt64 = 0
        init(_ path: String) {
            var s = stat()
            guard stat(path, &s) == 0 else { return }
            exists = true
            seconds = Int(s.st_mtim.tv_sec)
            nanoseconds = Int(s.st_mtim.tv_nsec)
            size = Int64(s.st_size)
            inode = UInt64(s.st_ino)
        }
    }
}
