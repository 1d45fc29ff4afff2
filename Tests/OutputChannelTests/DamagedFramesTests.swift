import XCTest
import PlotData
@testable import OutputChannel

/// `RunFiles.read` with number frames that a cell (or a disk) damaged: each case throws an
/// error naming the frames file and the offset; nothing traps, nothing reads a wrong number.
final class DamagedFramesTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-frames-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Writes one record with a 300-value heatmap (a Float64 frame at byte 0) as the notebook process would.
    func writeHeatmapRecord() throws -> (line: Data, frames: Data) {
        let values = (0..<300).map { Double($0) + 0.1 }
        var fig = Figure()
        fig.axes.marks.append(
            .heatmap(
                HeatmapMark(
                    values: values, rows: 15, columns: 20, xRange: [0, 1], yRange: [0, 1], colormap: .viridis,
                    valueRange: [0, 300])))
        let (json, frames) = try ChannelCoding.encode(OutputRecord(stdoutOffset: 0, output: .figure(fig)))
        let line = json + Data("\n".utf8)
        try line.write(to: dir.appendingPathComponent(RunFiles.outputs(0)))
        try frames.write(to: dir.appendingPathComponent(RunFiles.numbers(0)))
        return (line, frames)
    }

    func readError() -> String {
        do {
            _ = try RunFiles.read(cell: 0, in: dir)
            return "no error"
        } catch let DecodingError.dataCorrupted(context) { return context.debugDescription } catch { return "\(error)" }
    }

    func damage(_ body: (inout Data) -> Void) throws {
        let url = dir.appendingPathComponent(RunFiles.numbers(0))
        var data = try Data(contentsOf: url)
        body(&data)
        try data.write(to: url)
    }

    func testAnIntactFrameIsRead() throws {
        _ = try writeHeatmapRecord()
        guard case .figure(let f)? = try RunFiles.read(cell: 0, in: dir).first, case .heatmap(let h)? = f.axes.marks.first else {
            return XCTFail("no heatmap")
        }
        XCTAssertEqual(h.values, (0..<300).map { Double($0) + 0.1 })
    }

    func testATruncatedFrame() throws {
        _ = try writeHeatmapRecord()
        try damage { $0 = $0.prefix(1000) }
        XCTAssertEqual(
            readError(), "number frame at byte 0 of cell-0.numbers is truncated: it needs 24 + 300 × 8 bytes, 1000 are left")
    }

    func testAMissingFramesFile() throws {
        _ = try writeHeatmapRecord()
        try FileManager.default.removeItem(at: dir.appendingPathComponent(RunFiles.numbers(0)))
        XCTAssertEqual(readError(), "number frame at byte 0 of cell-0.numbers is missing: the file has 0 bytes")
    }

    func testAnOverwrittenPayloadFailsItsChecksum() throws {
        _ = try writeHeatmapRecord()
        try damage { $0[100] ^= 0x40 }
        XCTAssertEqual(
            readError(), "number frame at byte 0 of cell-0.numbers does not match its checksum (it was overwritten or damaged)")
    }

    func testADamagedHeader() throws {
        _ = try writeHeatmapRecord()
        try damage { $0[4] = 7 }
        XCTAssertEqual(readError(), "number frame at byte 0 of cell-0.numbers has a damaged header")
        try damage { $0 = Data(repeating: 0xFF, count: $0.count) }
        XCTAssertEqual(readError(), "number frame at byte 0 of cell-0.numbers has a damaged header")
    }

    func testARecordWhoseCountOrOffsetIsWrong() throws {
        let (line, _) = try writeHeatmapRecord()
        let text = String(decoding: line, as: UTF8.self)
        XCTAssertTrue(text.contains("{\"count\":300,\"frame\":0}"), text)
        let cases = [
            ("{\"count\":299,\"frame\":0}", "number frame at byte 0 of cell-0.numbers holds 300 values, the record expects 299"),
            ("{\"count\":-1,\"frame\":0}", "number frame at byte 0 of cell-0.numbers holds 300 values, the record expects -1"),
            ("{\"count\":300,\"frame\":-8}", "number frame at byte -8 of cell-0.numbers is missing: the file has 2424 bytes"),
            (
                "{\"count\":300,\"frame\":9223372036854775807}",
                "number frame at byte 9223372036854775807 of cell-0.numbers is missing: the file has 2424 bytes"
            ),
        ]
        for (reference, message) in cases {
            let bad = text.replacingOccurrences(of: "{\"count\":300,\"frame\":0}", with: reference)
            try Data(bad.utf8).write(to: dir.appendingPathComponent(RunFiles.outputs(0)))
            XCTAssertEqual(readError(), message, reference)
        }
    }

    func testAReferenceWithoutFramesIsAnError() throws {
        let (line, _) = try writeHeatmapRecord()
        XCTAssertThrowsError(try ChannelCoding.decoder().decode(OutputRecord.self, from: line)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.debugDescription, "the record refers to a number frame, but no frames came with it")
        }
    }
}
