import XCTest
import PlotData
@testable import OutputChannel

/// The channel is plain data: these tests link only OutputChannel and PlotData (no Plot, no
/// Graphics, no Cairo), and the bytes are those the notebook process wrote before the figure
/// payloads moved out of Plot (taken from result-cache entries of 7a30fc9): decoding and
/// re-encoding gives them back byte for byte, so cache entries and outputs stay identical.
final class WireFormatTests: XCTestCase {
    static let figure =
        #"{"figure":{"_0":{"columns":1,"height":187.20000000000002,"panelLetters":false,"panels":[{"cycleIndex":3,"equalAspect":false,"grid":false,"legend":"best","marks":[{"band":{"_0":{"color":{"alpha":1,"blue":0.6980392156862745,"green":0.4470588235294118,"red":0},"label":"±2 s.e.","lower":[0.01432033058415733,0.06013927640935894,0.16233982968428645,0.35422501015434776,0.4414233630669762],"opacity":0.25,"upper":[0.033679669415842675,0.09386072359064106,0.21166017031571355,0.41577498984565225,0.5045766369330238],"x":[2,2.25,2.5,3,3.5]}}},{"line":{"_0":{"color":{"alpha":1,"blue":0,"green":0.3686274509803922,"red":0.8352941176470589},"dash":[],"label":"escaped","width":1.25,"x":[2,2.25,2.5,3,3.5],"y":[0.024,0.077,0.187,0.385,0.473]}}},{"scatter":{"_0":{"color":{"alpha":1,"blue":0.45098039215686275,"green":0.6196078431372549,"red":0},"colormap":"viridis","marker":"circle","size":4,"x":[2,2.25,2.5,3,3.5],"y":[0.024,0.077,0.187,0.385,0.473]}}}],"xLabel":"noise level $s$","xScale":{"linear":{}},"yLabel":"escape fraction","yScale":{"linear":{}}}],"rows":1,"sharedX":false,"sharedY":false,"width":302.40000000000003}}}"#
    static let table =
        #"{"table":{"_0":{"columns":[{"alignment":"auto","format":{"integer":{}},"title":"width $n$"},{"alignment":"auto","format":{"integer":{}},"title":"$P$"},{"alignment":"auto","format":{"integer":{}},"title":"steps $T$"},{"alignment":"auto","format":{"scientific":{"digits":1}},"title":"final loss"},{"alignment":"auto","format":{"scientific":{"digits":2}},"title":"$\\|\\theta_T - \\theta_0\\| \/ \\|\\theta_0\\|$"},{"alignment":"auto","format":{"scientific":{"digits":2}},"title":"kernel change"},{"alignment":"auto","format":{"scientific":{"digits":2}},"title":"gap to kernel fit"}],"rows":[[{"number":{"_0":20}},{"number":{"_0":481}},{"number":{"_0":439}},{"number":{"_0":9.752644367210789e-11}},{"number":{"_0":0.10583765639792309}},{"number":{"_0":0.7763604730817822}},{"number":{"_0":0.20968210585170455}}],[{"number":{"_0":100}},{"number":{"_0":10401}},{"number":{"_0":653}},{"number":{"_0":9.866177344048934e-11}},{"number":{"_0":0.014131782455022258}},{"number":{"_0":0.05268059892316269}},{"number":{"_0":0.11747843204090574}}],[{"number":{"_0":500}},{"number":{"_0":252001}},{"number":{"_0":457}},{"number":{"_0":9.597304570942944e-11}},{"number":{"_0":0.002537550143654738}},{"number":{"_0":0.03582917730721828}},{"number":{"_0":0.06502721170888534}}],[{"number":{"_0":2500}},{"number":{"_0":6260001}},{"number":{"_0":348}},{"number":{"_0":9.544691553897109e-11}},{"number":{"_0":0.0004756712599501644}},{"number":{"_0":0.011326195844001284}},{"number":{"_0":0.03068745093805314}}]]}}}"#

    func roundTrip(_ json: String) throws -> CellOutput {
        let output = try ChannelCoding.decoder().decode(CellOutput.self, from: Data(json.utf8))
        let again = try ChannelCoding.encoder().encode(output)
        XCTAssertEqual(String(decoding: again, as: UTF8.self), json)
        return output
    }

    func testAFigureReEncodesToTheSameBytes() throws {
        guard case .figure(let f) = try roundTrip(WireFormatTests.figure) else { return XCTFail("not a figure") }
        XCTAssertEqual(f.panels.count, 1)
        XCTAssertEqual(f.panels[0].xLabel, "noise level $s$")
        let marks = f.panels[0].marks
        guard marks.count == 3, case .band = marks[0], case .line(let line) = marks[1], case .scatter = marks[2] else {
            return XCTFail("not a band, a line and a scatter: \(marks)")
        }
        XCTAssertEqual(marks.map(\.kind), ["band", "line", "scatter"])
        XCTAssertEqual(line.label, "escaped")
        XCTAssertEqual(line.color, Color(hex: 0xD55E00))
        XCTAssertEqual(f.problems(), [])
    }

    func testATableReEncodesToTheSameBytes() throws {
        guard case .table(let t) = try roundTrip(WireFormatTests.table) else { return XCTFail("not a table") }
        XCTAssertEqual(t.columns.map(\.title).prefix(3), ["width $n$", "$P$", "steps $T$"])
        XCTAssertEqual(t.rows.count, 4)
        XCTAssertEqual(t.rows[0][0], .number(20))
        XCTAssertEqual(t.columns[3].format.format(t.rows[0][3].number ?? .nan), "9.8×10⁻¹¹")
    }

    /// Validation needs no drawing code either: a payload that cannot be drawn is refused by
    /// the data module itself, with the field named.
    func testValidationNeedsOnlyTheData() {
        var f = Figure()
        f.axes.marks = [.line(LineMark(x: [1, 2], y: [1], color: .black, width: -1))]
        XCTAssertEqual(
            f.problems(),
            [
                "figure panel 1: mark 1 (line): lengths differ (x has 2, y has 1)",
                "figure panel 1: mark 1 (line): width must be a finite number ≥ 0, got -1.0",
            ])
    }
}

private extension Table.Cell {
    var number: Double? { if case .number(let v) = self { v } else { nil } }
}
