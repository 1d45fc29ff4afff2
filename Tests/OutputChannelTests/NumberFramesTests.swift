import XCTest
import PlotData
@testable import OutputChannel

/// Long arrays cross the channel as binary frames (`NumberFrames`): bit for bit, compactly,
/// and a damaged frame is an error naming it, never a crash or a wrong number.
final class NumberFramesTests: XCTestCase {
    /// Every kind of double that JSON numbers cannot carry exactly, repeated past the threshold.
    static let special: [Double] = [
        Double(bitPattern: 0x7FF8_0000_0000_0ABC),  // a quiet NaN with a payload
        Double(bitPattern: 0x7FF0_0000_0000_0001),  // a signalling NaN
        Double(bitPattern: 0xFFF8_0000_0000_0000),  // a negative NaN
        -0.0, 0.0, .infinity, -.infinity,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude.nextDown,  // subnormals
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .pi, 0.1, 1e-300,
    ]

    func heatmap(_ values: [Double]) -> HeatmapMark {
        HeatmapMark(
            values: values, rows: 1, columns: values.count, xRange: [0, 1], yRange: [0, 1],
            colormap: .viridis, valueRange: [0, 1])
    }

    func figure(_ mark: Mark) -> CellOutput {
        var fig = Figure()
        fig.axes.marks.append(mark)
        return .figure(fig)
    }

    func heatmapValues(_ output: CellOutput) -> [Double]? {
        guard case .figure(let f) = output, case .heatmap(let h)? = f.axes.marks.first else { return nil }
        return h.values
    }

    func testSpecialValuesRoundTripBitForBit() throws {
        let values = (0..<40).flatMap { _ in Self.special }
        let record = OutputRecord(stdoutOffset: 3, output: figure(.heatmap(heatmap(values))))
        let (json, frames) = try ChannelCoding.encode(record)
        XCTAssertEqual(frames.count, NumberFrames.headerSize + 8 * values.count, "NaN payloads and subnormals need Float64")
        let back = try ChannelCoding.decode(OutputRecord.self, from: json, frames: frames, framesName: "t")
        XCTAssertEqual(heatmapValues(back.output)?.map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertEqual(back.stdoutOffset, 3)
    }

    func testValuesThatFitFloat32TravelAsFloat32AndComeBackExactly() throws {
        let values = (0..<1000).map { Double(Float($0) / 7) } + [-0.0, .infinity, -.infinity, .nan]
        let (json, frames) = try ChannelCoding.encode(heatmap(values))
        XCTAssertEqual(frames.count, NumberFrames.headerSize + 4 * values.count)
        let back = try ChannelCoding.decode(HeatmapMark.self, from: json, frames: frames, framesName: "t")
        XCTAssertEqual(back.values.map(\.bitPattern), values.map(\.bitPattern))
    }

    func testShortArraysAndPlainEncodersStayJSON() throws {
        let short = heatmap([1, 2, 3])
        let (json, frames) = try ChannelCoding.encode(short)
        XCTAssertTrue(frames.isEmpty)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("\"values\":[1,2,3]"))
        // Without frames (the manifest's digests, memo, anything else) a long array is the JSON it always was.
        let long = heatmap((0..<300).map(Double.init))
        let plain = String(decoding: try ChannelCoding.encoder().encode(long), as: UTF8.self)
        XCTAssertTrue(plain.contains("\"values\":[0,1,2,"), plain.prefix(200).description)
        XCTAssertEqual(try ChannelCoding.decoder().decode(HeatmapMark.self, from: Data(plain.utf8)), long)
    }

    /// The measure: a 1024² Float64 heatmap is about 8 MB on the channel, not the ~20 MB of JSON text.
    func testA1024SquaredHeatmapFitsIn8Point5Megabytes() throws {
        var state: UInt64 = 0x1234_5678
        let values = (0..<(1024 * 1024)).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var mark = heatmap(values)
        (mark.rows, mark.columns) = (1024, 1024)
        let (json, frames) = try ChannelCoding.encode(OutputRecord(stdoutOffset: 0, output: figure(.heatmap(mark))))
        XCTAssertLessThan(json.count + frames.count, 8_500_000)
        XCTAssertLessThan(json.count, 1_000)
        let asText = try ChannelCoding.encoder().encode(OutputRecord(stdoutOffset: 0, output: figure(.heatmap(mark))))
        XCTAssertGreaterThan(asText.count, 2 * (json.count + frames.count))
    }

    func testEveryLongArrayOfTheMarksIsFramed() throws {
        let n = (0..<500).map(Double.init)
        let marks: [Mark] = [
            .line(LineMark(x: n, y: n, color: .black)),
            .scatter(ScatterMark(x: n, y: n, color: .black)),
            .surface(SurfaceMark(z: n, rows: 20, columns: 25, xRange: [0, 1], yRange: [0, 1], colormap: .viridis)),
            .contour(
                ContourMark(
                    values: n, rows: 20, columns: 25, xRange: [0, 1], yRange: [0, 1], levels: [1, 2],
                    filled: true, lines: true, labels: false, colormap: .viridis)),
            .line3D(Line3DMark(x: n, y: n, z: n, color: .black)),
            .points3D(Points3DMark(x: n, y: n, z: n, color: .black)),
        ]
        for mark in marks {
            let (json, frames) = try ChannelCoding.encode(mark)
            XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("499"), mark.kind)
            XCTAssertGreaterThan(frames.count, 0, mark.kind)
            XCTAssertEqual(try ChannelCoding.decode(Mark.self, from: json, frames: frames, framesName: "t"), mark, mark.kind)
        }
    }
}
