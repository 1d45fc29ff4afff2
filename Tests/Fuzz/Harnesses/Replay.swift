import Foundation

/// Without libFuzzer: each input once, in name order, so a corpus or a crash reproducer can be
/// checked with a normal build (FuzzRegressionTests). A crash ends the process with the input
/// named last on stderr; an input running longer than FOLIO_FUZZ_TIMEOUT seconds (10) is a hang
/// and SIGALRM ends the process.
enum Replay {
    /// Debug frames are several times the size of release frames, so a debug replay runs on a
    /// thread with 8× the main thread's 8 MiB: a nesting depth the release binary survives must
    /// not overflow here. (The fuzz build, release, runs on the main thread as `folio` does.)
    static func run(_ harness: Harness, paths: [String]) -> Int32 {
        #if DEBUG
        final class Status: @unchecked Sendable { var value: Int32 = 0 }  // written before `done` signals
        let status = Status()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            status.value = replay(harness, paths: paths); done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
        return status.value
        #else
        return replay(harness, paths: paths)
        #endif
    }

    static func replay(_ harness: Harness, paths: [String]) -> Int32 {
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("folio-fuzz \(harness.name): give input files or folders to replay\n".utf8))
            return 4
        }
        let timeout = UInt32(ProcessInfo.processInfo.environment["FOLIO_FUZZ_TIMEOUT"] ?? "") ?? 10
        var count = 0
        for path in paths {
            for file in inputs(path) {
                FileHandle.standardError.write(Data("replay \(file)\n".utf8))
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("folio-fuzz: cannot read \(file)\n".utf8))
                    return 4
                }
                alarm(timeout)
                harness.run([UInt8](data))
                alarm(0)
                count += 1
            }
        }
        print("\(harness.name): \(count) inputs replayed, none crashed")
        return 0
    }

    /// A file, or the regular files under a folder (sorted, so runs repeat; dot files skipped).
    static func inputs(_ path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [path] }
        guard isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted().map { path + "/" + $0 }
            .filter {
                var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
            }
    }
}
