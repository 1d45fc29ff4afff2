import Foundation

/// Runs a program to completion with a time limit, its output going to files, so a chatty
/// or crashing child can neither deadlock a pipe nor take the parent down.
struct ChildProcess {
    struct Result {
        var status: Int32
        /// True when the child died from a signal (a trap) rather than exiting.
        var signaled: Bool
        /// Why the parent stopped the child (a time limit), or nil when it ended by itself.
        var killedBecause: String?
        var stdout: String
        var stderr: String
        var timedOut: Bool { killedBecause != nil }
    }

    /// `watchdog` is polled while the child runs; returning a reason stops the child
    /// (per-cell time limits are enforced this way, from the progress file the child writes).
    static func run(_ executable: URL, arguments: [String], environment: [String: String]? = nil,
                    directory: URL, logDirectory: URL? = nil, timeout: Double, logName: String,
                    watchdog: (() -> String?)? = nil) throws -> Result {
        let logs = logDirectory ?? directory
        let outURL = logs.appendingPathComponent("\(logName).out")
        let errURL = logs.appendingPathComponent("\(logName).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let deadline = DispatchTime.now() + timeout
        var killedBecause: String?
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if DispatchTime.now() >= deadline {
                killedBecause = "time limit of \(Self.seconds(timeout)) s"
            } else if let reason = watchdog?() {
                killedBecause = reason
            }
            if killedBecause != nil {
                process.terminate()
                if done.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
                break
            }
        }
        let read = { (u: URL) in (try? String(contentsOf: u, encoding: .utf8)) ?? "" }
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      killedBecause: killedBecause, stdout: read(outURL), stderr: read(errURL))
    }

    static func seconds(_ t: Double) -> String { t == t.rounded() ? String(Int(t)) : String(t) }
}
