import Foundation

/// Why a Slurm task ended without its exit file, said as a cell's failure is: from the task's
/// state in `squeue` and from what `slurmstepd` wrote into the task's own log, which is often
/// the clearer witness — a task killed for its memory is `FAILED` when the limit is enforced
/// by sampling (`JobAcctGatherParams=OverMemoryKill`) and `OUT_OF_MEMORY` under cgroups, and
/// its log says "exceeded memory limit" either way; a time limit is `TIMEOUT` and "DUE TO
/// TIME LIMIT" in the log.
enum SlurmEnd: Equatable {
    case cancelled
    case timeLimit
    /// The limit in bytes when the log says it (`exceeded memory limit (used > limit)`).
    case outOfMemory(limit: Int64?)
    case nodeFailure
    case preempted
    case bootFailure
    case deadline
    /// Ended some other way (COMPLETED or FAILED without an exit file): the state.
    case other(String)

    /// The cause of an end from the task's state and log; the log wins where it is specific.
    ///
    /// - Parameters:
    ///   - state: the task's state in `squeue -t all` (`%T`), e.g. `CANCELLED`.
    ///   - log: the task's Slurm log (`--output`), empty when unreadable.
    /// - Returns: the cause. O(length of the log).
    static func cause(state: String, log: String) -> SlurmEnd {
        if log.contains("exceeded memory limit") || log.contains("oom_kill event") || log.contains("OOM Killed") || state == "OUT_OF_MEMORY" {
            return .outOfMemory(limit: memoryLimit(log))
        }
        if log.contains("DUE TO TIME LIMIT") || state == "TIMEOUT" { return .timeLimit }
        if log.contains("DUE TO PREEMPTION") || state == "PREEMPTED" { return .preempted }
        if log.contains("DUE TO NODE FAILURE") || state == "NODE_FAIL" { return .nodeFailure }
        switch state {
        case "CANCELLED": return .cancelled
        case "BOOT_FAIL": return .bootFailure
        case "DEADLINE": return .deadline
        default: return log.contains("CANCELLED AT") ? .cancelled : .other(state)
        }
    }

    /// Whether the cause is certain now: anything but a task that ended normally without its
    /// exit file, which may yet appear (a network filesystem's cache).
    var isCertain: Bool {
        if case .other = self { return false }
        return true
    }

    /// The failure's words: "its Slurm task 12_3 ran out of memory on node n1 …".
    ///
    /// - Parameters:
    ///   - task: the Slurm id, `12` or `12_3`.
    ///   - node: the node it ran on, empty when unknown.
    ///   - folder: the task's program folder, named when the cause is unknown.
    /// - Returns: the sentence, without a final period.
    func explain(task: String, node: String, folder: String) -> String {
        let on = node.isEmpty ? "" : " on node \(node)"
        switch self {
        case .cancelled: return "its Slurm task \(task) was cancelled\(on) (scancel)"
        case .timeLimit: return "its Slurm task \(task) reached its Slurm time limit\(on) (execute.time)"
        case .outOfMemory(let limit):
            let used = limit.map { " of \(Self.megabytes($0))" } ?? ""
            return "its Slurm task \(task) ran out of memory\(on): it needed more than its limit\(used) (execute.mem)"
        case .nodeFailure: return "its Slurm task \(task) was lost when \(node.isEmpty ? "its node" : "node \(node)") failed"
        case .preempted: return "its Slurm task \(task) was preempted\(on) by a job of higher priority"
        case .bootFailure: return "its Slurm task \(task) could not start: its node failed to boot"
        case .deadline: return "its Slurm task \(task) reached its deadline\(on) (sbatch --deadline)"
        case .other(let state):
            return "its Slurm task \(task) ended (\(state))\(on) without writing its exit status in \(folder):"
                + " is that folder on a filesystem the node sees? (README, \"Running on a cluster\")"
        }
    }

    /// The limit of slurmstepd's `exceeded memory limit (213123072 > 52428800)`.
    static func memoryLimit(_ log: String) -> Int64? {
        guard let r = log.range(of: "exceeded memory limit (") else { return nil }
        let inside = log[r.upperBound...].prefix { $0 != ")" }
        let parts = inside.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count == 2 ? Int64(parts[1]) : nil
    }

    /// `52428800` → "50 MB" (MiB, as Slurm counts `--mem=50M`).
    static func megabytes(_ bytes: Int64) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb == mb.rounded() ? "\(Int(mb)) MB" : String(format: "%.1f MB", mb)
    }
}
