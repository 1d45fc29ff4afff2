import Foundation
import Runner

/// Watches every Slurm task this folio process submitted, from one thread, without storms:
/// at most one `squeue` call per `interval` (5 s unless `FOLIO_SLURM_POLL_SECONDS` says
/// otherwise) for all of them together, whatever the number of tasks, sweeps and notebooks.
/// Between calls it looks at the tasks' own files (SlurmTask): a task has ended when its exit
/// status is there. `squeue -t all` says the rest — pending or running, and why a task ended
/// without its files (cancelled, time limit, node failure) while Slurm still remembers it
/// (`MinJobAge`, 300 s by default). No `sacct`: many clusters keep no accounting database.
final class SlurmPoller: @unchecked Sendable {
    static let shared = SlurmPoller()

    /// One submitted task, until it ends.
    final class Watched {
        let id: String
        let task: SlurmTask
        /// Slurm's log of the task (`--output`): where slurmstepd says why it killed it.
        let log: URL
        let finish: (ProgramExit) -> Void
        var state = "PENDING"
        var node = ""
        var startedAt: Date?
        var killedBecause: String?
        var endedWithoutFiles: Date?
        var unseenPolls = 0
        init(id: String, task: SlurmTask, log: URL, finish: @escaping (ProgramExit) -> Void) {
            (self.id, self.task, self.log, self.finish) = (id, task, log, finish)
        }
    }

    private let lock = NSLock()
    private var watched: [String: Watched] = [:]
    private var running = false
    private var stopping = false
    /// Jobs submitted and not known to have ended, for Ctrl-C (`cancelAll`).
    private var liveJobs: Set<String> = []
    private var counts = SlurmProgress()
    let interval: Double
    /// How often the tasks' own files are looked at: cheap, local or NFS `stat`s.
    let fileInterval = 0.2
    /// Calls of `squeue` so far (the benchmark and tests compare it with the elapsed time).
    private(set) var squeueCalls = 0

    init() {
        let env = ProcessInfo.processInfo.environment["FOLIO_SLURM_POLL_SECONDS"].flatMap(Double.init)
        interval = max(0.5, env ?? 5)
    }

    /// Starts watching `task`, submitted as Slurm job (or array task) `id`, whose Slurm log is `log`.
    func watch(_ id: String, job: String, task: SlurmTask, log: URL, finish: @escaping (ProgramExit) -> Void) {
        lock.lock()
        watched[id] = Watched(id: id, task: task, log: log, finish: finish)
        liveJobs.insert(job)
        counts.pending += 1
        let start = !running
        running = true
        lock.unlock()
        if start { Thread.detachNewThread { self.loop() } }
    }

    /// `scancel` of every job still live; returns their ids. For an interrupted render.
    func cancelAll() -> [String] {
        lock.lock()
        // Interrupted: nothing that ends from now on is imported (a killed task is no result).
        stopping = true
        let jobs = liveJobs.sorted()
        liveJobs.removeAll()
        lock.unlock()
        if !jobs.isEmpty { _ = try? SlurmCommand.run("scancel", jobs) }
        return jobs
    }

    private func loop() {
        var lastQueue = Date.distantPast
        while true {
            Thread.sleep(forTimeInterval: fileInterval)
            lock.lock()
            let current = Array(watched.values)
            if current.isEmpty { running = false }
            lock.unlock()
            if current.isEmpty { return }
            for w in current { checkFiles(w) }
            if Date().timeIntervalSince(lastQueue) >= interval {
                lastQueue = Date()
                queryQueue()
            }
        }
    }

    /// The task's own files: its exit status, its start, and Folio's time limits.
    private func checkFiles(_ w: Watched) {
        if let (status, signaled) = w.task.readExit() {
            end(w, ProgramExit(status: status, signaled: signaled, killedBecause: w.killedBecause))
            return
        }
        guard w.killedBecause == nil else { return }
        if w.startedAt == nil, w.task.hasStarted {
            w.startedAt = Date()
            if w.state == "PENDING" { update(w, state: "RUNNING") }
        }
        guard let since = w.startedAt else { return }
        var reason: String?
        if Date().timeIntervalSince(since) > w.task.request.timeout {
            reason = "time limit of \(Self.seconds(w.task.request.timeout)) s"
        } else if let r = w.task.request.watchdog?() {
            reason = r
        }
        if let reason {
            w.killedBecause = reason
            _ = try? SlurmCommand.run("scancel", [w.id])
        }
    }

