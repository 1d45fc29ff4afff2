internal import Foundation

/// The CPU quota of this process's control group, in CPUs (2.5 = two and a half cores' worth of
/// time per period), or nil when there is none. A quota anywhere up the hierarchy binds, so the
/// smallest one from the process's own group up to the root is taken (as Rust's
/// `available_parallelism` does). cgroup v2 keeps it in `cpu.max` ("max 100000" or
/// "200000 100000"); v1 in the `cpu` controller's `cpu.cfs_quota_us` (−1: none) and
/// `cpu.cfs_period_us`. Mount points come from `/proc/self/mountinfo`, so a container's or a
/// Slurm job's own view is read, not an assumed `/sys/fs/cgroup`.
public enum CgroupQuota {
    /// The quota of the running process.
    public static func current() -> Double? {
        guard let groups = read("/proc/self/cgroup"), let mounts = read("/proc/self/mountinfo") else { return nil }
        return quota(cgroup: groups, mountinfo: mounts, read: read)
    }

    /// The quota described by a `/proc/<pid>/cgroup` and a `mountinfo` text, reading the
    /// controller files through `read` (a path → its contents, nil when absent).
    public static func quota(cgroup: String, mountinfo: String, read: (String) -> String?) -> Double? {
        let mounts = mountinfo.split(separator: "\n").compactMap(Mount.init)
        var best: Double?
        func consider(_ q: Double?) { if let q { best = min(best ?? q, q) } }
        for line in cgroup.split(separator: "\n") {
            // hierarchy-id:controllers:path; the path may itself contain ':'.
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let controllers = fields[1].split(separator: ",").map(String.init), path = String(fields[2])
            if fields[0] == "0" && controllers.isEmpty {
                guard let mount = mounts.first(where: { $0.type == "cgroup2" }) else { continue }
                for folder in mount.folders(for: path) { consider(read(folder + "/cpu.max").flatMap(parseCPUMax)) }
            } else if controllers.contains("cpu") {
                guard let mount = mounts.first(where: { $0.type == "cgroup" && $0.options.contains("cpu") }) else { continue }
                for folder in mount.folders(for: path) {
                    consider(parseCFS(quota: read(folder + "/cpu.cfs_quota_us"), period: read(folder + "/cpu.cfs_period_us")))
                }
            }
        }
        return best
    }

    /// cgroup v2's `cpu.max`: "$MAX $PERIOD", MAX being "max" when unlimited.
    public static func parseCPUMax(_ text: String) -> Double? {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, parts[0] != "max", let quota = Double(parts[0]), let period = Double(parts[1]),
            quota > 0, period > 0
        else { return nil }
        return quota / period
    }

    /// cgroup v1's CFS quota and period, in microseconds; a quota of −1 means none.
    public static func parseCFS(quota: String?, period: String?) -> Double? {
        guard let q = quota.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
            let p = period.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }), q > 0, p > 0
        else { return nil }
        return q / p
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// One line of mountinfo: "id parent major:minor root mountpoint options … - type source superoptions".
    struct Mount {
        var root: String
        var point: String
        var type: String
        var options: [String]

        init?(_ line: Substring) {
            let halves = line.components(separatedBy: " - ")
            guard halves.count == 2 else { return nil }
            let left = halves[0].split(separator: " "), right = halves[1].split(separator: " ")
            guard left.count >= 5, right.count >= 3 else { return nil }
            root = String(left[3])
            point = String(left[4])
            type = String(right[0])
            options = right[2].split(separator: ",").map(String.init)
        }

        /// The folders of a cgroup path and of its ancestors, as seen under this mount (a path
        /// outside the mount's root, as from another namespace, gives just the mount point).
        func folders(for path: String) -> [String] {
            var relative = path
            if root != "/" {
                guard relative == root || relative.hasPrefix(root + "/") else { return [point] }
                relative = String(relative.dropFirst(root.count))
            }
            var components = relative.split(separator: "/").map(String.init)
            var result: [String] = []
            while true {
                result.append(([point] + components).joined(separator: "/"))
                if components.isEmpty { break }
                components.removeLast()
            }
            return result
        }
    }
}
