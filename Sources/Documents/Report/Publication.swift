import Foundation
import Storage

/// Publishes one notebook's files — `name.pdf`, `name.html` and the folder `name/` — into the
/// output folder as one unit, so a reader (or a render killed with SIGKILL) never sees a new
/// page next to an old manifest.
///
/// Every file is first written into a staging folder inside the output folder (same file
/// system, so the swap is renames only). Then, holding an exclusive lock on the output folder:
/// stale staging folders of dead renders are finished or removed, every destination is checked
/// (a folder where the page goes is refused before anything is replaced), the staging folder is
/// marked ready, and its entries are renamed into place. A render killed during those renames
/// leaves a ready staging folder, which the next publication in that folder completes first, so
/// a half-swapped notebook never outlives the next render.
struct Publication {
    /// A file to publish, by its path relative to the output folder.
    struct File {
        var path: String
        var data: Data
    }

    let output: URL
    let name: String

    static let stagingPrefix = ".folio-staging-"
    static let readyMarker = ".ready"

    /// The notebook's three top-level entries, in the order they are swapped: the folder (with
    /// the manifest) first, the page last, so a reader who follows the page finds its figures.
    var entries: [String] { [name, name + ".pdf", name + ".html"] }

    func publish(_ files: [File]) throws {
        try PublishedName.check(name)
        for f in files { try checkContained(f.path) }
        let fm = FileManager.default
        try FileSystem.makeDirectory(output)
        let staging = output.appendingPathComponent("\(Self.stagingPrefix)\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileSystem.makeDirectory(staging)
        var swapped = false
        defer { if !swapped { try? fm.removeItem(at: staging) } }
        for f in files { try FileSystem.write(f.data, to: staging.appendingPathComponent(f.path), shownAs: display(f.path)) }
        // The folder always exists, even for a notebook without figures: it holds the manifest.
        try FileSystem.makeDirectory(staging.appendingPathComponent(name))

        let lock = try FolderLock(output)
        defer { lock.release() }
        Self.recover(in: output)
        try checkDestinations()
        try FileSystem.write(Data(), to: staging.appendingPathComponent(Self.readyMarker), shownAs: "the staging marker")
        swapped = true
        try Self.swap(staging, into: output)
    }

    /// Refuses destinations that a rename would not replace as intended (or at all): a folder
    /// where a page goes, a file where the notebook's folder goes.
    func checkDestinations() throws {
        for (entry, wantsFolder) in [(name, true), (name + ".pdf", false), (name + ".html", false), ("index.html", false)] {
            let url = output.appendingPathComponent(entry)
            guard let kind = FileSystem.kind(url) else { continue }
            if wantsFolder && kind != .directory {
                throw PublicationError("\(display(entry)) is a file, but it is where the notebook's figures folder goes; move it away")
            }
            if !wantsFolder && kind == .directory {
                throw PublicationError("\(display(entry)) is a folder, but it is where the \(entry.hasSuffix(".pdf") ? "PDF" : "page") goes; move it away")
            }
        }
    }

    /// Only the notebook's own entries, never `..`, absolute paths or hidden names.
    func checkContained(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let inside = !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") }
        guard inside, let first = parts.first, entries.contains(String(first)), parts.count == 1 || first == Substring(name) else {
            throw PublicationError(
                "refusing to write '\(path)': every file of notebook '\(name)' stays in \(display(name)) beside \(name).pdf and \(name).html")
        }
    }

    func display(_ path: String) -> String { output.appendingPathComponent(path).relativePathForMessages }

    /// Moves a ready staging folder's entries into the output folder; what was there before
    /// goes into the staging folder, which is then removed. Safe to repeat after an interruption.
    static func swap(_ staging: URL, into output: URL) throws {
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: staging.path)) ?? [])
            .filter { $0 != readyMarker && !$0.hasPrefix(".old-") }
            .sorted { order($0) < order($1) }
        for entry in entries {
            let destination = output.appendingPathComponent(entry), source = staging.appendingPathComponent(entry)
            if FileSystem.kind(destination) == .directory {
                // A folder cannot be renamed over a non-empty folder: move the old one aside first.
                try FileSystem.rename(destination, staging.appendingPathComponent(".old-" + entry))
            }
            try FileSystem.rename(source, destination)
        }
        try? fm.removeItem(at: staging)
    }

    /// Folders first, then PDFs, then pages.
    static func order(_ entry: String) -> Int { entry.hasSuffix(".html") ? 2 : entry.hasSuffix(".pdf") ? 1 : 0 }

    /// Finishes the swap of every ready staging folder whose render died, removes unready ones,
    /// and removes temporary files a killed render of an earlier Folio left behind. Call with
    /// the folder lock held.
    static func recover(in output: URL) {
        let fm = FileManager.default
        for entry in ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).sorted() {
            let url = output.appendingPathComponent(entry)
            if entry.hasPrefix(stagingPrefix), let pid = ownerPID(entry), !isAlive(pid) {
                if fm.fileExists(atPath: url.appendingPathComponent(readyMarker).path) {
                    try? swap(url, into: output)
                } else {
                    try? fm.removeItem(at: url)
                }
            } else if let pid = AtomicFile.temporaryOwner(entry), !isAlive(pid) {
                try? fm.removeItem(at: url)
            } else if FileSystem.kind(url) == .directory, !entry.hasPrefix(".") {
                // Temporaries inside a notebook's folder, from renders before staging existed.
                for inner in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] {
                    if let pid = AtomicFile.temporaryOwner(inner), !isAlive(pid) { try? fm.removeItem(at: url.appendingPathComponent(inner)) }
                }
            }
        }
    }

    /// `.folio-staging-<name>-<pid>-<id>` → pid.
    static func ownerPID(_ entry: String) -> pid_t? {
        let parts = entry.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        return pid_t(parts[parts.count - 2])
    }

    static func isAlive(_ pid: pid_t) -> Bool { pid == getpid() || kill(pid, 0) == 0 || errno == EPERM }
}

/// An error of publication in words: which file, and what the system said.
public struct PublicationError: Error, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}

/// The name a notebook publishes under (its file name without `.md`) must make three safe
/// entries in the output folder; `index` would be overwritten by the site's index.
public enum PublishedName {
    public static func check(_ name: String) throws {
        if name == "index" {
            throw PublicationError("a notebook named 'index' would be overwritten by the site index (index.html); rename the notebook")
        }
        let bad =
            name.isEmpty || name.hasPrefix(".") || name.contains("/")
            || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        if bad { throw PublicationError("cannot name output files after '\(name)': a notebook's file name must not start with '.' or hold control characters") }
    }
}

extension URL {
    /// The path as the user would type it: relative to the working folder when inside it.
    var relativePathForMessages: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
