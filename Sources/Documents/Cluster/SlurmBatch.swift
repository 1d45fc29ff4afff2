import Foundation
import Notebook
import Runner

/// The Slurm side of one render: a notebook (one slot) or a sweep (one slot per point).
/// Each slot's runner compiles its program here and hands it to its `SlurmLauncher`; when
/// every slot has either handed in a program or left (all its cells were cached, or it did
/// not compile), the programs go to Slurm as **one** submission — a job array for several,
/// a plain job for one. A program handed in after that (a `--retry`, the rest of a notebook
/// after an `error: allow` cell) is submitted on its own.
///
/// Nothing here assumes one node: tasks find their program, their run folder and the
/// notebook's folder by path on the filesystem the cluster shares, and report back through
/// files there (SlurmTask) and `squeue` (SlurmPoller).
///
/// ```swift
/// let batch = try SlurmBatch(slots: points.count, site: document.frontMatter.site,
///                            scratch: cacheRoot.appendingPathComponent("slurm"), name: "sweep")
/// var runner = NotebookRunner(toolchain: toolchain, workDirectory: scratch, cache: cache)
/// runner.launcher = batch.launcher(slot: i)
/// defer { batch.leave(slot: i) }
/// ```
public final class SlurmBatch: @unchecked Sendable {
    private final class Waiter {
        let slot: Int
        let task: SlurmTask
        let done = DispatchSemaphore(value: 0)
        var result: Result<ProgramExit, Error> = .failure(SlurmError("not run"))
        init(slot: Int, task: SlurmTask) { (self.slot, self.task) = (slot, task) }
    }

    let site: ExecutionSite
    let name: String
    let retries: Int
    private let folder: URL
    private let supervisor: URL
    private let slots: Int
    private let lock = NSLock()
    private var waiting: [Waiter] = []
    private var left: Set<Int> = []
    private var submitted = false
    private var submissions = 0
    /// What was submitted, for the render's messages: "job array 12 (16 tasks)".
    public private(set) var submittedJobs: [String] = []

