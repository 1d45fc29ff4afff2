import XCTest
@testable import Folio

final class MemoTests: XCTestCase {
    func testValuesAndTensorsAreComputedOncePerKeyTypeAndScope() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-memo-\(UUID())")
        Memo.directory = dir
        CellSession.memoScope = "scope-a"
        defer { try? FileManager.default.removeItem(at: dir); Memo.directory = nil; CellSession.memoScope = "" }

        var calls = 0
        let first = memo("sweep") { () -> [Double] in
            calls += 1; return [1, .nan, -.infinity]
        }
        let second = memo("sweep") { () -> [Double] in
            calls += 1; return []
        }
        XCTAssertEqual(calls, 1)
        XCTAssertEqual(second.count, 3)
        XCTAssertTrue(second[1].isNaN && first[1].isNaN)
        XCTAssertEqual(second[2], -.infinity)
        // Another type under the same key, and another scope, are different values.
        XCTAssertEqual(
            memo("sweep") { () -> Int in
                calls += 1; return 7
            }, 7)
        CellSession.memoScope = "scope-b"
        XCTAssertEqual(
            memo("sweep") { () -> [Double] in
                calls += 1; return [2]
            }, [2])
        XCTAssertEqual(calls, 3)

        let t = memo("weights") { Tensor<Float>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]) }
        let loaded = memo("weights") { () -> Tensor<Float> in
            XCTFail("recomputed"); return Tensor(shape: [0], scalars: [])
        }
        XCTAssertEqual(loaded.shape, [2, 3])
        XCTAssertEqual(loaded.scalars, t.scalars)
    }

    func testWithoutACacheDirectoryMemoJustComputes() {
        Memo.directory = nil
        var calls = 0
        _ = memo("k") { () -> Int in
            calls += 1; return 1
        }
        _ = memo("k") { () -> Int in
            calls += 1; return 1
        }
        XCTAssertEqual(calls, 2)
    }
}
