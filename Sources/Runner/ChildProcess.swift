import Foundation

/// Runs a program to completion with a time limit, its output going to files, so a chatty
/// or crashing child can neither deadlock a pipe nor take the parent down.
struct ChildProcess {
    struct Result {
        var status: Int32
        /// True when the child died from a signal (a trap) rather than exiting.
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: URL, arguments: [String], environment: [String: String]? = nil,
                    directory: URL, timeout: Double, logName: String) throws -> Result {
        let outURL = directory.appendingPathComponent("\(logName).out")
        let errURL = directory.appendingPathComponent("\(logName).err")
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
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
        }
        let read = { (u: URL) in (try? String(contentsOf: u, encoding: .utf8)) ?? "" }
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      timedOut: timedOut, stdout: read(outURL), stderr: read(errURL))
    }
}
