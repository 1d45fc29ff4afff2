import Foundation
@testable import Runner
import XCTest

/// Tensor's kernels differ in the last bits between AVX-512, AVX2 and the portable path, so the
/// cache key must name what picks them.
final class VectorISAKeyTests: XCTestCase {
    func testTheKernelCapAndTheCPUFlagsAreInTheKey() throws {
        let flags = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        unsetenv("FOLIO_TENSOR_ISA")
        let plain = Toolchain.vectorISA()
        XCTAssertEqual(plain.contains("avx2"), flags.contains(" avx2"), plain)
        XCTAssertEqual(plain.contains("avx512f"), flags.contains(" avx512f"), plain)
        setenv("FOLIO_TENSOR_ISA", "baseline", 1)
        defer { unsetenv("FOLIO_TENSOR_ISA") }
        let capped = Toolchain.vectorISA()
        XCTAssertNotEqual(plain, capped)
        XCTAssertTrue(capped.hasSuffix("cap=baseline"), capped)
    }
}
