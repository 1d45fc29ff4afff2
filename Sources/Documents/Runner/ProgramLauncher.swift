import Foundation

/// Where a compiled notebook program runs. Runner builds the program, its environment and
/// its run folder, and reads the run folder back the same way wherever the program ran:
/// that is what makes a remote run's report byte-identical to a local one.
///
/// The default (no launcher) runs the program here, as a child process. `Cluster`'s
/// `SlurmLauncher` runs it as a Slurm task on a node that shares the cache's filesystem.
public protocol ProgramLauncher: Sendable {
    /// Runs the program described by `request` to its end and says how it ended.
    ///
    /// - Parameter request: the program, its arguments and environment, and its folders.
    /// - Returns: how the program ended, with its standard output and error.
    /// - Throws: when the program could not be started at all (a submission refused, say).
    func launch(_ request: LaunchRequest) throws -> ProgramExit
}

/// One run of a compiled notebook program: everything a launcher needs to start it anywhere.
public struct LaunchRequest {
    /// The compiled program (in the result cache, or in the scratch folder under `--no-cache`).
    public var program: URL
    /// The program's arguments (the cell table and the parameters, for a program that reads
    /// them at run time).
    public var arguments: [String]
    /// Variables added to the environment: the run folder, the memo folder, the backtracer's.
    public var environment: [String: String]
    /// The program's working directory: the notebook's folder.
    public var workingDirectory: URL
    /// The folder of this program (scratch), where `notebook.out`/`notebook.err` are written.
    public var programDirectory: URL
    /// The run folder the program writes its cells' outputs into.
    public var runDirectory: URL
    /// Seconds the whole program may run (front matter `execute.timeout`).
    public var timeout: Double
    /// Polled while the program runs; a reason stops it (per-cell time limits).
    public var watchdog: (() -> String?)?
}

/// How a notebook program ended.
public struct ProgramExit {
    /// The exit status, or the signal number when `signaled`.
    public var status: Int32
    /// True when the program died from a signal rather than exiting.
    public var signaled: Bool
    /// A limit the program exceeded and was stopped for ("time limit of 5 s"), or nil.
    public var killedBecause: String?
    /// Something outside the program ended it ("its Slurm task 12_3 was cancelled"), or nil.
    public var stoppedBecause: String?
    /// What the program printed outside its cells.
    public var stdout: String
    /// What the program printed on standard error outside its cells.
    public var stderr: String

    /// - Parameters:
    ///   - status: exit status or signal number.
    ///   - signaled: whether `status` is a signal.
    ///   - killedBecause: the limit that stopped it.
    ///   - stoppedBecause: the outside event that ended it.
    ///   - stdout: its standard output.
    ///   - stderr: its standard error.
    public init(
        status: Int32, signaled: Bool, killedBecause: String? = nil, stoppedBecause: String? = nil,
        stdout: String = "", stderr: String = ""
    ) {
        (self.status, self.signaled, self.killedBecause, self.stoppedBecause) = (status, signaled, killedBecause, stoppedBecause)
        (self.stdout, self.stderr) = (stdout, stderr)
    }
}

/// One compile at a time per program: points of a sweep whose programs are the same (they
/// read their parameters at run time) wait for the first compile and then find it cached.
enum CompileGate {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var locks: [String: NSLock] = [:]

    static func lock(_ digest: String) -> NSLock {
        lock.lock()
        let l = locks[digest] ?? NSLock()
        locks[digest] = l
        lock.unlock()
        l.lock()
        return l
    }
}
