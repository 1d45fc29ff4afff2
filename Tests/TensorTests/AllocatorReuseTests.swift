import Foundation
import XCTest
@testable import Tensor

/// The malloc thresholds CTensorKernels sets when it is loaded (Allocator.c): arrays of a
/// training step's size that are freed and allocated again come back from the heap, already
/// mapped, instead of being given back to the kernel and faulted in afresh every time.
final class AllocatorReuseTests: XCTestCase {
    /// Minor page faults of this process so far.
    func pageFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    /// One round of a step's pattern: four 1 MB arrays (a 784-wide layer's weights and their
    /// gradient are 800 KB) alive at once, written, then all freed.
    func round() -> Float {
        let arrays = (0..<4).map { i in Tensor<Float>(shape: [512, 512], repeating: Float(i)) }
        return arrays.reduce(0) { $0 + $1.scalars[1000] }
    }

    func testArraysFreedByOneStepAreReusedWithoutPageFaults() {
        for _ in 0..<3 { _ = round() }  // the heap grows to the pattern's peak once
        let before = pageFaults()
        var total: Float = 0
        for _ in 0..<20 { total += round() }
        let perRound = Double(pageFaults() - before) / 20
        XCTAssertEqual(total, 20 * 6)
        // Given back at each round's end, the 4 MB would fault in again: 1024 faults per round.
        XCTAssertLessThan(perRound, 16, "page faults per round of 4 MB allocated and freed")
    }
}
