import XCTest
@testable import Folio

/// The runtime half of the cell boundary: the generated program's table and its
/// argument-free `_folioNextCell()` calls (see `Tangler` in Runner). The walk is tested
/// through `step()`: `begin` also tunes malloc and signal handlers, which must not happen
/// to the test process (the end-to-end runs in RunnerTests cover it).
final class CellSessionTests: XCTestCase {
    override func tearDown() { (CellSession.table, CellSession.next) = ([], 0) }

    func testEachBoundaryEndsTheRunningCellAndBeginsTheNextOfTheTable() {
        _folioCells("0:17:ab12 3:18446744073709551615: 7:5:ff")
        XCTAssertEqual(CellSession.table.count, 3)
        var s = CellSession.step()  // before the first cell
        XCTAssertNil(s.ending)
        XCTAssertEqual(s.beginning?.index, 0)
        XCTAssertEqual(s.beginning?.seed, 17)
        XCTAssertEqual(s.beginning?.memoScope, "ab12")
        s = CellSession.step()
        XCTAssertEqual(s.ending, 0)
        XCTAssertEqual(s.beginning?.index, 3)
        XCTAssertEqual(s.beginning?.seed, UInt64.max)
        XCTAssertEqual(s.beginning?.memoScope, "", "an empty memo scope (a program tangled without a plan)")
        s = CellSession.step()
        XCTAssertEqual(s.ending, 3)
        XCTAssertEqual(s.beginning?.index, 7)
        XCTAssertEqual(s.beginning?.seed, 5)
        XCTAssertEqual(s.beginning?.memoScope, "ff")
        s = CellSession.step()  // after the last cell: ends it, begins nothing
        XCTAssertEqual(s.ending, 7)
        XCTAssertNil(s.beginning)
        s = CellSession.step()  // a stray extra boundary ends nothing twice
        XCTAssertNil(s.ending)
        XCTAssertNil(s.beginning)
    }

    func testAnEmptyTableIsAProgramWithoutCells() {
        _folioCells("")
        XCTAssertTrue(CellSession.table.isEmpty)
        let s = CellSession.step()
        XCTAssertNil(s.ending)
        XCTAssertNil(s.beginning)
    }
}
