import XCTest
import OutputChannel
@testable import Folio

final class ShowTests: XCTestCase {
    func testShowWritesTypedRecordsForTheCurrentCell() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-show-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir); CellSession.directory = nil; CellSession.current = -1 }
        CellSession.directory = dir
        CellSession.current = 2
        var fig = Figure(width: 100, height: 80)
        fig.line(x: [0, 1], y: [1, 2])
        show(fig)
        show(Tensor<Double>(rows: [[1, 2]]))
        show("text")
        let outputs = try RunFiles.read(cell: 2, in: dir)
        XCTAssertEqual(outputs, [.figure(fig), .value("[[1., 2.]]"), .value("text")])
    }

    func testFolioReexportsTheLayersNotebooksUse() {
        // A notebook writes `import Folio` and nothing else.
        let t = Tensor<Double>(rows: [[3, 4]])
        XCTAssertEqual(TrajectoryLength.polyline(Tensor<Double>(rows: [[0, 0], [3, 4]])), 5)
        XCTAssertEqual(matmul(t, t.transposed()).scalars, [25])
    }
}
