import Foundation
import OutputChannel

/// Every process Folio starts, and everything those start, is Folio's to stop. The children
/// run in process groups of their own (so a terminal's Ctrl-C reaches Folio, which decides);
/// Folio is a child subreaper, so what a cell leaves behind — a background `sleep`, a
/// `setsid` child that left the group, a double-forked daemon — is re-parented to Folio
/// rather than to init, and a sweep of /proc finds and kills it when the program ends.
public enum ProcessTree {
    private static let lock = NSLock()
    /// Children started by `ChildProcess` and not yet reaped, each the leader of its group.
    nonisolated(unsafe) private static var live: Set<pid_t> = []
    /// Set once by `stopEverything`: no new child may start.
    nonisolated(unsafe) private static var stopping = false

    /// Makes this process the reaper of its descendants' orphans (Linux
    /// `prctl(PR_SET_CHILD_SUBREAPER)`). prctl is variadic in C, which Swift cannot call, so
    /// it is called through its address; on x86-64 and arm64 the integer arguments pass alike.
    public static func becomeSubreaper() { _ = subreaper }

    private static let subreaper: Bool = {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(nil, "prctl") else { return false }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        return prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0) == 0
    }()

    /// Registers a child just started; fails when Folio is shutting down.
    static func register(_ start: () throws -> pid_t) throws -> pid_t {
        lock.lock(); defer { lock.unlock() }
        if stopping { throw CocoaError(.userCancelled) }
        let pid = try start()
        live.insert(pid)
        return pid
    }

    static func unregister(_ pid: pid_t) { lock.lock(); live.remove(pid); lock.unlock() }

    static var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    /// For an interrupt: no new children, every running one and all their descendants killed
    /// (and the orphans among them reaped). Returns when none is left, or after about 10 s (a
    /// killed process blocked in the kernel, on a busy disk, dies only when its I/O completes).
    public static func stopEverything() {
        lock.lock()
        stopping = true
        let groups = live
        lock.unlock()
        for g in groups { kill(-g, SIGKILL); kill(g, SIGKILL) }
        // Every descendant (`isOrphan` while stopping, and theirs); nothing else.
        sweep(marker: nil) { _ in false }
    }

    /// After a notebook program ended: kills its group and every process it left behind —
    /// processes that carry its run directory in their environment, and orphans re-parented to
    /// Folio (not children it is waiting for) that started after `since` and carry no other
    /// run's marker (a cell may clear the environment of what it starts).
    static func sweep(group: pid_t, marker: String?, since: UInt64) {
        kill(-group, SIGKILL)
        let me = getpid()
        sweep(marker: marker) { p in
            if p.pgrp == group { return true }
            let mark = environmentMarker(p.pid)
            if let marker, mark == marker { return true }
            return p.ppid == me && mark == nil && p.start >= since && !isLive(p.pid)
        }
    }

    private static func isLive(_ pid: pid_t) -> Bool { lock.lock(); defer { lock.unlock() }; return live.contains(pid) }

    /// Kills, round after round, the processes `select` picks and all their descendants,
    /// reaping those that are Folio's own children, until none is left. Whatever `select`
    /// says, only Folio's own descendants (orphans come back to it, the subreaper) and
    /// processes carrying this run's `marker` can be targets: a selection bug must never
    /// reach the rest of the machine (one stopped every process on a shared machine once).
    private static func sweep(marker: String?, _ select: (Entry) -> Bool) {
        let me = getpid()
        let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
        for round in 0... {
            if round > 0 && DispatchTime.now().uptimeNanoseconds > deadline { return }
            let table = snapshot()
            var targets = Set(table.values.filter { $0.state != "Z" && $0.pid != me && (select($0) || isOrphan($0, me)) }.map(\.pid))
            targets.formUnion(descendants(of: targets, in: table))
            let ours = descendants(of: [me], in: table)
            targets = targets.filter { ours.contains($0) || (marker != nil && environmentMarker($0) == marker) }
            // Zombies re-parented to Folio are reaped here; a live registered child is not ours to reap.
            // A leader shows "Z" as soon as its own thread exits, while its other threads may still
            // be finishing a write (a killed compiler's object file); it is gone only once reaped.
            var dying = false
            for e in table.values where e.ppid == me && e.state == "Z" && !isLive(e.pid) {
                var status: Int32 = 0
                if waitpid(e.pid, &status, WNOHANG) == 0 { dying = true }
            }
            targets = targets.filter { table[$0]?.state != "Z" }
            if targets.isEmpty && !dying { return }
            // Stop first so that a forking process cannot replace what is killed.
            for t in targets { kill(t, SIGSTOP) }
            for t in targets { kill(t, SIGKILL) }
            usleep(round < 10 ? 2_000 : 20_000)
        }
    }

    /// During `stopEverything`, every descendant of Folio goes.
    private static func isOrphan(_ e: Entry, _ me: pid_t) -> Bool { isStopping && e.ppid == me }

    struct Entry {
        var pid: pid_t, ppid: pid_t, pgrp: pid_t
        var state: Character
        /// Start time in clock ticks since boot.
        var start: UInt64
    }

    /// The processes visible in /proc.
    static func snapshot() -> [pid_t: Entry] {
        var table: [pid_t: Entry] = [:]
        guard let dir = opendir("/proc") else { return table }
        defer { closedir(dir) }
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = pid_t(name), let e = entry(pid) else { continue }
            table[pid] = e
        }
        return table
    }

    /// Parses /proc/PID/stat: "pid (comm) state ppid pgrp session … starttime(22nd field)".
    static func entry(_ pid: pid_t) -> Entry? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
            let close = data.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        let fields = data[(close + 1)...].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count > 19, let state = fields[0].first, let ppid = pid_t(fields[1]), let pgrp = pid_t(fields[2]),
            let start = UInt64(fields[19])
        else { return nil }
        return Entry(pid: pid, ppid: ppid, pgrp: pgrp, state: state, start: start)
    }

    /// This process's own start time in clock ticks since boot, for `sweep(since:)`.
    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_BOOTTIME, &t)
        let hz = UInt64(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        return (UInt64(t.tv_sec) * hz + UInt64(t.tv_nsec) * hz / 1_000_000_000)
    }

    static func descendants(of roots: Set<pid_t>, in table: [pid_t: Entry]) -> Set<pid_t> {
        var children: [pid_t: [pid_t]] = [:]
        for e in table.values { children[e.ppid, default: []].append(e.pid) }
        var found: Set<pid_t> = [], stack = Array(roots)
        while let p = stack.popLast() {
            for c in children[p] ?? [] where found.insert(c).inserted { stack.append(c) }
        }
        return found
    }

    /// The value of `RunFiles.environmentKey` in a process's environment, if it has one.
    static func environmentMarker(_ pid: pid_t) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return nil }
        let key = Array("\(RunFiles.environmentKey)=".utf8)
        for item in data.split(separator: 0) where item.starts(with: key) {
            return String(decoding: item.dropFirst(key.count), as: UTF8.self)
        }
        return nil
    }
}