    /// One `squeue` call for every watched task.
    private func queryQueue() {
        lock.lock()
        let jobs = Set(watched.keys.map { String($0.prefix { $0 != "_" }) }).sorted()
        squeueCalls += 1
        lock.unlock()
        guard !jobs.isEmpty,
            let out = try? SlurmCommand.run("squeue", ["-h", "-r", "-t", "all", "-j", jobs.joined(separator: ","), "-o", "%i|%T|%N"]),
            out.status == 0
        else { return }
        var states: [String: (String, String)] = [:]
        for line in out.stdout.split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if f.count >= 3 { states[f[0]] = (f[1], f[2]) }
        }
        lock.lock()
        let current = Array(watched.values)
        lock.unlock()
        for w in current {
            guard let (state, node) = states[w.id] else {
                w.unseenPolls += 1
                // Slurm has forgotten it (or never showed it): after three polls, the files decide.
                if w.unseenPolls >= 3 && w.task.readExit() == nil {
                    end(w, failure(w, "its Slurm task \(w.id) left the queue without writing its exit status"))
                }
                continue
            }
            w.unseenPolls = 0
            if !node.isEmpty { w.node = node }
            if state != w.state, w.task.readExit() == nil { update(w, state: state) }
            guard Self.ended.contains(state), w.task.readExit() == nil else { continue }
            // Ended without its exit file: killed (scancel, time limit, memory, node failure) —
            // the supervisor writes none then — or the file is not visible yet (a network
            // filesystem's cache): unless Slurm's log or state names a cause, a grace period.
            let cause = SlurmEnd.cause(state: state, log: w.task.output(w.log))
            let grace: Double = cause.isCertain ? interval : 30
            if let since = w.endedWithoutFiles {
                if Date().timeIntervalSince(since) >= grace { end(w, failure(w, cause)) }
            } else {
                w.endedWithoutFiles = Date()
                if cause.isCertain && (w.killedBecause != nil || cause != .cancelled) { end(w, failure(w, cause)) }
            }
        }
        lock.lock()
        let progress = counts
        lock.unlock()
        progress.show()
    }

    static let ended: Set<String> = [
        "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE",
    ]

    private func failure(_ w: Watched, _ cause: SlurmEnd) -> ProgramExit {
        failure(w, cause.explain(task: w.id, node: w.node, folder: w.task.request.programDirectory.path))
    }

    private func failure(_ w: Watched, _ why: String) -> ProgramExit {
        var exit = ProgramExit(status: 0, signaled: false, killedBecause: w.killedBecause, stoppedBecause: w.killedBecause == nil ? why : nil)
        exit.stderr = w.task.output(w.task.stderr)
        exit.stdout = w.task.output(w.task.stdout)
        return exit
    }

    private func update(_ w: Watched, state: String) {
        lock.lock()
        counts.move(from: w.state, to: state)
        w.state = state
        lock.unlock()
    }

    private func end(_ w: Watched, _ exit: ProgramExit) {
        lock.lock()
        guard !stopping, watched.removeValue(forKey: w.id) != nil else { lock.unlock(); return }
        counts.finish(from: w.state, succeeded: exit.status == 0 && !exit.signaled && exit.killedBecause == nil && exit.stoppedBecause == nil)
        let job = String(w.id.prefix { $0 != "_" })
        if !watched.keys.contains(where: { $0.prefix { $0 != "_" } == job }) { liveJobs.remove(job) }
        let progress = counts
        lock.unlock()
        progress.show()
        w.finish(exit)
    }

    static func seconds(_ t: Double) -> String { t == t.rounded() ? String(Int(t)) : String(t) }
}
