@testable import Folio
import Glibc
import XCTest

final class MemoryPolicyTests: XCTestCase {
    /// Minor page faults of this process so far (field 10 of /proc/self/stat).
    func minorFaults() throws -> Int {
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
        let fields = stat[stat.range(of: ")", options: .backwards)!.upperBound...].split(separator: " ")
        return Int(fields[7])!
    }

    func testLargeBuffersAreReusedWithoutFreshPageFaults() throws {
        XCTAssertTrue(MemoryPolicy.applied)
        let size = 64 << 20
        func touchAndFree() {
            let p = malloc(size)!
            memset(p, 1, size)
            free(p)
        }
        touchAndFree()
        let before = try minorFaults()
        touchAndFree()
        touchAndFree()
        // 64 MB freshly mapped would fault 16 384 pages each time; reused heap memory faults none.
        XCTAssertLessThan(try minorFaults() - before, 2000)
    }
}
