import Foundation
import Graphics
import XCTest
@testable import Plot

/// Figures and tables as another process may hand them over (decoded JSON): every structural
/// problem is reported with the field named, and whatever validation lets through draws
/// without trapping.
final class HostileFigureTests: XCTestCase {
    /// A valid one-panel figure with one line, as JSON, with `edit` applied to its object tree.
    func figure(_ edit: (inout [String: Any]) -> Void) throws -> Figure {
        var fig = Figure(width: 200, height: 150)
        fig.line(x: [0, 1, 2], y: [1, 3, 2], label: "a")
        let data = try JSONEncoder().encode(fig)
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        let edited = try JSONSerialization.data(withJSONObject: object)
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try d.decode(Figure.self, from: edited)
    }

    func panel(_ o: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var panels = o["panels"] as! [[String: Any]]
        edit(&panels[0])
        o["panels"] = panels
    }

    func mark(_ o: inout [String: Any], _ json: String) {
        panel(&o) { $0["marks"] = [try! JSONSerialization.jsonObject(with: Data(json.utf8))] }
    }

    func message(_ f: Figure) -> String {
        do { try f.validate(); return "" } catch { return "\(error)" }
    }

    /// Draws on every kind of canvas; a trap here fails the whole test run.
    func drawEverywhere(_ f: Figure) {
        for kind in [Canvas.Kind.pdf, .svg, .png(dpi: 72)] {
            let c = Canvas(kind, width: 300, height: 200)
            f.draw(on: c)
            XCTAssertFalse(c.finish().isEmpty)
        }
    }

    func testLimitsOfTheWrongShapeNameTheirField() throws {
        let cases: [(Any, String)] = [
            ([1.0], "figure panel 1: xLimits must hold two finite numbers, got [1.0]"),
            (["nan", "inf"], "figure panel 1: xLimits must hold two finite numbers, got [nan, inf]"),
            ([-1e308, 1e308], "figure panel 1: xLimits must hold two finite numbers, got [-1e+308, 1e+308]"),
            ([2.0, 2.0], "figure panel 1: xLimits must be two different numbers, got [2.0, 2.0]"),
            ([1.0, 2.0, 3.0], "figure panel 1: xLimits must hold two finite numbers, got [1.0, 2.0, 3.0]"),
        ]
        for (limits, expected) in cases {
            let f = try figure { o in panel(&o) { $0["xLimits"] = limits } }
            XCTAssertEqual(message(f), expected)
            drawEverywhere(f)
        }
        // Reversed limits are an inverted axis, as in matplotlib: valid.
        let reversed = try figure { o in panel(&o) { $0["yLimits"] = [5.0, 0.0] } }
        XCTAssertEqual(message(reversed), "")
        drawEverywhere(reversed)
        let log = try figure { o in
            panel(&o) {
                $0["yScale"] = ["log": [String: Any]()]; $0["yLimits"] = [-1.0, 10.0]
            }
        }
        XCTAssertEqual(message(log), "figure panel 1: yLimits of a log axis must be positive, got [-1.0, 10.0]")
        drawEverywhere(log)
    }

    func testSizesAndGridsAreChecked() throws {
        for (w, h) in [(0.0, 100.0), (-5.0, 100.0), (1e9, 100.0)] as [(Double, Double)] {
            let f = try figure {
                $0["width"] = w; $0["height"] = h
            }
            XCTAssertTrue(message(f).hasPrefix("figure: size must be positive and at most 14400 pt, got"), message(f))
            drawEverywhere(f)
        }
        let nan = try figure { $0["width"] = "nan" }
        XCTAssertEqual(message(nan), "figure: size must be positive and at most 14400 pt, got nan×150.0 pt")
        XCTAssertEqual(message(try figure { $0["columns"] = 2 }), "figure: a 1×2 grid needs 2 panels, got 1")
        XCTAssertEqual(
            message(try figure { $0["rows"] = 0 }),
            "figure: a grid needs 1…10000 panels of ≥ 1 row and column, got 0×1")
        XCTAssertEqual(
            message(
                try figure {
                    $0["rows"] = Int.max; $0["columns"] = 2
                }),
            "figure: a grid needs 1…10000 panels of ≥ 1 row and column, got \(Int.max)×2")
    }

