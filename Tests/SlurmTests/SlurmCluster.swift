import Foundation
import TestSupport

/// A real single-node Slurm cluster for the suite (scripts/slurm-cluster: generated
/// slurm.conf with this machine's hostname, CPUs and memory, munged, `slurmctld -i`, `slurmd`),
/// started once and stopped by its pids when the suite's class ends, failed tests or not.
final class SlurmCluster {
    let folder: URL
    let configuration: URL
    private let script: URL

    /// Starts the cluster in a temporary folder of its own.
    ///
    /// - Throws: `MissingTool` when Slurm or munge is not installed; `SlurmTestFailure` when the
    ///   daemons do not start.
    init(packageRoot: URL) throws {
        for tool in ["slurmctld", "slurmd", "munged", "sbatch", "squeue", "scancel", "sinfo"] where Tools.find(tool) == nil {
            if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/\(tool)") {
                throw MissingTool(tool, remedy: "slurm-wlm and munge provide it; run scripts/setup (make test runs it)")
            }
        }
        folder = try makeTemporaryFolder("folio-slurm-cluster")
        script = packageRoot.appendingPathComponent("scripts/slurm-cluster")
        configuration = folder.appendingPathComponent("slurm.conf")
        let status = Self.runScript(script, ["start", folder.path], log: folder.appendingPathComponent("start.log"))
        guard status == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("start.log"), encoding: .utf8)) ?? ""
            throw SlurmTestFailure("scripts/slurm-cluster start", status: status, stderr: log)
        }
    }

    /// Stops the daemons by their pids and removes the folder.
    func stop() {
        _ = Self.runScript(script, ["stop", folder.path], log: folder.appendingPathComponent("stop.log"))
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs the cluster script to its end with posix_spawn and waitpid. Not Foundation's
    /// Process: the script leaves daemons behind, and Process never saw it end (a zombie).
    static func runScript(_ script: URL, _ arguments: [String], log: URL) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([script.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, script.path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// One client command against this cluster (`squeue`, `scancel`), its standard output.
    func client(_ name: String, _ arguments: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["SLURM_CONF"] = configuration.path
        let r = try Command(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, environment: env).run()
        guard r.status == 0 else { throw SlurmTestFailure(name, status: r.status, stderr: r.stderr) }
        return r.stdout
    }

    /// The states of the tasks of jobs named `name` by id (`12_3` → `RUNNING`), finished ones included.
    func states(name: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try client("squeue", ["-h", "-r", "-t", "all", "-n", name, "-o", "%i|%T"]).split(separator: "\n") {
            let f = line.split(separator: "|").map(String.init)
            if f.count == 2 { out[f[0]] = f[1] }
        }
        return out
    }
}

/// A step of a Slurm test that did not happen: the cluster did not start, a client command
/// failed, a state was not reached in time.
struct SlurmTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ what: String, status: Int32 = -1, stderr: String = "") {
        description = "\(what)\(status == -1 ? "" : " exited with status \(status)")\(stderr.isEmpty ? "" : ": \(stderr)")"
    }
}
