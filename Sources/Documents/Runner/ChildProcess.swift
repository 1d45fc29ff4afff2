import Foundation

/// Runs a program to completion with a time limit, its output going to files, so a chatty
/// or crashing child can neither deadlock a pipe nor take the parent down. The child leads a
/// process group of its own and is registered with `ProcessTree`, so an interrupt of Folio
/// stops it, and everything it started is killed when it ends.
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
    /// `marker`: the run directory in the child's environment, by which what it leaves behind is found.
    static func run(
        _ executable: URL, arguments: [String], environment: [String: String]? = nil,
        directory: URL, logDirectory: URL? = nil, timeout: Double, logName: String,
        marker: String? = nil, watchdog: (() -> String?)? = nil
    ) throws -> Result {
        ProcessTree.becomeSubreaper()
        let logs = logDirectory ?? directory
        let outURL = logs.appendingPathComponent("\(logName).out")
        let errURL = logs.appendingPathComponent("\(logName).err")
        let out = open(outURL.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let err = open(errURL.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { if out >= 0 { close(out) }; if err >= 0 { close(err) } }
        guard out >= 0, err >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: outURL.path]) }

        let since = ProcessTree.now() &- 1
        let pid = try spawn(
            executable, arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            directory: directory, stdout: out, stderr: err)
        // The child is only *seen* to end (waitid with WNOWAIT) and is reaped last: while it is an
        // unreaped zombie neither its pid nor its process-group id can be given to a new process,
        // so killing the group and sweeping after it can never reach someone else's processes.
        func ended(blocking: Bool = false) -> Bool {
            var info = siginfo_t()
            let flags = WEXITED | WNOWAIT | (blocking ? 0 : WNOHANG)
            while waitid(P_PID, id_t(pid), &info, flags) != 0 { if errno != EINTR { return true } }
            return info._sifields._sigchld.si_pid == pid
        }
        let deadline = DispatchTime.now() + timeout
        var killedBecause: String?
        while !ended() {
            usleep(10_000)
            if killedBecause == nil {
                if DispatchTime.now() >= deadline {
                    killedBecause = "time limit of \(Self.seconds(timeout)) s"
                } else if let reason = watchdog?() {
                    killedBecause = reason
                }
                if killedBecause != nil {
                    kill(-pid, SIGTERM); kill(pid, SIGTERM)
                    let grace = DispatchTime.now() + 2
                    while !ended() {
                        if DispatchTime.now() >= grace { kill(-pid, SIGKILL); kill(pid, SIGKILL); _ = ended(blocking: true); break }
                        usleep(10_000)
                    }
                    break
                }
            }
        }
        // Whatever the child started goes with it. A child stopped by its limit may have started
        // processes outside its group (swiftc's driver puts each swift-frontend in a group of its
        // own): they are Folio's orphans now, found by the sweep, not by the group kill.
        if marker != nil || killedBecause != nil {
            ProcessTree.sweep(group: pid, marker: marker, since: since)
        } else {
            kill(-pid, SIGKILL)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) != pid && errno == EINTR {}
        ProcessTree.unregister(pid)
        // Interrupted: the handler that stopped the child is exiting the process; report nothing.
        while ProcessTree.isStopping { pause() }
        let read = { (u: URL) in (try? String(contentsOf: u, encoding: .utf8)) ?? "" }
        let signal = status & 0x7f
        return Result(
            status: signal == 0 ? (status >> 8) & 0xff : signal, signaled: signal != 0,
            killedBecause: killedBecause, stdout: read(outURL), stderr: read(errURL))
    }

    /// posix_spawn in a new process group, stdin from /dev/null, every signal at its default
    /// (Folio ignores SIGINT while it waits; an ignored signal would otherwise be inherited).
    private static func spawn(
        _ executable: URL, arguments: [String], environment: [String: String],
        directory: URL, stdout: Int32, stderr: Int32
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        guard let chdir = addChdir, chdir(&actions, directory.path) == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all); sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        return try ProcessTree.register {
            var pid: pid_t = 0
            let rc = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
            guard rc == 0 else {
                throw CocoaError(
                    .executableLoad,
                    userInfo: [
                        NSFilePathErrorKey: executable.path,
                        NSLocalizedDescriptionKey: "cannot start \(executable.path): \(String(cString: strerror(rc)))",
                    ])
            }
            return pid
        }
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not export.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    static func seconds(_ t: Double) -> String { t == t.rounded() ? String(Int(t)) : String(t) }
}
