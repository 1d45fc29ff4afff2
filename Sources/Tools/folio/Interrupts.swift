import Cluster
import Dispatch
import Foundation
import Runner

/// Ctrl-C (SIGINT, which a terminal sends to the whole foreground group) and SIGTERM stop a
/// render cleanly: the compiler and notebook programs — which run in process groups of their
/// own, so they never see the terminal's signal — are killed with everything they started,
/// the scratch folders of running renders are removed (their `defer` never runs on a
/// signal), and folio exits 130 or 143 (128 + the signal), as shells expect.
enum Interrupts {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var scratch: Set<URL> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var stopping = false
    private static let queue = DispatchQueue(label: "folio.interrupts")
    /// The exit status after an interrupt, when not 128 + the signal: `folio preview` ends by
    /// Ctrl-C, which is its normal end (0).
    nonisolated(unsafe) static var exitStatus: Int32?

    /// Installs the handlers and makes folio the reaper of its children's orphans. Call once, early.
    static func install() {
        ProcessTree.becomeSubreaper()
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // The signal is taken from a dispatch source, on a thread where cleaning up is
            // safe, rather than in an async-signal handler.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { stop(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// A folder to delete if folio is interrupted while it exists.
    static func track(_ folder: URL) { lock.lock(); scratch.insert(folder); lock.unlock() }

    /// Removes a tracked folder now (the normal end of a render). It is deleted before it is
    /// untracked: untracked first, an interrupt arriving during the deletion saw no folder to
    /// wait for and exited with this one half deleted (ProcessTests, 1 of 2 runs under load).
    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        lock.lock(); scratch.remove(folder); lock.unlock()
    }

    /// Removes a scratch folder; a removal that meets a file created mid-walk fails
    /// ("directory not empty") and is retried, and one that cannot finish is said.
    private static func removeNow(_ folder: URL) {
        for _ in 0..<100 {
            try? FileManager.default.removeItem(at: folder)
            if !FileManager.default.fileExists(atPath: folder.path) { return }
            usleep(10_000)
        }
        FileHandle.standardError.write(Data("folio: warning: could not remove the scratch folder \(folder.path)\n".utf8))
    }

    /// Called by the main thread once the renders are done: while an interrupt is being
    /// handled it waits here for `stop` to end the process, so a render that ended because its
    /// programs were killed never reports an ordinary failure (and exit code) of its own.
    static func holdIfStopping() {
        lock.lock()
        let held = stopping
        lock.unlock()
        while held { pause() }
    }

    private static func stop(_ sig: Int32) {
        lock.lock(); stopping = true; lock.unlock()
        // Jobs submitted to Slurm are not this process's children: cancel them, and say so.
        let cancelled = SlurmBatch.cancelAll()
        ProcessTree.stopEverything()
        // A render whose programs were just killed is still unwinding: it may write into its
        // scratch folder (a killed compile's last files) before its own `defer` removes it.
        // Removing the folder under it raced with those writes and left the folder behind
        // (ProcessTests, 1 of 3 CI runs); so wait, briefly, for the renders to remove their
        // folders themselves, and remove only what is left.
        for _ in 0..<300 {
            lock.lock(); let left = scratch.isEmpty; lock.unlock()
            if left { break }
            usleep(10_000)
        }
        lock.lock()
        for folder in scratch { removeNow(folder) }
        scratch.removeAll()
        let name = sig == SIGINT ? "interrupted" : sig == SIGTERM ? "terminated" : "hung up"
        FileHandle.standardError.write(Data("folio: \(name); stopped the running programs\n".utf8))
        if !cancelled.isEmpty {
            FileHandle.standardError.write(
                Data("folio: cancelled Slurm job\(cancelled.count == 1 ? "" : "s") \(cancelled.joined(separator: ", ")) (scancel)\n".utf8))
        }
        _exit(exitStatus ?? 128 + sig)
    }
}
