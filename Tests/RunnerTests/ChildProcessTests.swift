import XCTest
import TestSupport
@testable import Runner

/// A child stopped by its time limit takes along what it started, even in another process
/// group — as swiftc's driver starts each swift-frontend, which once kept compiling for 25
/// minutes after the notebook's compile limit had stopped the driver.
final class ChildProcessTests: XCTestCase {
    func alive(_ marker: String) -> Bool {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name) else { continue }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if stat.contains(") Z ") { continue }
            let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map { String(decoding: $0.map { $0 == 0 ? 32 : $0 }, as: UTF8.self) } ?? ""
            if cmd.contains(marker) { return true }
        }
        return false
    }

    func testAChildStoppedByItsLimitTakesItsOtherGroupsAlong() throws {
        let dir = try makeTemporaryFolder("folio-child")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A driver that starts a worker in a new session (so a new process group), then waits.
        let marker = "9876\(getpid() % 1000)"
        let r = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "setsid sleep \(marker)1 & sleep \(marker)2"],
            directory: dir, timeout: 1, logName: "driver")
        XCTAssertEqual(r.killedBecause, "time limit of 1 s")
        // The sweep kills before run returns; allow the kernel a moment to finish the kill.
        var left = alive(marker)
        for _ in 0..<50 where left { usleep(20_000); left = alive(marker) }
        XCTAssertFalse(left, "the worker in its own group outlived the driver's time limit")
    }
}