    func testMarksWithMismatchedData() throws {
        let color = #"{"red":0,"green":0,"blue":1,"alpha":1}"#
        let cases: [(String, String)] = [
            (
                #"{"line":{"_0":{"x":[1,2,3],"y":[1],"color":\#(color),"width":1,"dash":[]}}}"#,
                "figure panel 1: mark 1 (line): lengths differ (x has 3, y has 1)"
            ),
            (
                #"{"line":{"_0":{"x":[1],"y":[1],"color":\#(color),"width":"nan","dash":[]}}}"#,
                "figure panel 1: mark 1 (line): width must be a finite number ≥ 0, got nan"
            ),
            (
                #"{"line":{"_0":{"x":[1],"y":[1],"color":\#(color),"width":1,"dash":[-1, 2]}}}"#,
                "figure panel 1: mark 1 (line): dash lengths must be finite and ≥ 0, got [-1.0, 2.0]"
            ),
            (
                #"{"heatmap":{"_0":{"values":[1,2,3],"rows":2,"columns":2,"xRange":[0,1],"yRange":[0,1],"colormap":"viridis","valueRange":[0,1]}}}"#,
                "figure panel 1: mark 1 (heatmap): 3 values do not fill a 2×2 grid"
            ),
            (
                #"{"heatmap":{"_0":{"values":[1],"rows":1,"columns":1,"xRange":[0],"yRange":[0,1],"colormap":"viridis","valueRange":[0,1]}}}"#,
                "figure panel 1: mark 1 (heatmap): xRange must hold two finite numbers, got [0.0]"
            ),
            (
                #"{"contour":{"_0":{"values":[1,2,3,4],"rows":2,"columns":2,"xRange":[0,1],"yRange":[0,1],"levels":[],"filled":true,"lines":true,"labels":true,"colormap":"viridis"}}}"#,
                "figure panel 1: mark 1 (contour): filled contours need at least 2 levels, got 0"
            ),
            (
                #"{"contour":{"_0":{"values":[1,2,3,4],"rows":2,"columns":2,"xRange":[0,1],"yRange":[0,1],"levels":["nan",1],"filled":false,"lines":true,"labels":true,"colormap":"viridis"}}}"#,
                "figure panel 1: mark 1 (contour): levels must be finite numbers, got [nan, 1.0]"
            ),
            (
                #"{"regions":{"_0":{"categories":[0,-3],"rows":1,"columns":2,"xRange":[0,1],"yRange":[0,1],"names":["a"],"colors":[]}}}"#,
                "figure panel 1: mark 1 (regions): needs at least one colour; figure panel 1: mark 1 (regions): category -3 has no name (1 names)"
            ),
            (
                #"{"arrow":{"_0":{"from":[0],"to":[1,1],"color":\#(color)}}}"#,
                "figure panel 1: mark 1 (arrow): from and to must be two finite numbers each, got [0.0] and [1.0, 1.0]"
            ),
            (
                #"{"text":{"_0":{"x":0,"y":0,"text":"hi","anchor":"left","color":\#(color),"size":1e9}}}"#,
                "figure panel 1: mark 1 (text): size must be a font size in (0, 1000] pt, got 1000000000.0"
            ),
            (
                #"{"surface":{"_0":{"z":[1,2],"rows":1,"columns":2,"xRange":[0,1],"yRange":[0,1],"colormap":"viridis"}}}"#,
                "figure panel 1: mark 1 (surface): 2 values do not fill a 1×2 grid (at least 2×2)"
            ),
            (
                #"{"points3D":{"_0":{"x":[1,2],"y":[1],"z":[1,2],"color":\#(color),"size":4}}}"#,
                "figure panel 1: mark 1 (points3D): lengths differ (x has 2, y has 1, z has 2)"
            ),
        ]
        for (json, expected) in cases {
            let f = try figure { mark(&$0, json) }
            XCTAssertEqual(message(f), expected)
            drawEverywhere(f)  // the drawing skips what it cannot index
        }
    }

    func testOddButDrawableValuesAreNotErrors() throws {
        // NaN and ±∞ points are gaps, 1e308 is beyond what an axis shows, a huge line width is
        // clamped, out-of-range colour components are clamped when decoded.
        let f = try figure {
            mark(
                &$0,
                #"{"line":{"_0":{"x":[0,1,"nan",3,1e308,-1e308],"y":["inf",2,3,4,5,6],"color":{"red":7,"green":"nan","blue":-1,"alpha":1},"width":1e12,"dash":[0,0]}}}"#
            )
        }
        XCTAssertEqual(message(f), "")
        guard case .line(let l) = f.panels[0].marks[0] else { return XCTFail() }
        XCTAssertEqual([l.color.red, l.color.green, l.color.blue], [1, 0, 0])
        XCTAssertEqual(f.panels[0].limits().x.0, -0.12, accuracy: 1e-9)  // 0…3 padded by 4 %
        drawEverywhere(f)
        // Data spanning ±1e300 (the largest shown): finite ticks, no trap in the tick search.
        var big = Figure(width: 200, height: 150)
        big.line(x: [-1e300, 1e300], y: [1e300, -1e300])
        big.axes.heatmap([1, .nan, 3, 4], rows: 2, columns: 2)
        XCTAssertEqual(message(big), "")
        drawEverywhere(big)
    }

    func testTablesWithRowsOfTheWrongLength() throws {
        let json =
            #"{"columns":[{"title":"a","alignment":"auto","format":{"fixed":{"digits":1000000000}}},{"title":"b","alignment":"left","format":{"automatic":{}}}],"rows":[[{"number":{"_0":1.5}}],[{"text":{"_0":"x"}},{"text":{"_0":"y"}},{"text":{"_0":"z"}}]]}"#
        let t = try JSONDecoder().decode(Table.self, from: Data(json.utf8))
        XCTAssertThrowsError(try t.validate()) { e in
            XCTAssertEqual("\(e)", "table row 1 has 1 cells, the table has 2 columns; table row 2 has 3 cells, the table has 2 columns")
        }
        // Drawing what it can: no trap on the short or long rows, digits capped at 17.
        let c = Canvas(.png(dpi: 72), width: 300, height: 100)
        XCTAssertGreaterThan(t.draw(on: c, at: Point(0, 0)), 0)
        XCTAssertEqual(Table.NumberFormat.fixed(digits: 1_000_000_000).format(1.5), "1.50000000000000000")
    }
}

extension HostileFigureTests {
    func testLongLabelsAreCutAndSurfacesWithHugeValuesDraw() throws {
        let c = Canvas(.pdf, width: 300, height: 200)
        let label = LabelRenderer.plain(c, String(repeating: "w", count: 100_000), 9, false)
        let cut = LabelRenderer.plain(c, String(repeating: "w", count: LabelRenderer.maxLength) + "…", 9, false)
        XCTAssertEqual(label.size.width, cut.size.width, accuracy: 0.01)
        var fig = Figure(width: 200, height: 150)
        fig.axes.surface([0, 1, 1e308, 0.5], rows: 2, columns: 2, x: [0, 1], y: [0, 1])
        fig.axes.line3D(x: [0, 1], y: [0, 1e308], z: [0, 1])
        XCTAssertEqual(message(fig), "")
        drawEverywhere(fig)
    }
}