    /// Prepares a render's submission.
    ///
    /// - Parameters:
    ///   - slots: how many runners (points) take part.
    ///   - site: the `sbatch` options (front matter `execute`).
    ///   - scratch: a folder for the job scripts and Slurm's logs; it must be on the filesystem
    ///     the nodes share, like the cache.
    ///   - name: the job name's stem (the notebook's name).
    ///   - retries: `--retry N`: a failed task is submitted again up to N times.
    /// - Throws: `SlurmError` when `scratch` is on a filesystem only this machine sees and the
    ///   cluster has more than one node, Slurm cannot be asked, or the task supervisor cannot
    ///   be compiled (TaskSupervisor).
    public init(slots: Int, site: ExecutionSite, scratch: URL, name: String, retries: Int = 0) throws {
        (self.slots, self.site, self.name, self.retries) = (slots, site, name, retries)
        folder = scratch.appendingPathComponent("batch-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SharedFilesystem.check(scratch, partition: site.partition)
        supervisor = try TaskSupervisor.executable(in: scratch)
    }

    /// The launcher runner `slot` uses.
    public func launcher(slot: Int) -> SlurmLauncher { SlurmLauncher(batch: self, slot: slot) }

    /// Slot `slot` will hand in no (more) programs: its runner has returned.
    public func leave(slot: Int) {
        lock.lock()
        left.insert(slot)
        let ready = takeIfReady()
        lock.unlock()
        if let ready { submit(ready) }
    }

    /// `scancel` of every job this process submitted that has not ended; returns their ids.
    /// For Ctrl-C: an interrupted render never leaves its jobs running unsaid.
    public static func cancelAll() -> [String] { SlurmPoller.shared.cancelAll() }

    /// Removes the batch's scripts and Slurm's logs.
    public func removeFiles() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `request` as a task of this batch and waits for its end.
    func run(slot: Int, _ request: LaunchRequest) throws -> ProgramExit {
        let task = SlurmTask(request: request)
        try task.write(supervisor: supervisor)
        let waiter = Waiter(slot: slot, task: task)
        lock.lock()
        waiting.append(waiter)
        var ready = takeIfReady()
        if ready == nil && submitted {
            // After the batch went: on its own.
            waiting.removeAll { $0 === waiter }
            ready = [waiter]
        }
        lock.unlock()
        if let ready { submit(ready) }
        waiter.done.wait()
        return try waiter.result.get()
    }

    /// Under the lock: the waiting programs, if every slot is accounted for and none went yet.
    private func takeIfReady() -> [Waiter]? {
        guard !submitted, !waiting.isEmpty, Set(waiting.map(\.slot)).union(left).count >= slots else { return nil }
        submitted = true
        let ready = waiting.sorted { $0.slot < $1.slot }
        waiting.removeAll()
        return ready
    }

    private func submit(_ tasks: [Waiter]) {
        do {
            lock.lock()
            submissions += 1
            let n = submissions
            lock.unlock()
            let list = folder.appendingPathComponent("tasks-\(n)")
            try Data(tasks.map { $0.task.script.path + "\n" }.joined().utf8).write(to: list)
            let script = folder.appendingPathComponent("job-\(n).sh")
            // Task i runs line i + 1 of the list: one script for the whole array.
            let body =
                "#!/bin/sh\n# Generated by folio: runs one notebook program per array task.\n"
                + "exec /bin/sh \"$(sed -n \"$((${SLURM_ARRAY_TASK_ID:-0} + 1))p\" \(SlurmTask.quote(list.path)))\"\n"
            try Data(body.utf8).write(to: script)
            let array = tasks.count > 1
            // --no-requeue: a task lost with its node is that point's failure, resubmitted by
            // --retry from an empty run folder, never rerun by Slurm over the files it left.
            var args = ["--parsable", "--no-requeue", "--job-name=folio-\(name)", "--chdir=\(folder.path)", "--export=ALL"]
            args.append("--output=\(folder.path)/slurm-\(array ? "%A_%a" : "%j").log")
            if array { args.append("--array=0-\(tasks.count - 1)") }
            args += SlurmOptions.arguments(site)
            args.append(script.path)
            let out = try SlurmCommand.run("sbatch", args)
            guard out.status == 0, let job = out.stdout.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
                !job.isEmpty, job.allSatisfy(\.isNumber)
            else {
                let why = out.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                throw SlurmError("sbatch refused the job: \(why.isEmpty ? "exit status \(out.status)" : why)")
            }
            let what = array ? "job array \(job) (\(tasks.count) tasks)" : "job \(job)"
            lock.lock(); submittedJobs.append(what); lock.unlock()
            FileHandle.standardError.write(Data("folio: \(name): submitted Slurm \(what)\n".utf8))
            for (i, waiter) in tasks.enumerated() {
                let id = array ? "\(job)_\(i)" : job
                let log = folder.appendingPathComponent("slurm-\(id).log")
                SlurmPoller.shared.watch(id, job: job, task: waiter.task, log: log) { exit in
                    var exit = exit
                    // What the program printed, read as a local run reads its log files.
                    if exit.stdout.isEmpty { exit.stdout = waiter.task.output(waiter.task.stdout) }
                    if exit.stderr.isEmpty { exit.stderr = waiter.task.output(waiter.task.stderr) }
                    waiter.result = .success(exit)
                    waiter.done.signal()
                }
            }
        } catch {
            for waiter in tasks {
                waiter.result = .failure(error)
                waiter.done.signal()
            }
        }
    }
}

/// The `sbatch` options of front matter `execute`.
enum SlurmOptions {
    static func arguments(_ site: ExecutionSite) -> [String] {
        var args: [String] = []
        if let p = site.partition { args.append("--partition=\(p)") }
        if let t = site.time { args.append("--time=\(t)") }
        if let c = site.cpus { args.append("--cpus-per-task=\(c)") }
        if let m = site.mem { args.append("--mem=\(m)") }
        if let a = site.account { args.append("--account=\(a)") }
        return args + site.extra
    }
}
