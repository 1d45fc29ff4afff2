import Foundation
import TestSupport
import XCTest
import Cores

/// How many threads Folio uses: the affinity mask, cgroup v1 and v2 CPU quotas (read from
/// real files laid out as the kernel lays them out), and FOLIO_THREADS, checked and overriding.
final class AvailableCoresTests: XCTestCase {
    func readFile(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func testAffinityIsWhatNprocSees() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_NUM_THREADS"] = nil  // nproc would print it instead
        let nproc = try Command(URL(fileURLWithPath: try Tools.path("nproc")), environment: environment).run()
        XCTAssertEqual(Cores.affinity(), Int(nproc.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertLessThanOrEqual(Cores.available(), Cores.affinity()!)
    }

    func testCgroupV2QuotaIsTheSmallestUpTheHierarchy() throws {
        let root = try makeTemporaryFolder("cgroup2")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("job/step"), withIntermediateDirectories: true)
        try "400000 100000\n".write(to: root.appendingPathComponent("cpu.max"), atomically: true, encoding: .utf8)
        try "150000 100000\n".write(to: root.appendingPathComponent("job/cpu.max"), atomically: true, encoding: .utf8)
        try "max 100000\n".write(to: root.appendingPathComponent("job/step/cpu.max"), atomically: true, encoding: .utf8)
        let mountinfo = "41 31 0:38 / \(root.path) rw,relatime - cgroup2 cgroup2 rw\n"
        let quota = CgroupQuota.quota(cgroup: "0::/job/step\n", mountinfo: mountinfo, read: readFile)
        XCTAssertEqual(quota, 1.5)
        // No quota anywhere: none.
        XCTAssertNil(
            CgroupQuota.quota(cgroup: "0::/other\n", mountinfo: mountinfo.replacingOccurrences(of: root.path, with: root.path + "/job/step"), read: readFile))
        XCTAssertNil(CgroupQuota.parseCPUMax("max 100000"))
        XCTAssertNil(CgroupQuota.parseCPUMax("garbage"))
        XCTAssertEqual(CgroupQuota.parseCPUMax("50000 100000\n"), 0.5)
    }

    func testCgroupV1QuotaAndItsMountRoot() throws {
        let root = try makeTemporaryFolder("cgroup1")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("slurm/job_7"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("slurm/job_7/cpu.cfs_quota_us", "300000\n")
        try write("slurm/job_7/cpu.cfs_period_us", "100000\n")
        try write("slurm/cpu.cfs_quota_us", "-1\n")
        try write("slurm/cpu.cfs_period_us", "100000\n")
        // The mount's root is /slurm: the process's path /slurm/job_7 is job_7 under the mount point.
        let mountinfo = """
            32 31 0:29 /slurm \(root.path)/slurm rw,relatime - cgroup cgroup rw,cpu,cpuacct
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory

            """
        let cgroup = "4:memory:/x\n3:cpu,cpuacct:/slurm/job_7\n"
        XCTAssertEqual(CgroupQuota.quota(cgroup: cgroup, mountinfo: mountinfo, read: readFile), 3)
        XCTAssertNil(CgroupQuota.parseCFS(quota: "-1", period: "100000"))
        XCTAssertNil(CgroupQuota.parseCFS(quota: nil, period: "100000"))
    }

    func testFolioThreadsOverridesAndABadValueIsAWarningNotACrash() {
        XCTAssertEqual(Cores.resolved(environment: ["FOLIO_THREADS": "3"], warn: { XCTFail($0) }), 3)
        XCTAssertEqual(Cores.resolved(environment: ["FOLIO_THREADS": " 8 "], warn: { XCTFail($0) }), 8)
        XCTAssertEqual(Cores.resolved(environment: [:], warn: { XCTFail($0) }), Cores.available())
        for bad in ["0", "-2", "two", "2.5", "65", "99999999999999999999"] {
            var warnings: [String] = []
            XCTAssertEqual(Cores.resolved(environment: ["FOLIO_THREADS": bad], warn: { warnings.append($0) }), Cores.available())
            XCTAssertEqual(
                warnings,
                [
                    "folio: warning: FOLIO_THREADS=\(bad) is not a number of threads (a whole number from 1 to 64); using \(Cores.available()) (the available cores)"
                ])
        }
        XCTAssertEqual(try Cores.parse("").get(), nil)
    }
}
