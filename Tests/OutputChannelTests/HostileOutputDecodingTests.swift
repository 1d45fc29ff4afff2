import XCTest
import PlotData
@testable import OutputChannel

/// `RunFiles.read` validates every figure and table it decodes: a cell that writes one the
/// drawing code cannot draw gets an error naming the field, and `folio` never draws it.
final class HostileOutputDecodingTests: XCTestCase {
    func read(_ lines: [String]) throws -> [CellOutput] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent(RunFiles.outputs(0)))
        return try RunFiles.read(cell: 0, in: dir)
    }

    func record(_ output: CellOutput) throws -> String {
        String(decoding: try ChannelCoding.encoder().encode(OutputRecord(stdoutOffset: 0, output: output)), as: UTF8.self)
    }

    func testABadFigureThrowsWithTheFieldNamed() throws {
        var fig = Figure()
        fig.axes.marks.append(.line(LineMark(x: [0, 1], y: [0, 1], color: .black)))
        fig.axes.xLimits = [1]
        var second = Figure(width: 100, height: 100, rows: 1, columns: 2)
        second.panels[1].yLimits = [.nan, .infinity]
        XCTAssertThrowsError(try read([try record(.figure(fig))])) { e in
            XCTAssertEqual("\(e)", "figure panel 1: xLimits must hold two finite numbers, got [1.0]")
        }
        XCTAssertThrowsError(try read([try record(.value("ok")), try record(.figure(second))])) { e in
            XCTAssertEqual("\(e)", "figure panel 2: yLimits must hold two finite numbers, got [nan, inf]")
        }
    }

    func testABadTableThrows() throws {
        var t = Table(columns: [.init("a"), .init("b")])
        t.rows = [[.number(1)]]
        XCTAssertThrowsError(try read([try record(.table(t))])) { e in
            XCTAssertEqual("\(e)", "table row 1 has 1 cells, the table has 2 columns")
        }
    }

    func testGoodOutputsStillRead() throws {
        var fig = Figure()
        fig.axes.marks.append(.line(LineMark(x: [0, 1, 2], y: [1, 2, 3], color: .black)))
        let t = Table(columns: [.init("a")], rows: [[.text("x")]])
        XCTAssertEqual(try read([try record(.figure(fig)), try record(.table(t))]), [.figure(fig), .table(t)])
    }
}
