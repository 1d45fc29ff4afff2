import XCTest
import Graphics
import PlotData
@testable import Plot

/// Each mark family is one payload type (PlotData) that is also its recipe (Plot/Marks):
/// `Mark.payload` and `Mark.recipe` are the only two places that map a case to its type.
final class MarkRecipeTests: XCTestCase {
    func testEveryCaseMapsToItsOwnPayloadAsRecipe() {
        let marks = Gallery.all.flatMap { $0.1.panels.flatMap(\.marks) } + [.points3D(Points3DMark(x: [0], y: [0], z: [0], color: .black))]
        XCTAssertEqual(
            Set(marks.map(\.kind)),
            [
                "line", "scatter", "band", "bars", "stem", "step", "heatmap", "contour",
                "regions", "rule", "text", "arrow", "surface", "line3D", "points3D", "errorbar", "box", "annotation",
            ],
            "every family is covered")
        for m in marks {
            XCTAssertTrue(type(of: m.recipe) == type(of: m.payload), "\(m.kind): \(type(of: m.recipe))")
            XCTAssertEqual(type(of: m.recipe).kind, m.kind)
        }
    }

    func testExtentPadsOnlyAroundFreeData() {
        func padded(_ m: Mark) -> (Bool, Axes.Extent, Axes.Extent) {
            var x = Axes.Extent(scale: .linear), y = Axes.Extent(scale: .log)
            let pads = m.recipe.addExtent(x: &x, y: &y)
            return (pads, x, y)
        }
        let line = padded(.line(LineMark(x: [1, 2, 3], y: [-1, 10, 100], color: .black)))
        XCTAssertTrue(line.0)
        XCTAssertEqual([line.1.lo, line.1.hi, line.2.lo, line.2.hi], [1, 3, 1, 2], "log y skips -1")
        let heatmap = padded(
            .heatmap(
                HeatmapMark(
                    values: [1], rows: 1, columns: 1, xRange: [0, 4], yRange: [1, 10],
                    colormap: .viridis, valueRange: [0, 1])))
        XCTAssertFalse(heatmap.0, "a grid is drawn edge to edge")
        XCTAssertEqual([heatmap.1.lo, heatmap.1.hi, heatmap.2.lo, heatmap.2.hi], [0, 4, 0, 1])
        XCTAssertFalse(padded(.rule(RuleMark(orientation: .vertical, value: 2, color: .black))).0)
        let badArrow = padded(.arrow(ArrowMark(from: [1], to: [2, 3])))
        XCTAssertFalse(badArrow.0)
        XCTAssertEqual(badArrow.1.lo, .infinity, "a malformed arrow brings no extent")
    }

    func testLegendEntriesComeFromTheRecipes() {
        XCTAssertTrue(Mark.line(LineMark(x: [], y: [], color: .black)).recipe.legendEntries().isEmpty, "no label, no row")
        let band = Mark.band(BandMark(x: [], lower: [], upper: [], label: "IQR", color: .black, opacity: 0.3)).recipe.legendEntries()
        guard band.count == 1, case .patch(let c) = band[0].0 else { return XCTFail("\(band)") }
        XCTAssertEqual(band[0].1, "IQR")
        XCTAssertEqual(c.alpha, 0.3)
        let regions = Mark.regions(
            RegionMark(
                categories: [0, 1], rows: 1, columns: 2, xRange: [0, 1], yRange: [0, 1],
                names: ["flat", "steep"], colors: [.black, .white])
        ).recipe.legendEntries()
        XCTAssertEqual(regions.map(\.1), ["flat", "steep"], "one row per category")
    }

    func testColourScalesComeFromTheRecipes() {
        func contour(filled: Bool) -> Mark {
            .contour(
                ContourMark(
                    values: [0, 1, 2, 3], rows: 2, columns: 2, xRange: [0, 1], yRange: [0, 1], levels: [0, 1.5, 3],
                    filled: filled, lines: true, labels: false, colormap: .magma))
        }
        XCTAssertNil(contour(filled: false).recipe.colorScale)
        let filled = contour(filled: true).recipe.colorScale
        XCTAssertEqual(filled?.colormap, .magma)
        XCTAssertEqual(filled?.range, [0, 3])
        XCTAssertEqual(filled?.levels, [0, 1.5, 3])
        XCTAssertNil(Mark.scatter(ScatterMark(x: [1], y: [1], color: .black)).recipe.colorScale)
        XCTAssertEqual(Mark.scatter(ScatterMark(x: [1, 2], y: [1, 2], color: .black, values: [5, 7])).recipe.colorScale?.range, [5, 7])
    }
}
