import Graphics
import PlotData

/// How Plot handles one family of marks (Makie's plot recipes): each payload type of PlotData
/// conforms in one file of Plot/Marks, holding everything about that family — the `Axes`
/// method notebooks call to add it, the extent it gives the axes, its legend entries and
/// footprint, and its drawing. Axes, legend, colorbar and 3-D scene ask `mark.recipe` and
/// never switch over the cases.
///
/// How to add a mark (say a box plot):
/// 1. PlotData: a payload struct `BoxMark` (Codable, public memberwise init) in
///    `Sources/Shared/PlotData/Marks/BoxMark.swift`, conforming to `MarkPayload` there (`kind` and
///    `problems()`: what makes a decoded one undrawable), and a case `box(BoxMark)` in `Mark`
///    plus its line in `Mark.payload`.
/// 2. Plot: `Sources/Drawing/Plot/Marks/BoxRecipe.swift` with `extension Axes { mutating func box(…) }`
///    (check the inputs, append `.box(…)`) and `extension BoxMark: MarkRecipe`, implementing
///    what it needs (the defaults are: no extent, no legend, nothing drawn); then its line
///    in `Mark.recipe` below. The compiler points at both mapping switches.
/// 3. Tests: a figure using it in Tests/PlotTests/Gallery.swift, the family in
///    MarkRecipeTests' list, its refusals in HostileFigureTests.
/// The recipe draws defensively: a decoded payload is validated before drawing, but drawing
/// code never traps on one that slipped through (skip what cannot be indexed).
protocol MarkRecipe: MarkPayload {
    /// Adds the data's extent (in scale space, skipping what the scale cannot show) and returns
    /// whether the limits should be padded around it: false for marks drawn edge to edge (grids)
    /// and those that bring no data of their own.
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool
    /// Legend rows (swatch and text), in order; none for an unlabelled mark.
    func legendEntries() -> [(Legend.Swatch, String)]
    /// Where the mark draws inside the frame, for placing the legend where it covers nothing.
    func footprint(in frame: PlotFrame) -> Legend.Footprint
    /// Draws a 2-D mark inside the frame (the canvas is already clipped to it).
    func draw(on canvas: Canvas, frame: PlotFrame)
    /// The colour scale the mark brings (shown by the colorbar).
    var colorScale: Colorbar.Scale? { get }
    /// 3-D marks: each data point that the box around the scene must hold.
    func addBounds3D(_ add: (Double, Double, Double) -> Void)
    /// 3-D marks: the facets, segments and dots to depth-sort, with `screen` mapping scene
    /// coordinates (see `Scene3D.normalized`) to a point and its depth.
    func addItems3D(
        scene: Scene3D, screen: ((Double, Double, Double)) -> (Point, Double),
        add: (Double, Scene3D.Item) -> Void)
}

extension MarkRecipe {
    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool { false }
    func legendEntries() -> [(Legend.Swatch, String)] { [] }
    func footprint(in frame: PlotFrame) -> Legend.Footprint { .points([]) }
    func draw(on canvas: Canvas, frame: PlotFrame) {}
    var colorScale: Colorbar.Scale? { nil }
    func addBounds3D(_ add: (Double, Double, Double) -> Void) {}
    func addItems3D(
        scene: Scene3D, screen: ((Double, Double, Double)) -> (Point, Double),
        add: (Double, Scene3D.Item) -> Void
    ) {}
}

extension Mark {
    /// This case's recipe: the one place in Plot that maps a case to its type.
    var recipe: any MarkRecipe {
        switch self {
        case .line(let m): m
        case .scatter(let m): m
        case .band(let m): m
        case .bars(let m): m
        case .stem(let m): m
        case .step(let m): m
        case .heatmap(let m): m
        case .contour(let m): m
        case .regions(let m): m
        case .rule(let m): m
        case .text(let m): m
        case .arrow(let m): m
        case .surface(let m): m
        case .line3D(let m): m
        case .points3D(let m): m
        case .errorbar(let m): m
        case .box(let m): m
        case .annotation(let m): m
        }
    }
}
