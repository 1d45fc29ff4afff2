import XCTest
import Dispatch
@testable import Tensor

/// Tensor's thread pool (Pool.c through `parallelTasks`): every task runs exactly once, nested
/// and concurrent callers run inline instead of waiting on a busy pool, and results are the
/// same on one and two threads.
final class ParallelTests: XCTestCase {
    func testEveryTaskRunsOnceEvenWhenNested() {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 40 * 30)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        parallelTasks(40, threads: 2) { i in
            parallelTasks(30, threads: 2) { j in counts[i * 30 + j] += 1 }  // distinct slots: no race
        }
        XCTAssertEqual(Set(counts), [1])
    }

    func testConcurrentCallersAllFinish() {
        let sums = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        sums.initialize(repeating: 0)
        defer { sums.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { c in
            for _ in 0..<200 {
                let part = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
                part.initialize(repeating: 0)
                parallelTasks(4, threads: 2) { t in part[t] = t + 1 }
                sums[c] += part.reduce(0, +)
                part.deallocate()
            }
        }
        XCTAssertEqual(Array(sums), Array(repeating: 200 * 10, count: 8))
    }

    func testElementwiseResultsDoNotDependOnThreads() {
        let saved = tensorThreads
        defer { tensorThreads = saved }
        let x = Tensor<Float>(shape: [100_000], scalars: (0..<100_000).map { Float($0 % 997) / 997 - 0.5 })
        tensorThreads = 1
        let one = tanh(x * 0.5 + 0.25)
        tensorThreads = 2
        XCTAssertEqual(tanh(x * 0.5 + 0.25), one)
    }
}
