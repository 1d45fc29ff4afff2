public import Foundation
internal import CTensorKernels

/// How many threads Folio's kernels use: the cores this process may run on — its CPU affinity
/// (`sched_getaffinity`: `taskset`, a Slurm allocation, a container's cpuset) and its cgroup's
/// CPU quota (`cpu.max` in v2, `cpu.cfs_quota_us` / `cpu.cfs_period_us` in v1), whichever is
/// smaller — unless `FOLIO_THREADS` says otherwise. A quota of 1.5 CPUs gives 2 threads (rounded
/// up, as the JVM and Go do): the pool's threads wait at the end of each job, so the last half
/// core is not worth losing. Results never depend on the count (Tensor's kernels split work so
/// that every element is computed the same way whoever computes it).
public enum Cores {
    /// The most threads Folio starts (Tensor's pool holds 63 helpers beside the caller).
    public static let maximum = 64

    /// The environment variable that sets the thread count explicitly.
    public static let variable = "FOLIO_THREADS"

    /// The cores available to this process: affinity and cgroup quota, at least 1, at most `maximum`.
    public static func available() -> Int {
        var cores = affinity() ?? ProcessInfo.processInfo.activeProcessorCount
        if let quota = CgroupQuota.current() { cores = min(cores, Int(quota.rounded(.up))) }
        return min(max(cores, 1), maximum)
    }

    /// The number of CPUs in this thread's affinity mask, or nil when the system does not say.
    public static func affinity() -> Int? {
        let count = Int(folio_affinity_cpus())
        return count > 0 ? count : nil
    }

    /// What a `FOLIO_THREADS` value asks for: nil when unset or empty, the count when it is a whole
    /// number from 1 to `maximum`, otherwise a message that says what is accepted.
    public static func parse(_ value: String?) -> Result<Int?, InvalidThreadCount> {
        guard let raw = value?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return .success(nil) }
        guard let n = Int(raw), (1...maximum).contains(n) else { return .failure(InvalidThreadCount(value: raw)) }
        return .success(n)
    }

    /// The thread count to use: a valid `FOLIO_THREADS`, else `available()`. A bad value is
    /// reported through `warn` (once per call) and ignored.
    public static func resolved(
        environment: [String: String] = ProcessInfo.processInfo.environment, warn: (String) -> Void = Cores.printWarning
    ) -> Int {
        switch parse(environment[variable]) {
        case .success(let n?): return n
        case .success(nil): return available()
        case .failure(let bad):
            let fallback = available()
            warn("folio: warning: \(bad); using \(fallback) (the available cores)")
            return fallback
        }
    }

    /// Writes `message` and a newline to standard error (where Folio's warnings go, never stdout).
    public static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A `FOLIO_THREADS` value that is not a thread count.
public struct InvalidThreadCount: Error, CustomStringConvertible, Equatable {
    /// The value as set in the environment.
    public var value: String
    public var description: String {
        "\(Cores.variable)=\(value) is not a number of threads (a whole number from 1 to \(Cores.maximum))"
    }
}
