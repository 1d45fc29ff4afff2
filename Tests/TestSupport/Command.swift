import Foundation

/// One run of a program: what it printed and how it ended.
public struct CommandResult {
    public var status: Int32
    /// `.uncaughtSignal` when `status` is a signal number.
    public var reason: Process.TerminationReason
    public var stdoutData: Data
    public var stderrData: Data
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
}

/// A program to run from a test. Standard input, output and error are files, not pipes: a full
/// pipe cannot stall the program, and nothing has to read one while it runs.
public struct Command {
    public var executable: URL
    public var arguments: [String]
    /// nil: the test's own environment.
    public var environment: [String: String]?
    public var currentDirectory: URL?
    /// Standard input; nil: none (end of file at once).
    public var input: Data?
    /// Where the files holding input and outputs go, in a folder of their own that `wait()`
    /// removes; nil: the temporary folder. A test that watches TMPDIR names a folder of its own.
    public var captureFolder: URL?

    public init(
        _ executable: URL, _ arguments: [String] = [], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, input: Data? = nil, captureFolder: URL? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.input = input
        self.captureFolder = captureFolder
    }

    /// Starts the program; `wait()` on the result collects what it printed.
    public func start() throws -> RunningCommand {
        let folder: URL
        if let captureFolder {
            folder = captureFolder.appendingPathComponent(".command-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } else {
            folder = try makeTemporaryFolder("folio-command")
        }
        do {
            let p = Process()
            p.executableURL = executable
            p.arguments = arguments
            if let environment { p.environment = environment }
            if let currentDirectory { p.currentDirectoryURL = currentDirectory }
            let files = ["stdin", "stdout", "stderr"].map { folder.appendingPathComponent($0) }
            try (input ?? Data()).write(to: files[0])
            for f in files.dropFirst() { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
            p.standardInput = try FileHandle(forReadingFrom: files[0])
            p.standardOutput = try FileHandle(forWritingTo: files[1])
            p.standardError = try FileHandle(forWritingTo: files[2])
            try p.run()
            return RunningCommand(process: p, folder: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Runs the program to its end.
    public func run() throws -> CommandResult { try start().wait() }
}

/// A program started by `Command.start()`.
public final class RunningCommand {
    public let process: Process
    private let folder: URL

    init(process: Process, folder: URL) {
        self.process = process
        self.folder = folder
    }

    /// Waits for the program to end and returns what it printed (then removes the files).
    public func wait() throws -> CommandResult {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: folder) }
        return CommandResult(
            status: process.terminationStatus, reason: process.terminationReason,
            stdoutData: try Data(contentsOf: folder.appendingPathComponent("stdout")),
            stderrData: try Data(contentsOf: folder.appendingPathComponent("stderr")))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// A program a test relies on ended unsuccessfully.
public struct CommandFailed: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var stderr: String
    public var description: String { "\(command) exited with status \(status): \(stderr)" }
}
