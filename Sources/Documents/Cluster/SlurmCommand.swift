import Foundation

/// Runs one of Slurm's client commands (`sbatch`, `squeue`, `scancel`, `sinfo`), found on
/// `PATH` as a user's shell would find it. Their outputs are a few lines: pipes suffice.
enum SlurmCommand {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// - Throws: `SlurmError` when the command cannot be started (Slurm is not installed).
    static func run(_ name: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw SlurmError("cannot run \(name): \(error.localizedDescription) (is Slurm installed? Debian: slurm-client)")
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw SlurmError("\(name) was not found on PATH (is Slurm installed? Debian: slurm-client)")
        }
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Why a render on Slurm could not go ahead: said in one sentence, never a crash.
public struct SlurmError: Error, CustomStringConvertible, Sendable {
    /// The sentence.
    public var description: String
    init(_ description: String) { self.description = description }
}

extension SlurmError {
    /// An error of another kind, said as a sentence.
    ///
    /// - Parameter error: the error to describe.
    public init(describing error: Error) { self.init("\(error)") }
}
