import Foundation

/// Suite `runner`, row `slurm-sweep-16`: a 16-point sweep of a one-second notebook rendered
/// with `--on slurm` on a real single-node cluster this row starts (scripts/slurm-cluster, the
/// helper SlurmTests use too), against the same sweep rendered locally. Each render changes a
/// declared input, so every point runs again and nothing compiles: what is timed is running the
/// points and publishing them.
///
/// The bound is Slurm's overhead: at most 0.5 s per task over the local render, i.e.
/// time(slurm) / time(local) ≤ 1 + 16 × 0.5 s / time(local), with time(local) measured once
/// here. (On one node the tasks share its cores with nothing else, so the local render — whose
/// sweep points run one after another — is the honest baseline for what Slurm adds.)
/// Measured by hand on the shared 2-core machine (release build, warm, rounds alternating):
/// local 18.1 s and 17.3 s, Slurm 16.1 s and 16.8 s — Slurm faster than local, and about 0.45 s
/// per task over an ideal two-at-a-time schedule (8 s of sleeps + the 1.3 s local overhead).
/// Again with tasks under the supervisor and memory as a consumable resource (debug folio, the
/// release runtime not built in time; load average 20–60, rounds alternating): local 20.7, 20.8
/// and 20.1 s, Slurm 15.7, 17.0 and 15.8 s: time(slurm)/time(local) ≈ 0.79, under the bound of ≈ 1.39.
enum SlurmRunnerRow {
    static let points = 16
    nonisolated(unsafe) static var cluster: URL?

    static func cases() -> [BenchCase] {
        // RunnerSuite.cases() ran first and checked that folio is built beside folio-bench.
        let folio = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("folio")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-slurm-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let clusterDir = work.appendingPathComponent("cluster")
        guard run(root.appendingPathComponent("scripts/slurm-cluster"), ["start", clusterDir.path], env: [:]) == 0 else {
            FileHandle.standardError.write(
                Data("folio-bench: runner: the Slurm cluster did not start (scripts/setup installs slurm-wlm and munge; run as root)\n".utf8))
            exit(4)
        }
        cluster = clusterDir
        atexit {
            if let dir = SlurmRunnerRow.cluster {
                let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                _ = SlurmRunnerRow.run(root.appendingPathComponent("scripts/slurm-cluster"), ["stop", dir.path], env: [:])
                try? FileManager.default.removeItem(at: dir.deletingLastPathComponent())
            }
        }
        let notebook = work.appendingPathComponent("sweep.md")
        let input = work.appendingPathComponent("round.txt")
        try? """
        ---
        title: Sweep benchmark
        inputs: [round.txt]
        params:
          k: 0
        sweep:
          k: {from: 1, to: \(points), step: 1}
        ---

        ```swift
        Thread.sleep(forTimeInterval: 1)
        publish("k squared", params.k * params.k)
        ```
        """.write(to: notebook, atomically: true, encoding: .utf8)
        var round = 0
        func render(_ extra: [String], cache: String) {
            round += 1
            try? "round \(round)\n".write(to: input, atomically: true, encoding: .utf8)
            let env = [
                "FOLIO_CACHE_DIR": work.appendingPathComponent(cache).path,
                "SLURM_CONF": clusterDir.appendingPathComponent("slurm.conf").path,
            ]
            let status = run(folio, ["render", notebook.path, "-o", work.appendingPathComponent("out-\(cache)").path] + extra, env: env)
            if status != 0 { fatalError("folio render \(extra) failed with status \(status) on \(notebook.path)") }
        }
        let local = { render(["-j", "2"], cache: "local") }
        let slurm = { render(["--on", "slurm"], cache: "slurm") }
        local()  // compiles the points' programs once
        slurm()
        let start = DispatchTime.now().uptimeNanoseconds
        local()
        let localSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return [
            BenchCase(
                suite: "runner", name: "slurm-sweep-16", unit: "time(slurm)/time(local)", rate: { $0 }, body: slurm,
                baseline: local, bound: 1 + Double(points) * 0.5 / localSeconds)
        ]
    }

    /// Runs a program to its end (posix_spawn, waitpid: the cluster script leaves daemons behind).
    static func run(_ program: URL, _ arguments: [String], env extra: [String: String]) -> Int32 {
        var env = ProcessInfo.processInfo.environment
        env.merge(extra) { $1 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([program.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, program.path, &actions, nil, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
