import Foundation

/// Whether Slurm's nodes can see a folder: the cache and the scratch folders must be on a
/// filesystem the cluster shares (NFS, Lustre, GPFS, BeeGFS, CephFS), since tasks read their
/// program there and write their results there.
///
/// Folio cannot prove that a filesystem is shared without running a task on every node; it
/// refuses what is certainly not — a memory or container-layer filesystem (tmpfs, ramfs,
/// overlay) when the partition has more than one node — and a task that cannot find its
/// folder fails with a message that names the folder and the node (SlurmPoller).
enum SharedFilesystem {
    /// Filesystem types that only this machine sees.
    static let localOnly: Set<String> = ["tmpfs", "ramfs", "overlay", "devtmpfs"]

    static func check(_ folder: URL, partition: String?) throws {
        guard let kind = type(of: folder), localOnly.contains(kind) else { return }
        let nodes = try nodeCount(partition: partition)
        guard nodes > 1 else { return }
        throw SlurmError(
            "\(folder.path) is on \(kind), which only this machine sees, but the Slurm partition has \(nodes) nodes: "
                + "put the cache on a filesystem the nodes share (FOLIO_CACHE_DIR=/shared/…; README, \"Running on a cluster\")")
    }

    /// The type of the filesystem holding `folder`: the longest mount point above it in
    /// `/proc/self/mounts` (Linux; nil elsewhere). Mount points there escape spaces as `\040`.
    static func type(of folder: URL) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
        let path = folder.resolvingSymlinksInPath().path
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 3 else { continue }
            let point = f[1].replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside && point.count >= (best?.point.count ?? -1) { best = (point, String(f[2])) }
        }
        return best?.type
    }

    /// Nodes in the partition (or the whole cluster), from one `sinfo` call.
    static func nodeCount(partition: String?) throws -> Int {
        let out = try SlurmCommand.run("sinfo", ["-h", "-o", "%D"] + (partition.map { ["-p", $0] } ?? []))
        guard out.status == 0 else {
            throw SlurmError("sinfo could not reach the Slurm controller: \(out.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return out.stdout.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
    }
}
